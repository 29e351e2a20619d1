using System.Globalization;
using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// A small internet drawn as a graph (the course's micro-internet): pages on a circle, an arrow for every link, each
/// page's disc as large as its share of the surfers.
/// </summary>
public static class LinkGraphPlot
{
    private const double NodeRadius = 0.13;

    /// <summary>Draws the link matrix <paramref name="linkMatrix"/> (column j holds page j's out-links) with <paramref name="ranks"/>.</summary>
    /// <param name="linkMatrix">Square, non-negative: an entry (i, j) &gt; 0 is a link from page j to page i.</param>
    /// <param name="ranks">Each page's rank (surfers), or null to draw all pages the same size.</param>
    /// <param name="names">Page names (the course's A, B, …); letters when null.</param>
    /// <param name="title">The figure's title.</param>
    /// <returns>A 520×520 figure.</returns>
    public static Figure Create(Matrix linkMatrix, IReadOnlyList<double>? ranks = null, IReadOnlyList<string>? names = null, string title = "The micro-internet")
    {
        ArgumentNullException.ThrowIfNull(linkMatrix);
        int n = linkMatrix.Rows;
        if (linkMatrix.Columns != n)
            throw new ArgumentException($"The link matrix is {n}×{linkMatrix.Columns}: it must be square.", nameof(linkMatrix));
        if (ranks is not null && ranks.Count != n)
            throw new ArgumentException($"{ranks.Count} ranks for {n} pages.", nameof(ranks));
        var plot = new Plot();
        plot.Title(title);
        var at = new Coordinates[n];
        for (int i = 0; i < n; i++)
        {
            double angle = Math.PI / 2 - 2 * Math.PI * i / n;
            at[i] = new Coordinates(Math.Cos(angle), Math.Sin(angle));
        }

        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                if (linkMatrix[i, j] <= 0)
                    continue;
                if (i == j)
                {
                    var loop = plot.Add.Circle(at[i].X * 1.22, at[i].Y * 1.22, NodeRadius * 0.8);
                    loop.LineColor = Colors.Gray;
                    loop.FillColor = Colors.Transparent;
                    continue;
                }
                double dx = at[i].X - at[j].X, dy = at[i].Y - at[j].Y, length = Math.Sqrt(dx * dx + dy * dy);
                double ux = dx / length, uy = dy / length;
                // Two links between the same pages run side by side, not on top of each other.
                double ox = -uy * 0.03, oy = ux * 0.03;
                var arrow = plot.Add.Arrow(
                    new Coordinates(at[j].X + ux * NodeRadius + ox, at[j].Y + uy * NodeRadius + oy),
                    new Coordinates(at[i].X - ux * NodeRadius + ox, at[i].Y - uy * NodeRadius + oy));
                arrow.ArrowFillColor = Colors.Gray;
                arrow.ArrowLineColor = Colors.Gray;
                arrow.ArrowWidth = 1.5f;
                arrow.ArrowheadWidth = 10;
                arrow.ArrowheadLength = 12;
            }
        }

        double total = ranks?.Sum() ?? n;
        for (int i = 0; i < n; i++)
        {
            double share = ranks is null ? 1.0 / n : Math.Max(ranks[i], 0) / total;
            var disc = plot.Add.Circle(at[i].X, at[i].Y, NodeRadius * (0.35 + 0.65 * Math.Sqrt(Math.Min(1, share * n / 2))));
            disc.FillColor = Colors.SteelBlue.WithAlpha(0.85);
            disc.LineColor = Colors.Navy;
            string name = names?[i] ?? ((char)('A' + i % 26)).ToString();
            string label = ranks is null ? name : string.Create(CultureInfo.InvariantCulture, $"{name}  {ranks[i]:0.00}");
            var text = plot.Add.Text(label, at[i].X * 1.42, at[i].Y * 1.42);
            text.LabelFontSize = 15;
            text.LabelBold = true;
            text.LabelAlignment = Alignment.MiddleCenter;
        }

        plot.Axes.SetLimits(-1.75, 1.75, -1.75, 1.75);
        plot.Axes.SquareUnits();
        plot.HideAxesAndGrid();
        return new Figure(plot, 520, 520);
    }
}
