using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Cli.Plots;

/// <summary>
/// The figures of <c>mml pca --plots DIR</c>: the eigenvalue spectrum with the cumulative explained variance, the
/// reconstruction error against K, digits reconstructed with K = 1, 5, 10, 20, 50, 100, 784, the first 16 components
/// as images and the samples on the first two components coloured by label. Image figures need D to be a square
/// (28×28 for MNIST). Every file is written atomically.
/// </summary>
internal static class PcaPlots
{
    private static readonly int[] GridComponents = [1, 5, 10, 20, 50, 100, 784];

    /// <summary>Writes the figures for the full-rank fit <paramref name="full"/> of <paramref name="x"/>; returns the file names written.</summary>
    public static IReadOnlyList<string> Save(string dir, Matrix x, int[]? labels, Pca full)
    {
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        string Path(string name)
        {
            written.Add(name);
            return System.IO.Path.Combine(dir, name);
        }

        Spectrum(Path("spectrum.png"), full);
        ReconstructionError(Path("reconstruction-error.png"), full);
        // At most 5000 points, evenly spread over the rows (MNIST's rows come sorted by label).
        int stride = (x.Rows + 4999) / 5000;
        var picked = Enumerable.Range(0, (x.Rows + stride - 1) / stride).Select(i => i * stride).ToArray();
        var sample = new Matrix(picked.Length, x.Columns);
        for (int i = 0; i < picked.Length; i++) x.RowSpan(picked[i]).CopyTo(sample.RowSpan(i));
        Scatter(Path("scatter.png"), full.Transform(sample, Math.Min(2, full.ComponentCount)), labels is null ? null : picked.Select(i => labels[i]).ToArray());
        int side = (int)Math.Round(Math.Sqrt(x.Columns));
        if (side * side == x.Columns)
        {
            Reconstructions(Path("reconstructions.png"), x, labels, full, side);
            Components(Path("components.png"), full, side);
        }

        return written;
    }

    private static void Spectrum(string path, Pca p)
    {
        var lambda = p.Eigenvalues.ToArray();
        var xs = Enumerable.Range(1, lambda.Length).Select(i => (double)i).ToArray();
        var cumulative = new double[lambda.Length];
        double sum = 0;
        for (int i = 0; i < lambda.Length; i++) cumulative[i] = (sum += Math.Max(lambda[i], 0)) / (p.TotalVariance > 0 ? p.TotalVariance : 1);
        var plot = new Plot();
        plot.Title("Eigenvalue spectrum of the covariance");
        var eig = plot.Add.Scatter(xs, lambda);
        eig.LegendText = "eigenvalue λₖ";
        eig.MarkerSize = 0;
        eig.LineWidth = 2;
        var cum = plot.Add.Scatter(xs, cumulative);
        cum.LegendText = "cumulative explained variance";
        cum.MarkerSize = 0;
        cum.LineWidth = 2;
        cum.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Bottom.Label.Text = "component k";
        plot.Axes.Left.Label.Text = "eigenvalue";
        plot.Axes.Right.Label.Text = "fraction of total variance";
        plot.ShowLegend(Alignment.MiddleRight);
        PlotFile.SavePng(plot, path, 800, 500);
    }

    private static void ReconstructionError(string path, Pca p)
    {
        var errors = p.ReconstructionErrors();
        var xs = Enumerable.Range(0, errors.Length).Select(i => (double)i).ToArray();
        var plot = new Plot();
        plot.Title("Mean squared reconstruction error against K");
        var line = plot.Add.Scatter(xs, errors);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        plot.Axes.Bottom.Label.Text = "components K";
        plot.Axes.Left.Label.Text = "MSE (sum over features, mean over samples)";
        PlotFile.SavePng(plot, path, 800, 500);
    }

