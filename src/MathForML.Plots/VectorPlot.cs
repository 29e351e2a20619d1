using ScottPlot;

namespace MathForML.Plots;

/// <summary>One arrow of a <see cref="VectorPlot"/>: from a point to a point of the plane, with a label at its tip.</summary>
/// <param name="FromX">The tail's x.</param>
/// <param name="FromY">The tail's y.</param>
/// <param name="ToX">The tip's x.</param>
/// <param name="ToY">The tip's y.</param>
/// <param name="Label">Written beside the tip; empty for none.</param>
/// <param name="Color">The arrow's colour.</param>
/// <param name="Faint">Drawn faint (a vector as given, a vector before a step).</param>
public sealed record PlotArrow(double FromX, double FromY, double ToX, double ToY, string Label, Color Color, bool Faint = false)
{
    /// <summary>An arrow from the origin to (x, y).</summary>
    public static PlotArrow FromOrigin(double x, double y, string label, Color color, bool faint = false) =>
        new(0, 0, x, y, label, color, faint);
}

/// <summary>Vectors of the plane drawn as arrows on square axes through the origin (Gram–Schmidt, bases, eigenvectors).</summary>
public static class VectorPlot
{
    /// <summary>Draws <paramref name="arrows"/> on square axes.</summary>
    /// <param name="title">The figure's title.</param>
    /// <param name="arrows">The arrows, drawn in order (later ones on top).</param>
    /// <param name="limit">The axes run from −limit to limit; when null, far enough to show every arrow.</param>
    /// <param name="size">Width and height in pixels.</param>
    public static Figure Create(string title, IReadOnlyList<PlotArrow> arrows, double? limit = null, int size = 480)
    {
        ArgumentNullException.ThrowIfNull(arrows);
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("x");
        plot.YLabel("y");
        var axisX = plot.Add.HorizontalLine(0, 1, Colors.Gray);
        var axisY = plot.Add.VerticalLine(0, 1, Colors.Gray);
        axisX.ExcludeFromLegend = axisY.ExcludeFromLegend = true;
        double reach = 1;
        foreach (var a in arrows)
            reach = Math.Max(reach, new[] { a.FromX, a.FromY, a.ToX, a.ToY }.Max(Math.Abs));
        AddArrows(plot, arrows);

        double l = limit ?? Math.Ceiling(reach * 1.15 * 2) / 2;
        plot.Axes.SetLimits(-l, l, -l, l);
        plot.Axes.SquareUnits();
        return new Figure(plot, size, size);
    }

    /// <summary>Adds <paramref name="arrows"/> to <paramref name="plot"/> (a zero arrow as a dot), each with its label at the tip.</summary>
    internal static void AddArrows(Plot plot, IReadOnlyList<PlotArrow> arrows)
    {
        foreach (var a in arrows)
        {
            if (a.FromX == a.ToX && a.FromY == a.ToY)
            {
                var dot = plot.Add.Marker(a.ToX, a.ToY, MarkerShape.FilledCircle, 8, a.Color);
                dot.LegendText = "";
            }
            else
            {
                var arrow = plot.Add.Arrow(new Coordinates(a.FromX, a.FromY), new Coordinates(a.ToX, a.ToY));
                arrow.ArrowFillColor = a.Color;
                arrow.ArrowLineColor = a.Color;
                arrow.ArrowWidth = 2;
                arrow.ArrowheadWidth = 12;
                arrow.ArrowheadLength = 14;
                if (a.Faint)
                {
                    arrow.ArrowFillColor = a.Color.WithAlpha(0.35);
                    arrow.ArrowLineColor = a.Color.WithAlpha(0.6);
                }
            }
            if (a.Label.Length > 0)
            {
                var text = plot.Add.Text(a.Label, a.ToX, a.ToY);
                text.LabelFontSize = 14;
                text.LabelBold = true;
                text.LabelFontColor = a.Color;
                // A faint arrow's label goes below its tip, a bold one's above: a vector and its image stay readable.
                text.LabelAlignment = a.Faint ? Alignment.UpperLeft : Alignment.LowerLeft;
                text.LabelOffsetX = 4;
                text.LabelOffsetY = a.Faint ? 2 : -2;
            }
        }
    }
}
