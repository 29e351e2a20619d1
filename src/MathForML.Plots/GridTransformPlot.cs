using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// A 2×2 matrix acting on the plane: the square grid and the unit circle before (faint) and after (bold) the
/// transformation, with arrows on top (eigenvectors, iterates of the power method).
/// </summary>
public static class GridTransformPlot
{
    /// <summary>Draws the grid lines x = k/4 and y = k/4 (|k| ≤ 4) and the unit circle, before and after <paramref name="transformation"/>.</summary>
    /// <param name="transformation">A 2×2 matrix.</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="arrows">Arrows drawn on top.</param>
    /// <param name="size">Width and height in pixels.</param>
    public static Figure Create(Matrix transformation, string title, IReadOnlyList<PlotArrow> arrows, int size = 520)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentNullException.ThrowIfNull(arrows);
        if (transformation.Rows != 2 || transformation.Columns != 2)
            throw new ArgumentException($"The transformation is {transformation.Rows}×{transformation.Columns}: it must be 2×2.", nameof(transformation));
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("x");
        plot.YLabel("y");
        var before = Colors.Gray.WithAlpha(0.35);
        var after = Colors.SteelBlue.WithAlpha(0.7);
        double reach = 1.5;
        for (int k = -4; k <= 4; k++)
        {
            double t = k / 4.0;
            foreach (var (x0, y0, x1, y1) in new[] { (t, -1.0, t, 1.0), (-1.0, t, 1.0, t) })
            {
                var plain = plot.Add.Line(x0, y0, x1, y1);
                plain.LineColor = before;
                plain.LineWidth = k == 0 ? 2 : 1;
                var p = transformation * Vector.Of(x0, y0);
                var q = transformation * Vector.Of(x1, y1);
                var moved = plot.Add.Line(p[0], p[1], q[0], q[1]);
                moved.LineColor = after;
                moved.LineWidth = k == 0 ? 2.5f : 1;
                reach = Math.Max(reach, new[] { p[0], p[1], q[0], q[1] }.Max(Math.Abs));
            }
        }

        const int points = 121;
        var circle = new Matrix(2, points);
        for (int i = 0; i < points; i++)
        {
            double angle = 2 * Math.PI * i / (points - 1);
            circle[0, i] = Math.Cos(angle);
            circle[1, i] = Math.Sin(angle);
        }
        var image = transformation * circle;
        var unit = plot.Add.Scatter(circle.Row(0).ToArray(), circle.Row(1).ToArray(), Colors.Gray);
        unit.MarkerSize = 0;
        unit.LineWidth = 2;
        unit.LegendText = "unit circle";
        var ellipse = plot.Add.Scatter(image.Row(0).ToArray(), image.Row(1).ToArray(), Colors.Navy);
        ellipse.MarkerSize = 0;
        ellipse.LineWidth = 2.5f;
        ellipse.LegendText = "its image";

        VectorPlot.AddArrows(plot, arrows);
        foreach (var a in arrows)
            reach = Math.Max(reach, new[] { a.FromX, a.FromY, a.ToX, a.ToY }.Max(Math.Abs));

        double limit = Math.Min(Math.Ceiling(reach * 1.1 * 2) / 2, 7);
        plot.Axes.SetLimits(-limit, limit, -limit, limit);
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.LowerRight);
        return new Figure(plot, size, size);
    }
}
