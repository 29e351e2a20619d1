using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// The pictures of a PCA: the eigenvalue spectrum with the cumulative explained variance, the reconstruction error
/// against K, samples reconstructed with K = 1, 5, 10, 20, 50, 100, 784 components, the first 16 components as images
/// (eigen-images) and the samples on the first two components coloured by label. The image figures need D to be a
/// square (28×28 for MNIST). <c>mml pca --plots DIR</c>, the tour and the PCA notebook draw these.
/// </summary>
public static class PcaPlots
{
    private static readonly int[] GridComponents = [1, 5, 10, 20, 50, 100, 784];

    /// <summary>
    /// Saves every figure of the fit <paramref name="full"/> of <paramref name="x"/> into <paramref name="dir"/>
    /// (created if missing): <c>spectrum.png</c>, <c>reconstruction-error.png</c>, <c>scatter.png</c>, and when D is a
    /// square <c>reconstructions.png</c> and <c>components.png</c>.
    /// </summary>
    /// <param name="dir">The folder to write into.</param>
    /// <param name="x">The N×D data the PCA was fitted to (rows are samples).</param>
    /// <param name="labels">A label per sample (colours the scatter, picks one sample per label), or null.</param>
    /// <param name="full">The fit; the more components it kept, the more of the spectrum is drawn.</param>
    /// <returns>The file names written, relative to <paramref name="dir"/>.</returns>
    public static IReadOnlyList<string> SaveAll(string dir, Matrix x, int[]? labels, Pca full)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(full);
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        void Save(string name, Figure figure)
        {
            figure.Save(Path.Combine(dir, name));
            written.Add(name);
        }

        Save("spectrum.png", Spectrum(full));
        Save("reconstruction-error.png", ReconstructionError(full));
        Save("scatter.png", Scatter(full, x, labels));
        if (ImageSide(x.Columns) is int side)
        {
            Save("reconstructions.png", Reconstructions(full, x, labels, side));
            Save("components.png", Components(full, side));
        }

        return written;
    }

    /// <summary>The side of a square image of <paramref name="d"/> pixels, or null when <paramref name="d"/> is not a square.</summary>
    public static int? ImageSide(int d)
    {
        int side = (int)Math.Round(Math.Sqrt(d));
        return side * side == d && d > 0 ? side : null;
    }

    /// <summary>
    /// The first <paramref name="shown"/> eigenvalues and their cumulative explained variance (as
    /// <see cref="Spectrum(Pca)"/>), with a vertical line at K = <paramref name="marked"/>: the components a
    /// reconstruction keeps. MNIST's spectrum falls so fast that all 784 hide the first hundred.
    /// </summary>
    public static Figure Spectrum(Pca p, int marked, int shown)
    {
        ArgumentNullException.ThrowIfNull(p);
        var figure = Spectrum(p);
        figure.Plot.Axes.SetLimitsX(0, Math.Min(shown, p.Eigenvalues.Length) + 1);
        var line = figure.Plot.Add.VerticalLine(marked, 2, Colors.Black);
        line.LegendText = $"K = {marked}";
        return figure;
    }

    /// <summary>The eigenvalues λₖ of the covariance in descending order, with the cumulative explained variance Σᵢ≤ₖ λᵢ / Σ λ on a second axis.</summary>
    public static Figure Spectrum(Pca p)
    {
        ArgumentNullException.ThrowIfNull(p);
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
        return new Figure(plot, 800, 500);
    }

    /// <summary>The mean squared reconstruction error with K components, for K = 0 … the components kept: the sum of the eigenvalues left out.</summary>
    public static Figure ReconstructionError(Pca p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var errors = p.ReconstructionErrors();
        var xs = Enumerable.Range(0, errors.Length).Select(i => (double)i).ToArray();
        var plot = new Plot();
        plot.Title("Mean squared reconstruction error against K");
        var line = plot.Add.Scatter(xs, errors);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        plot.Axes.Bottom.Label.Text = "components K";
        plot.Axes.Left.Label.Text = "MSE (sum over features, mean over samples)";
        return new Figure(plot, 800, 500);
    }

    /// <summary>
    /// The samples of <paramref name="x"/> projected on the first two components, coloured by label when given; at most
    /// 5000 points, evenly spread over the rows (MNIST's rows come sorted by label).
    /// </summary>
    public static Figure Scatter(Pca p, Matrix x, int[]? labels)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(x);
        if (labels is not null && labels.Length != x.Rows)
            throw new ArgumentException($"There are {labels.Length} labels for {x.Rows} samples.", nameof(labels));
        int stride = (x.Rows + 4999) / 5000;
        var picked = Enumerable.Range(0, (x.Rows + stride - 1) / stride).Select(i => i * stride).ToArray();
        var sample = new Matrix(picked.Length, x.Columns);
        for (int i = 0; i < picked.Length; i++) x.RowSpan(picked[i]).CopyTo(sample.RowSpan(i));
        var coordinates = p.Transform(sample, Math.Min(2, p.ComponentCount));
        labels = labels is null ? null : picked.Select(i => labels[i]).ToArray();
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
        return new Figure(plot, 800, 700);
    }

    /// <summary>
    /// One sample of each label (or the first 10 rows) as a side×side image, then reconstructed from K = 1, 5, 10, 20,
    /// 50, 100, 784 components (those the fit kept, and all it kept): x̂ = μ + Σₖ (x − μ)·vₖ vₖ.
    /// </summary>
    public static Figure Reconstructions(Pca p, Matrix x, int[]? labels, int side)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(x);
        ImagePlots.CheckSide(x.Columns, side);
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
        var grid = ImagePlots.Grid(rows.Length, tiles.Count, side, (r, c) => tiles[c].RowSpan(r));
        var plot = new Plot();
        plot.Title("PCA reconstructions from K components");
        var columnLabels = new List<string> { "original" };
        columnLabels.AddRange(ks.Select(k => $"K = {k}"));
        ImagePlots.Draw(plot, grid, side, columnLabels);
        return new Figure(plot, Math.Max(640, 100 * tiles.Count + 40), 100 * rows.Length + 110);
    }

    /// <summary>The first 16 principal components (rows of <see cref="Pca.Components"/>) as side×side images, each scaled to [0, 1].</summary>
    public static Figure Components(Pca p, int side)
    {
        ArgumentNullException.ThrowIfNull(p);
        ImagePlots.CheckSide(p.Components.Columns, side);
        int count = Math.Min(16, p.ComponentCount), columns = 4, gridRows = (count + columns - 1) / columns;
        var grid = ImagePlots.Grid(gridRows, columns, side, (r, c) => r * columns + c < count ? p.Components.RowSpan(r * columns + c) : default);
        var plot = new Plot();
        plot.Title($"The first {count} principal components (eigen-images), in reading order");
        ImagePlots.Draw(plot, grid, side, null);
        return new Figure(plot, 640, 160 * gridRows + 80);
    }
}
