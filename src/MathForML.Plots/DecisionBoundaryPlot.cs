using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// A classifier's decision regions over two features (PCA course, week 2: k nearest neighbours on the iris flowers):
/// the class predicted at each point of a grid as a pale colour, the training points in strong colours on top, and
/// optionally one query point ringed with its neighbours.
/// </summary>
public static class DecisionBoundaryPlot
{
    private static readonly Color[] Palette = [Colors.OrangeRed, Colors.SeaGreen, Colors.RoyalBlue, Colors.GoldenRod, Colors.Purple, Colors.Teal];

    /// <summary>The predicted class at the centre of each cell of a grid over x × y.</summary>
    /// <param name="XMin">Left edge of the grid.</param>
    /// <param name="XMax">Right edge.</param>
    /// <param name="YMin">Bottom edge.</param>
    /// <param name="YMax">Top edge.</param>
    /// <param name="Classes">ny×nx class indices (0 … classes − 1); row 0 is the bottom row (smallest y).</param>
    public sealed record Regions(double XMin, double XMax, double YMin, double YMax, int[,] Classes);

    /// <summary>Draws <paramref name="regions"/>, the labelled points and, when given, a query and its neighbours.</summary>
    /// <param name="title">The figure's title.</param>
    /// <param name="regions">The predicted class over the grid.</param>
    /// <param name="x">The points' first feature.</param>
    /// <param name="y">The points' second feature.</param>
    /// <param name="labels">The points' classes (0 … classes − 1).</param>
    /// <param name="classNames">One name per class (the legend).</param>
    /// <param name="axisNames">The two features' names.</param>
    /// <param name="query">A query point, or null.</param>
    /// <param name="neighbours">Indices of the query's neighbours among the points (ringed).</param>
    /// <returns>A 560×500 figure.</returns>
    public static Figure Create(string title, Regions regions, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<int> labels,
        IReadOnlyList<string> classNames, (string X, string Y) axisNames, (double X, double Y)? query = null, IReadOnlyList<int>? neighbours = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (x.Count != y.Count || x.Count != labels.Count)
            throw new ArgumentException($"{x.Count} x values, {y.Count} y values and {labels.Count} labels: one each per point.", nameof(labels));
        var plot = new Plot();
        plot.Title(title);
        int rows = regions.Classes.GetLength(0), columns = regions.Classes.GetLength(1);
        // The heatmap's first row is drawn at the top: flip so that the grid's row 0 (smallest y) is at the bottom.
        var cells = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                cells[rows - 1 - i, j] = regions.Classes[i, j];
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new CategoryColormap(Palette.Take(Math.Max(classNames.Count, 1)).Select(c => c.Lighten(0.7)).ToArray());
        heatmap.ManualRange = new ScottPlot.Range(-0.5, classNames.Count - 0.5);
        heatmap.Extent = new CoordinateRect(regions.XMin, regions.XMax, regions.YMin, regions.YMax);
        for (int c = 0; c < classNames.Count; c++)
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).ToArray();
            var points = plot.Add.ScatterPoints(members.Select(i => x[i]).ToArray(), members.Select(i => y[i]).ToArray(), Palette[c % Palette.Length]);
            points.MarkerSize = 7;
            points.MarkerShape = MarkerShape.FilledCircle;
            points.MarkerLineColor = Colors.Black;
            points.MarkerLineWidth = 0.5f;
            points.LegendText = classNames[c];
        }

        if (neighbours is not null)
        {
            var ring = plot.Add.ScatterPoints(neighbours.Select(i => x[i]).ToArray(), neighbours.Select(i => y[i]).ToArray(), Colors.Black);
            ring.MarkerShape = MarkerShape.OpenCircle;
            ring.MarkerSize = 15;
            ring.MarkerLineWidth = 2;
            ring.LegendText = "neighbours";
        }

        if (query is { } q)
        {
            var star = plot.Add.Marker(q.X, q.Y, MarkerShape.FilledDiamond, 16, Colors.Black);
            star.LegendText = "your flower";
        }

        plot.Axes.Bottom.Label.Text = axisNames.X;
        plot.Axes.Left.Label.Text = axisNames.Y;
        plot.Axes.SetLimits(regions.XMin, regions.XMax, regions.YMin, regions.YMax);
        plot.ShowLegend(Alignment.UpperRight);
        return new Figure(plot, 560, 500);
    }

    /// <summary>One flat colour per class: position 0 … 1 over the classes in order.</summary>
    private sealed class CategoryColormap(Color[] colors) : IColormap
    {
        public string Name => "categories";

        public Color GetColor(double normalizedIntensity)
        {
            int i = (int)Math.Floor(Math.Clamp(normalizedIntensity, 0, 1) * colors.Length);
            return colors[Math.Min(i, colors.Length - 1)];
        }
    }
}
