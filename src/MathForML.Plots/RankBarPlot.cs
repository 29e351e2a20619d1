using System.Globalization;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>PageRank as a bar chart: one bar a page (the course's small internets) or the top-k nodes of a large graph.</summary>
public static class RankBarPlot
{
    /// <summary>Draws one bar per (node, rank) pair, in the order given.</summary>
    /// <param name="title">The figure's title.</param>
    /// <param name="bars">The bars: the node (page) and its rank.</param>
    /// <param name="rankLabel">The label of the rank axis, e.g. "surfers (of 100)" or "rank".</param>
    /// <param name="names">Tick labels indexed by node (e.g. the course's A … F); node numbers when null.</param>
    /// <returns>A figure 480 pixels high, 24 pixels wide a bar and at least as wide as its title (between 480 and 1600).</returns>
    public static Figure Create(string title, IReadOnlyList<(int Node, double Rank)> bars, string rankLabel, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var plot = new Plot();
        plot.Title(title);
        var bar = plot.Add.Bars(bars.Select(b => b.Rank).ToArray());
        bar.Color = Colors.SteelBlue;
        var ticks = bars.Select((b, i) => new Tick(i, names?[b.Node] ?? b.Node.ToString(CultureInfo.InvariantCulture))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        // Node numbers wider than a bar (24 pixels: about 3 digits) run together side by side: turn them upright.
        if (bars.Count > 20 || ticks.Any(t => t.Label.Length > 3))
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        }
        plot.Axes.Bottom.Label.Text = "page";
        plot.Axes.Left.Label.Text = rankLabel;
        plot.Axes.Margins(bottom: 0);
        return new Figure(plot, Math.Clamp(Math.Max(80 + 24 * bars.Count, 60 + 10 * title.Length), 480, 1600), 480);
    }
}
