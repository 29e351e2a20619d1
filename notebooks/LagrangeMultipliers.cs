#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Multivariate Calculus, week 5 (practice): Lagrange multipliers — the extremes of f(x, y) on the curve g(x, y) = 0.
// Run with: dotnet run notebooks/LagrangeMultipliers.cs [OUTPUT_DIR]   (writes lagrange.png; default: a temp folder)
//
// At an extreme of f on the curve, f cannot change along the curve, so ∇f is perpendicular to it, like ∇g:
// ∇f = λ∇g. With the constraint itself these are the stationary points of the Lagrangian L(x, y, λ) = f − λg:
//   ∇L = (∂f/∂x − λ∂g/∂x, ∂f/∂y − λ∂g/∂y, −g) = 0.
// The course builds ∇L by hand and hands it to scipy.optimize.root; here ∇L is built symbolically and solved by
// Newton–Raphson with the exact Jacobian of ∇L (the bordered Hessian).
// The algorithm: src/MathForML/Calculus/Lagrange.cs (∇L and the solve), src/MathForML/Calculus/NewtonRaphson.cs
// (the root finder), src/MathForML/Calculus/Expression.cs (the derivatives).
using MathForML.Calculus;
using ScottPlot;

var dir = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("mml-notebook-").FullName;
Directory.CreateDirectory(dir);

// 1. The course's example: f(x, y) = exp(−(2x² + y² − xy)/2) on the ellipse g(x, y) = x² + 3(y + 1)² − 1 = 0.
const string fText = "exp(-(2*x^2 + y^2 - x*y)/2)", gText = "x^2 + 3*(y + 1)^2 - 1";
var f = Expression.Parse(fText);
var g = Lagrange.ParseConstraint(gText);
Console.WriteLine($"1. f(x, y) = {f}\n   g(x, y) = {g} = 0");

// 2. The gradient of the Lagrangian, term by term, as the course writes DL.
var first = Lagrange.Solve(f, g, [-1.0, -1.0], lambda: 0);
Console.WriteLine($"2. L = {first.Lagrangian}");
string[] names = [.. first.Variables, "λ"];
for (int i = 0; i < first.Gradient.Count; i++) Console.WriteLine($"   ∂L/∂{names[i]} = {first.Gradient[i]}");

// 3. Solve ∇L = 0 from the course's start (x, y, λ) = (−1, −1, 0), then from other starts to find the other extremes.
//    The other starts are 12 points around the ellipse (angle 30°·k), each with λ = 0.
Console.WriteLine("3. Stationary points; scipy.optimize.root from the course's start finds x = -0.9589625388383235, "
    + "y = -1.1636977388407843, λ = -0.24653756763420845 (tests/MathForML.Tests/Reference/lagrange/lagrange.json):");
var found = new List<LagrangeResult>();
var starts = new List<double[]> { new[] { -1.0, -1.0, 0 } };
for (int k = 0; k < 12; k++) starts.Add([Math.Round(Math.Cos(k * Math.PI / 6), 3), Math.Round(-1 + Math.Sin(k * Math.PI / 6) / Math.Sqrt(3), 3), 0]);
foreach (var start in starts)
{
    var r = Lagrange.Solve(f, g, start[..2], lambda: start[2]);
    Console.WriteLine($"   from ({start[0],6}, {start[1],6}, λ = {start[2]}): x = {r.Point[0]:F6}, y = {r.Point[1]:F6}, λ = {r.Lambda:F6}, "
        + $"f = {r.Objective:F6}, g = {r.Constraint:E1}, {r.Iterations} Newton steps{(r.Converged ? "" : " (not converged)")}");
    if (r.Converged && !found.Any(p => Math.Abs(p.Point[0] - r.Point[0]) + Math.Abs(p.Point[1] - r.Point[1]) < 1e-6)) found.Add(r);
}
var best = found.MaxBy(r => r.Objective)!;
var worst = found.MinBy(r => r.Objective)!;
Console.WriteLine($"   the maximum of f on the ellipse: f({best.Point[0]:F5}, {best.Point[1]:F5}) = {best.Objective:F6}; "
    + $"the minimum: f({worst.Point[0]:F5}, {worst.Point[1]:F5}) = {worst.Objective:F6}");

// 4. The picture: contours of f, the ellipse, and ∇f ∥ ∇g at each stationary point.
var fc = f.Compile(["x", "y"]);
int n = 150;
var grid = new Coordinates3d[n, n];
for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
    {
        double x = -1.6 + 3.2 * j / (n - 1), y = -2.4 + 2.8 * i / (n - 1);
        grid[i, j] = new Coordinates3d(x, y, fc([x, y]));
    }
var plot = new Plot();
plot.Title("Extremes of f on the ellipse g = 0: ∇f ∥ ∇g");
var contours = plot.Add.ContourLines(grid, 12);
contours.LabelStyle.IsVisible = false;
contours.LineColor = Colors.SteelBlue.WithAlpha(0.7);
var t = Enumerable.Range(0, 401).Select(k => 2 * Math.PI * k / 400).ToArray();
var ellipse = plot.Add.Scatter(t.Select(Math.Cos).ToArray(), t.Select(a => -1 + Math.Sin(a) / Math.Sqrt(3)).ToArray());
ellipse.MarkerSize = 0;
ellipse.LineWidth = 2.5f;
ellipse.Color = Colors.Black;
ellipse.LegendText = "g(x, y) = 0";
var gradF = new[] { f.Differentiate("x").Compile(["x", "y"]), f.Differentiate("y").Compile(["x", "y"]) };
foreach (var r in found)
{
    double x = r.Point[0], y = r.Point[1], gx = gradF[0]([x, y]), gy = gradF[1]([x, y]), len = Math.Max(1e-12, Math.Sqrt(gx * gx + gy * gy));
    var arrow = plot.Add.Arrow(new Coordinates(x, y), new Coordinates(x + 0.35 * gx / len, y + 0.35 * gy / len));
    arrow.ArrowFillColor = Colors.OrangeRed;
    arrow.ArrowLineColor = Colors.OrangeRed;
    var m = plot.Add.Marker(x, y, MarkerShape.FilledCircle, 9, r == best ? Colors.Green : r == worst ? Colors.Red : Colors.Gray);
    m.LegendText = $"{(r == best ? "maximum" : r == worst ? "minimum" : "stationary")}: f({x:F3}, {y:F3}) = {r.Objective:F3}";
}
plot.Axes.Bottom.Label.Text = "x";
plot.Axes.Left.Label.Text = "y";
plot.Axes.SquareUnits();
plot.ShowLegend(Alignment.UpperRight);
var path = Path.Combine(dir, "lagrange.png");
plot.SavePng(path, 800, 700);
Console.WriteLine($"Wrote {path} (the arrows are ∇f, perpendicular to the ellipse at each point)");
