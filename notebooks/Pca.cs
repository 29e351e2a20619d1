#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Data/MathForML.Data.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Mathematics for ML: PCA, week 4 assignment: principal component analysis of MNIST, step by step, and PCA for N < D.
// Run with: dotnet run notebooks/Pca.cs -- [OUT_DIR] [IMAGES.npy]   (builds in Release: notebooks/Directory.Build.props)
//
// The assignment's functions in its order, each with the library's version named:
//   normalize(X)                 Xbar = X − μ (and the 2018 variant (X − μ)/σ with σ = 0 → 1)
//                                src/MathForML/Statistics/SampleStatistics.cs, src/MathForML/Statistics/Standardization.cs
//   eig(S)                       eigenvalues and eigenvectors of S = XbarᵀXbar/N, sorted by decreasing eigenvalue
//                                src/MathForML/LinearAlgebra/SymmetricEigen.cs (sorted already; divide and conquer);
//                                np.linalg.eig's own steps and signs: src/MathForML/LinearAlgebra/NumPyEig.cs
//   projection_matrix(B)         P = B(BᵀB)⁻¹Bᵀ                      src/MathForML/Geometry/Projection.cs
//   PCA(X, num_components)       B = the first K eigenvectors, reconstruction (P Xbarᵀ)ᵀ + μ
//                                src/MathForML/DimensionalityReduction/Pca.cs (CourseBasis: the course's D×K columns)
//   PCA_high_dim(X, K)           N < D: M = Xbar Xbarᵀ/N (N×N), U = Xbarᵀ·(its eigenvectors), columns normalised
//                                src/MathForML/DimensionalityReduction/GramPcaSolver.cs
// The mean squared reconstruction error with K components is the sum of the eigenvalues left out.
using System.Diagnostics;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.Geometry;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using MathForML.Statistics;

var outDir = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("mml-notebook-").FullName;
Directory.CreateDirectory(outDir);
var mnist = args.Length > 1 ? null : Mnist.Load().InCourseUnits();
var images = mnist?.Images ?? NpyFile.ReadMatrix(args[1]);
int[]? labels = mnist?.Labels;
if (images.MaxAbs() <= 1) images *= 255.0;   // the course's units: pixels 0…255

// The assignment's own test first: PCA(X, 1) on 10 samples of a 2-D Gaussian (its RandomState(0) draw, as stored).
// The course's eig is np.linalg.eig (LAPACK dgeev); NumPyEig follows dgeev's steps, so the basis comes with eig's sign.
var testX = Matrix.FromRows(
    [-0.8000678175638507, -0.546986177448848], [-0.6371450289545457, 0.7801202715770578], [-0.4626786726650709, -1.0807634741270489],
    [0.14653033847275643, 0.05080363477170413], [0.968079353742668, 1.2277646477383315], [0.4034666075637505, 1.3232299321324983],
    [0.23953920232110082, 0.31649323961227893], [0.4733972773529713, 0.6844314515984422], [-0.35253112324086033, -0.4822846021019649],
    [0.9730866878886126, 0.43290911268084464]);
var testPca = Pca.Fit(testX, new PcaOptions { Solver = PcaSolver.Covariance, Components = 2 });
var testB = testPca.CourseBasisWithNumPySigns(testX, 1);
Console.WriteLine($"Test: PCA(X, 1) basis = ({testB[0, 0]:F16}, {testB[1, 0]:F16}); the course's eig gives (-0.5838590524496178, -0.8118550405538139)");
Console.WriteLine($"Test: PCA(X, D) reconstructs X: {(testPca.Reconstruct(testX, 2) - testX).MaxAbs() < 1e-12}; eigenvalues {testPca.ExplainedVariance[0]:F12}, {testPca.ExplainedVariance[1]:F12}");

// 0. The data, as the course loads it: NUM_DATAPOINTS = 1000 images, X = images / 255.
int numDataPoints = Math.Min(1000, images.Rows);
var x = images.SliceRows(..numDataPoints) / 255.0;
int n = x.Rows, d = x.Columns;
Console.WriteLine($"0. X: {n} images of {d} pixels, values in [{x.AsSpan().ToArray().Min()}, {x.AsSpan().ToArray().Max()}]");

// 1. normalize(X): the course centres the data (Xbar = X − μ); its 2018 version also divided by σ (σ = 0 → 1).
var mu = SampleStatistics.Mean(x);
var xbar = x.Clone();
for (int i = 0; i < n; i++)
    for (int j = 0; j < d; j++) xbar[i, j] -= mu[j];
