#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Multivariate Calculus, week 6: linear regression — the least-squares line by the normal route (QR) and by descent.
// Run with: dotnet run notebooks/LinearRegression.cs [OUTPUT_DIR]   (writes linear-regression.png; default: a temp folder)
//
// For y ≈ c + m·x, minimise χ² = Σ (yᵢ − c − m·xᵢ)². Setting ∂χ²/∂c = ∂χ²/∂m = 0 gives a linear system; QR solves it
// without squaring the condition number. Gradient descent walks down χ² to the same line, more slowly.
using MathForML.LinearAlgebra;
using MathForML.Optimization;
using ScottPlot;

var dir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "mathforml-notebooks");
Directory.CreateDirectory(dir);

var random = new Random(4);
int count = 50;
var xs = Enumerable.Range(0, count).Select(i => 10.0 * i / (count - 1)).ToArray();
var ys = xs.Select(x => 1.5 + 0.8 * x + (random.NextDouble() - 0.5) * 2).ToArray();
var x = Matrix.FromRows(xs.Select(v => new[] { v }).ToArray());
var y = Vector.Of(ys);

var fit = LinearLeastSquares.Fit(x, y);
Console.WriteLine($"QR least squares: c = {fit.Coefficients[0]:F6} ± {fit.StandardErrors[0]:F6}, m = {fit.Coefficients[1]:F6} ± {fit.StandardErrors[1]:F6}, R² = {fit.RSquared:F4}");
var (beta, loss) = LinearLeastSquares.FitByGradientDescent(x, y, learningRate: 0.01, steps: 20000);
Console.WriteLine($"gradient descent: c = {beta[0]:F6}, m = {beta[1]:F6} (mean squared error {loss[0]:F3} → {loss[^1]:F5})");
Console.WriteLine($"difference: {Math.Max(Math.Abs(beta[0] - fit.Coefficients[0]), Math.Abs(beta[1] - fit.Coefficients[1])):E1}");

var plot = new Plot();
plot.Title("Linear regression");
var points = plot.Add.Scatter(xs, ys);
points.LineWidth = 0;
points.LegendText = "data";
var line = plot.Add.Line(0, fit.Coefficients[0], 10, fit.Coefficients[0] + 10 * fit.Coefficients[1]);
line.LegendText = $"y = {fit.Coefficients[0]:F3} + {fit.Coefficients[1]:F3}x";
plot.ShowLegend();
var path = Path.Combine(dir, "linear-regression.png");
plot.SavePng(path, 700, 450);
Console.WriteLine($"Wrote {path}");