    private static void Scatter(string path, Matrix coordinates, int[]? labels)
    {
        var plot = new Plot();
        plot.Title("Samples on the first two principal components");
        int n = coordinates.Rows;
        bool twoD = coordinates.Columns >= 2;
        var groups = labels is null ? [0] : labels.Take(n).Distinct().Order().ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (int g in groups)
        {
            var rows = Enumerable.Range(0, n).Where(i => labels is null || labels[i] == g).ToArray();
            var xs = rows.Select(i => coordinates[i, 0]).ToArray();
            var ys = rows.Select(i => twoD ? coordinates[i, 1] : 0.0).ToArray();
            var s = plot.Add.Scatter(xs, ys, palette.GetColor(g));
            s.LineWidth = 0;
            s.MarkerSize = 3;
            if (labels is not null) s.LegendText = g.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        plot.Axes.Bottom.Label.Text = "PC 1";
        plot.Axes.Left.Label.Text = "PC 2";
        if (labels is not null) plot.ShowLegend(Alignment.UpperRight);
        PlotFile.SavePng(plot, path, 800, 700);
    }

    private static void Reconstructions(string path, Matrix x, int[]? labels, Pca p, int side)
    {
        // One example of each label (or the first 10 rows), a column per K plus the original.
        var rows = labels is null
            ? Enumerable.Range(0, Math.Min(10, x.Rows)).ToArray()
            : labels.Select((label, i) => (label, i)).GroupBy(t => t.label).OrderBy(g => g.Key).Take(10).Select(g => g.First().i).ToArray();
        var ks = GridComponents.Where(k => k <= p.ComponentCount).ToList();
        if (!ks.Contains(p.ComponentCount)) ks.Add(p.ComponentCount);
        var sample = new Matrix(rows.Length, x.Columns);
        for (int r = 0; r < rows.Length; r++) x.RowSpan(rows[r]).CopyTo(sample.RowSpan(r));
        var tiles = new List<Matrix> { sample };
        tiles.AddRange(ks.Select(k => p.Reconstruct(sample, k)));
        var grid = ImageGrid(rows.Length, tiles.Count, side, (r, c) => tiles[c].RowSpan(r));
        var plot = new Plot();
        plot.Title($"Reconstructions: original, then K = {string.Join(", ", ks)}");
        AddImage(plot, grid);
        PlotFile.SavePng(plot, path, 120 * tiles.Count, 100 * rows.Length + 60);
    }

    private static void Components(string path, Pca p, int side)
    {
        int count = Math.Min(16, p.ComponentCount), columns = 4, gridRows = (count + columns - 1) / columns;
        var grid = ImageGrid(gridRows, columns, side, (r, c) => r * columns + c < count ? p.Components.RowSpan(r * columns + c) : default);
        var plot = new Plot();
        plot.Title($"The first {count} principal components (eigen-images)");
        AddImage(plot, grid);
        PlotFile.SavePng(plot, path, 640, 160 * gridRows + 60);
    }

    private delegate ReadOnlySpan<double> TileSource(int row, int column);

    /// <summary>Tiles side×side images into one array with a 2-pixel gap; each tile is scaled to [0, 1] on its own.</summary>
    private static double[,] ImageGrid(int rows, int columns, int side, TileSource tile)
    {
        const int Gap = 2;
        var grid = new double[rows * (side + Gap), columns * (side + Gap)];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                var pixels = tile(r, c);
                if (pixels.IsEmpty) continue;
                double lo = double.MaxValue, hi = double.MinValue;
                foreach (var v in pixels) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
                double span = hi > lo ? hi - lo : 1;
                for (int i = 0; i < side; i++)
                    for (int j = 0; j < side; j++)
                        grid[r * (side + Gap) + i, c * (side + Gap) + j] = (pixels[i * side + j] - lo) / span;
            }
        }

        return grid;
    }

    private static void AddImage(Plot plot, double[,] grid)
    {
        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        plot.Axes.Frameless();
        plot.HideGrid();
    }
}
