using ScottPlot;

namespace MathForML.Cli.Plots;

/// <summary>PageRank as a bar chart: one bar a page (the course's small internets) or the top-k nodes of a large graph.</summary>
internal static class RankBarPlot
{
    /// <summary>Draws the bars; ticks show <paramref name="names"/>[node] when given, else the node number.</summary>
    public static void Save(string path, string title, IReadOnlyList<(int Node, double Rank)> bars, string rankLabel, IReadOnlyList<string>? names = null)
    {
        var plot = new Plot();
        plot.Title(title);
        var bar = plot.Add.Bars(bars.Select(b => b.Rank).ToArray());
        bar.Color = Colors.SteelBlue;
        var ticks = bars.Select((b, i) => new Tick(i, names?[b.Node] ?? b.Node.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        if (bars.Count > 20) plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
        plot.Axes.Bottom.Label.Text = "page";
        plot.Axes.Left.Label.Text = rankLabel;
        plot.Axes.Margins(bottom: 0);
        int width = Math.Clamp(80 + 24 * bars.Count, 480, 1600);
        if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            var svg = plot.GetSvgXml(width, 480);
            MathForML.Data.AtomicFile.WriteText(path, w => w.Write(svg));
        }
        else
        {
            PlotFile.SavePng(plot, path, width, 480);
        }
    }
}
