using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// Points of the plane, their orthogonal projections onto a line through the origin and the distances between them
/// (what the reconstruction error sums), with the line's direction vector ending in a round handle.
/// </summary>
public static class ProjectionPlot
{
    /// <summary>Draws the points (rows of <paramref name="points"/>), their projections and the line along <paramref name="direction"/>.</summary>
    /// <param name="points">N×2: one point per row.</param>
    /// <param name="projections">N×2: the projection of each point, row for row.</param>
    /// <param name="direction">The line's direction b (drawn as an arrow with a handle at its tip).</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="limit">The axes run from −limit to limit on both axes (fixed, so a dragged handle keeps its place).</param>
    /// <param name="size">Width and height in pixels.</param>
    public static Figure Create(Matrix points, Matrix projections, Vector direction, string title, double limit = 3, int size = 520)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(projections);
        ArgumentNullException.ThrowIfNull(direction);
        if (points.Columns != 2 || projections.Columns != 2 || points.Rows != projections.Rows || direction.Length != 2)
            throw new ArgumentException($"Need N×2 points and projections and a 2-vector; got {points.Rows}×{points.Columns}, {projections.Rows}×{projections.Columns} and {direction.Length}.", nameof(points));
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("x1");
        plot.YLabel("x2");
        if (direction.Norm() > 0)
        {
            var d = direction.Normalize() * (limit * 1.5);
            var line = plot.Add.Line(-d[0], -d[1], d[0], d[1]);
            line.LineColor = Colors.Gray;
            line.LineWidth = 2;
            line.LegendText = "span(b)";
        }

        for (int i = 0; i < points.Rows; i++)
        {
            var gap = plot.Add.Line(points[i, 0], points[i, 1], projections[i, 0], projections[i, 1]);
            // Solid, not dashed: SkiaSharp's SVG canvas has no dash effect and logs a warning for every dashed line.
            gap.LineColor = Colors.Crimson.WithAlpha(0.7);
            gap.LineWidth = 1.5f;
            if (i == 0) gap.LegendText = "x − π(x)";
        }

        var original = plot.Add.Markers(points.Column(0).ToArray(), points.Column(1).ToArray(), MarkerShape.FilledCircle, 9, Colors.Black);
        original.LegendText = "x";
        var projected = plot.Add.Markers(projections.Column(0).ToArray(), projections.Column(1).ToArray(), MarkerShape.OpenCircle, 10, Colors.Crimson);
        projected.LegendText = "π(x)";

        var stem = plot.Add.Line(0, 0, direction[0], direction[1]);
        stem.LineColor = Colors.DarkGreen;
        stem.LineWidth = 3;
        var handle = plot.Add.Marker(direction[0], direction[1], MarkerShape.FilledCircle, 14, Colors.DarkGreen);
        handle.LegendText = "b (drag it)";

        plot.Axes.SetLimits(-limit, limit, -limit, limit);
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.LowerRight);
        return new Figure(plot, size, size);
    }
}