var standardized = Standardization.Fit(x);
Console.WriteLine($"1. normalize: μ has {mu.Length} entries, max μ = {mu.AsSpan().ToArray().Max():F4}; ‖mean of Xbar‖ = {SampleStatistics.Mean(xbar).Norm():E1}; "
    + $"{standardized.ConstantFeatures} pixels are constant (σ = 0, divided by 1 in the 2018 variant)");

// 2. eig(S): S = XbarᵀXbar/N (np.cov(Xbar, rowvar=False, bias=True)), eigenpairs sorted by decreasing eigenvalue.
var watch = Stopwatch.StartNew();
var s = SampleStatistics.Covariance(xbar, ddof: 0);
var eigen = s.SymmetricEigen();
Console.WriteLine($"2. eig(S): {d} eigenvalues in {watch.Elapsed.TotalSeconds:F3} s; the largest {string.Join(", ", eigen.Eigenvalues.AsSpan()[..5].ToArray().Select(v => v.ToString("F4")))}; "
    + $"‖S·v₀ − λ₀v₀‖ = {(s * eigen.Eigenvectors.Column(0) - eigen.Eigenvalues[0] * eigen.Eigenvectors.Column(0)).Norm():E1}");

// 3. projection_matrix(B) for B = the first K = 2 eigenvectors: P is symmetric and P² = P.
var b2 = eigen.Eigenvectors.SliceColumns(..2);
var p2 = Projection.OntoSubspaceMatrix(b2);
Console.WriteLine($"3. projection_matrix(B), K = 2: {p2.Rows}×{p2.Columns}, max |P − Pᵀ| = {(p2 - p2.Transpose()).MaxAbs():E1}, max |P² − P| = {(p2 * p2 - p2).MaxAbs():E1}");

// 4. PCA(Xbar, K): reconstruct from K components; the library's Pca gives the same reconstruction and the course's
//    D×K basis (each column's sign fixed so its largest entry is positive; numpy's eig leaves the sign to LAPACK).
var pca = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance, Components = Math.Min(n, d) });
var courseB = pca.CourseBasis(10);
Console.WriteLine($"4. PCA: the course's B for K = 10 is {courseB.Rows}×{courseB.Columns}; |cos| between B's first column and eig's: "
    + $"{Math.Abs(courseB.Column(0).Dot(eigen.Eigenvectors.Column(0))):F12}");

// 5. The course's table: K against the mean squared error mse(reconst, Xbar), our steps beside Pca's eigenvalue sums.
Console.WriteLine("5. K    MSE (the course's steps)   MSE (Σ of the eigenvalues left out)");
var errors = pca.ReconstructionErrors();
foreach (int k in new[] { 1, 2, 5, 10, 20, 50, 100 })
{
    if (k > Math.Min(n, d)) break;
    var projected = Projection.RowsOntoSubspace(xbar, eigen.Eigenvectors.SliceColumns(..k));
    double mse = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < d; j++) mse += (projected[i, j] - xbar[i, j]) * (projected[i, j] - xbar[i, j]);
    Console.WriteLine($"   {k,3}  {mse / n,22:F10}   {errors[k],22:F10}");
}

// 6. PCA_high_dim(X, K) for N < D: 100 images of 784 pixels; the 100×100 matrix gives the same reconstruction.
var few = x.SliceRows(..Math.Min(100, n));
watch.Restart();
var ordinary = Pca.Fit(few, new PcaOptions { Solver = PcaSolver.Covariance, Components = 20 });
double ordinarySeconds = watch.Elapsed.TotalSeconds;
watch.Restart();
var small = Pca.Fit(few, new PcaOptions { Solver = PcaSolver.Gram, Components = 20 });
double gramSeconds = watch.Elapsed.TotalSeconds;
double difference = (ordinary.Reconstruct(few, 20) - small.Reconstruct(few, 20)).MaxAbs();
Console.WriteLine($"6. PCA_high_dim: {few.Rows}×{d}, K = 20: covariance {ordinarySeconds:F4} s, Gram {gramSeconds:F4} s; max reconstruction difference {difference:E1}");
Console.WriteLine($"Same reconstruction for N < D: {difference < 1e-8}");

// The pictures of MathForML.Plots (the same ones `mml pca --plots` and the tour draw): the spectrum, the error against
// K, and digits reconstructed from K = 1, 5, 10, 20, 50, 100, 784 components.
PcaPlots.Spectrum(pca).Save(Path.Combine(outDir, "spectrum.png"));
PcaPlots.ReconstructionError(pca).Save(Path.Combine(outDir, "reconstruction-error.png"));
if (PcaPlots.ImageSide(d) is int side) PcaPlots.Reconstructions(pca, x, labels?[..n], side).Save(Path.Combine(outDir, "reconstructions.png"));
Console.WriteLine($"Wrote spectrum.png, reconstruction-error.png and reconstructions.png to {outDir}");
