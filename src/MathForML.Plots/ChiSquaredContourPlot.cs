using System.Globalization;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// χ² of a two-parameter fit over the parameter plane: log₁₀ χ² as shading with contour lines, a descent's path across
/// it, and another solver's minimum marked (as the course's heights fit draws its steepest descent over (μ, σ)).
/// </summary>
public static class ChiSquaredContourPlot
{
    private const int Cells = 80;   // drawn smoothed: enough for a surface this smooth, and quick

    /// <summary>log₁₀ χ² over [<paramref name="xFrom"/>, <paramref name="xTo"/>] × [<paramref name="yFrom"/>, <paramref name="yTo"/>], the path and the other minimum.</summary>
    /// <param name="title">The figure's title.</param>
    /// <param name="chiSquared">χ²(p, q), the sum of squares at the parameters (p, q).</param>
    /// <param name="xName">The first parameter's name (the horizontal axis).</param>
    /// <param name="yName">The second parameter's name (the vertical axis).</param>
    /// <param name="xFrom">The first parameter's least value drawn.</param>
    /// <param name="xTo">The first parameter's greatest value drawn.</param>
    /// <param name="yFrom">The second parameter's least value drawn.</param>
    /// <param name="yTo">The second parameter's greatest value drawn.</param>
    /// <param name="path">The descent's parameters, the start first (points that are not finite end the line).</param>
    /// <param name="pathLabel">The path's legend label.</param>
    /// <param name="minimum">Another solver's minimum to mark, or null.</param>
    /// <param name="minimumLabel">Its legend label.</param>
    /// <exception cref="ArgumentException">A range is empty or not finite.</exception>
    public static Figure Create(string title, Func<double, double, double> chiSquared, string xName, string yName,
        double xFrom, double xTo, double yFrom, double yTo, IReadOnlyList<double[]> path, string pathLabel, double[]? minimum, string minimumLabel)
    {
        ArgumentNullException.ThrowIfNull(chiSquared);
        ArgumentNullException.ThrowIfNull(path);
        if (!(xTo > xFrom) || !(yTo > yFrom) || !double.IsFinite(xFrom + xTo + yFrom + yTo))
            throw new ArgumentException($"The ranges [{xFrom}, {xTo}] × [{yFrom}, {yTo}] must be finite and not empty.", nameof(xTo));
        var plot = new Plot();
        plot.Title(title);
        var (shade, grid) = Sampled(chiSquared, xFrom, xTo, yFrom, yTo);
        var heatmap = plot.Add.Heatmap(shade);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Smooth = true;
        heatmap.Extent = new CoordinateRect(xFrom, xTo, yFrom, yTo);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "log₁₀ χ²";

        var contours = plot.Add.ContourLines(grid, 12);
        contours.LineColor = Colors.White.WithAlpha(0.5);
        contours.LabelStyle.IsVisible = false;

        var finite = path.TakeWhile(p => p.Length == 2 && double.IsFinite(p[0]) && double.IsFinite(p[1])).ToArray();
        if (finite.Length > 0)
        {
            var line = plot.Add.Scatter(finite.Select(p => p[0]).ToArray(), finite.Select(p => p[1]).ToArray(), Colors.OrangeRed);
            line.LineWidth = 2;
            line.MarkerSize = 4;
            line.LegendText = pathLabel;
            var start = plot.Add.ScatterPoints(new[] { finite[0][0] }, new[] { finite[0][1] }, Colors.Magenta);
            start.MarkerSize = 12;
            start.LegendText = $"start ({F(finite[0][0])}, {F(finite[0][1])})";
            var end = plot.Add.ScatterPoints(new[] { finite[^1][0] }, new[] { finite[^1][1] }, Colors.OrangeRed);
            end.MarkerShape = MarkerShape.FilledSquare;
            end.MarkerSize = 10;
            end.LegendText = $"end ({F(finite[^1][0])}, {F(finite[^1][1])})";
        }
        if (minimum is { Length: 2 } m && double.IsFinite(m[0]) && double.IsFinite(m[1]))
        {
            var star = plot.Add.ScatterPoints(new[] { m[0] }, new[] { m[1] }, Colors.Gold);
            star.MarkerShape = MarkerShape.FilledDiamond;
            star.MarkerSize = 14;
            star.MarkerLineColor = Colors.Black;
            star.MarkerLineWidth = 1.5f;
            star.LegendText = minimumLabel;
        }
        plot.Axes.SetLimits(xFrom, xTo, yFrom, yTo);
        plot.XLabel(xName);
        plot.YLabel(yName);
        LegendPlacement.ShowBelowIfAny(plot);
        return new Figure(plot, 540, 560);
    }

    private static string F(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The last plane sampled for each χ² function (the same delegate and ranges give the same samples): an interactive
    /// page redraws the same plane with a new descent path on every change (6,400 + 1,681 evaluations otherwise).
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Func<double, double, double>, Plane> Planes = new();

    /// <summary>log₁₀ χ² on the shading's cells (row 0 the top) and on the contour grid, over the given ranges.</summary>
    private sealed record Plane(double XFrom, double XTo, double YFrom, double YTo, double[,] Shade, Coordinates3d[,] Grid);

    private static (double[,] Shade, Coordinates3d[,] Grid) Sampled(Func<double, double, double> chiSquared, double xFrom, double xTo, double yFrom, double yTo)
    {
        if (Planes.TryGetValue(chiSquared, out var cached) && cached.XFrom == xFrom && cached.XTo == xTo && cached.YFrom == yFrom && cached.YTo == yTo)
            return (cached.Shade, cached.Grid);
        double dx = (xTo - xFrom) / Cells, dy = (yTo - yFrom) / Cells;
        var shade = new double[Cells, Cells];
        for (int row = 0; row < Cells; row++)
            for (int column = 0; column < Cells; column++)
                shade[row, column] = Math.Log10(chiSquared(xFrom + ((column + 0.5) * dx), yTo - ((row + 0.5) * dy)));   // row 0 is the top
        const int n = 41;
        var grid = new Coordinates3d[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double x = xFrom + ((xTo - xFrom) * j / (n - 1)), y = yFrom + ((yTo - yFrom) * i / (n - 1));
                grid[i, j] = new Coordinates3d(x, y, Math.Log10(chiSquared(x, y)));
            }
        Planes.AddOrUpdate(chiSquared, new Plane(xFrom, xTo, yFrom, yTo, shade, grid));
        return (shade, grid);
    }
}
