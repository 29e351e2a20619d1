#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
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
using MathForML.Plots;

var outDir = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("mml-notebook-").FullName;
Directory.CreateDirectory(outDir);
var mnist = args.Length > 1 ? null : Mnist.Load();
var x = mnist?.Images ?? NpyFile.ReadMatrix(args[1]);
int[]? labels = mnist?.Labels;
if (x.MaxAbs() > 1) x /= 255.0;
int n = x.Rows, d = x.Columns;

var watch = Stopwatch.StartNew();
var pca = Pca.Fit(x, new PcaOptions { Normalize = true, Solver = PcaSolver.Covariance, Components = Math.Min(n, d) });
Console.WriteLine($"PCA of {n}×{d} normalised digits ({pca.Solver}): {watch.Elapsed.TotalSeconds:F3} s");
Console.WriteLine($"top eigenvalues: {string.Join(", ", pca.ExplainedVariance.AsSpan()[..5].ToArray().Select(v => v.ToString("F4")))}");
var errors = pca.ReconstructionErrors();
foreach (int k in new[] { 1, 10, 50, 100 })
    if (k < errors.Length) Console.WriteLine($"K = {k,3}: MSE {errors[k]:F4}, explained {1 - errors[k] / pca.TotalVariance:P1}");

// The pictures of MathForML.Plots (the same ones `mml pca --plots` and the tour draw): the spectrum, the error against
// K, and digits reconstructed from K = 1, 5, 10, 20, 50, 100, 784 components.
PcaPlots.Spectrum(pca).Save(Path.Combine(outDir, "spectrum.png"));
PcaPlots.ReconstructionError(pca).Save(Path.Combine(outDir, "reconstruction-error.png"));
if (PcaPlots.ImageSide(d) is int side) PcaPlots.Reconstructions(pca, x, labels, side).Save(Path.Combine(outDir, "reconstructions.png"));

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
