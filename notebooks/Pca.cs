#:project ../src/MathForML/MathForML.csproj
#:package ScottPlot
// Mathematics for ML: PCA, week 4: principal component analysis of MNIST, and PCA for N < D.
// Run with: dotnet run -c Release notebooks/Pca.cs -- [OUT_DIR] [IMAGES.npy]
//
// Normalise each feature (subtract the mean, divide by the standard deviation, 1 where it is 0), eigen-decompose the
// covariance, sort eigenpairs by decreasing eigenvalue, project onto the first K eigenvectors and reconstruct. The mean
// squared reconstruction error (summed over features, averaged over samples) with K components is the sum of the
// eigenvalues left out. For N < D the N×N matrix XXᵀ/N has the same non-zero eigenvalues; its eigenvectors mapped back
// by Xᵀ and normalised are the principal components — the same reconstruction for far less work when N ≪ D.
using System.Diagnostics;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using ScottPlot;

var outDir = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("mml-notebook-").FullName;
Directory.CreateDirectory(outDir);
var x = args.Length > 1 ? NpyFile.ReadMatrix(args[1]) : Mnist.Load().Images;
if (x.MaxAbs() > 1) x /= 255.0;
int n = x.Rows, d = x.Columns;

var watch = Stopwatch.StartNew();
var pca = Pca.Fit(x, new PcaOptions { Normalize = true, Solver = PcaSolver.Covariance, Components = Math.Min(n, d) });
Console.WriteLine($"PCA of {n}×{d} normalised digits ({pca.Solver}): {watch.Elapsed.TotalSeconds:F3} s");
Console.WriteLine($"top eigenvalues: {string.Join(", ", pca.ExplainedVariance.AsSpan()[..5].ToArray().Select(v => v.ToString("F4")))}");
var errors = pca.ReconstructionErrors();
foreach (int k in new[] { 1, 10, 50, 100 })
    if (k < errors.Length) Console.WriteLine($"K = {k,3}: MSE {errors[k]:F4}, explained {1 - errors[k] / pca.TotalVariance:P1}");

var spectrum = new Plot();
spectrum.Title("Eigenvalues of the covariance, descending");
spectrum.Add.Scatter(Enumerable.Range(1, pca.Eigenvalues.Length).Select(i => (double)i).ToArray(), pca.Eigenvalues.ToArray()).MarkerSize = 0;
spectrum.Axes.Bottom.Label.Text = "k";
spectrum.SavePng(Path.Combine(outDir, "spectrum.png"), 700, 450);

var mse = new Plot();
mse.Title("Mean squared reconstruction error against K");
mse.Add.Scatter(Enumerable.Range(0, errors.Length).Select(i => (double)i).ToArray(), errors).MarkerSize = 0;
mse.Axes.Bottom.Label.Text = "K";
mse.SavePng(Path.Combine(outDir, "reconstruction-error.png"), 700, 450);

var ks = new[] { 1, 5, 10, 20, 50, 100, pca.ComponentCount }.Where(k => k <= pca.ComponentCount).Distinct().ToArray();
var strip = new double[28, (ks.Length + 1) * 30];
void Draw(int slot, ReadOnlySpan<double> v)
{
    for (int i = 0; i < 28; i++)
        for (int j = 0; j < 28; j++)
            strip[i, slot * 30 + j] = v[i * 28 + j];
}

var digit = x.SliceRows(..1);
Draw(0, digit.RowSpan(0));
for (int s = 0; s < ks.Length; s++) Draw(s + 1, pca.Reconstruct(digit, ks[s]).RowSpan(0));
var grid = new Plot();
grid.Title($"a digit, then reconstructed with K = {string.Join(", ", ks)}");
grid.Add.Heatmap(strip).Colormap = new ScottPlot.Colormaps.Grayscale();
grid.Axes.Frameless();
grid.SavePng(Path.Combine(outDir, "reconstructions.png"), 1000, 200);

// N < D: 100 digits of 784 pixels. The Gram solver decomposes a 100×100 matrix instead of 784×784.
var few = x.SliceRows(..Math.Min(100, n));
watch.Restart();
var ordinary = Pca.Fit(few, new PcaOptions { Normalize = true, Solver = PcaSolver.Covariance, Components = 20 });
double ordinarySeconds = watch.Elapsed.TotalSeconds;
watch.Restart();
var small = Pca.Fit(few, new PcaOptions { Normalize = true, Solver = PcaSolver.Gram, Components = 20 });
double gramSeconds = watch.Elapsed.TotalSeconds;
double difference = (ordinary.Reconstruct(few, 20) - small.Reconstruct(few, 20)).MaxAbs();
Console.WriteLine($"N < D: {few.Rows}×{d}, K = 20: covariance {ordinarySeconds:F4} s, Gram {gramSeconds:F4} s; max reconstruction difference {difference:E1}");
Console.WriteLine($"Same reconstruction for N < D: {difference < 1e-8}");
Console.WriteLine($"Wrote spectrum.png, reconstruction-error.png and reconstructions.png to {outDir}");
