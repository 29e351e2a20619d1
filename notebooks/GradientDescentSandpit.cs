#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Multivariate Calculus, week 5: the gradient-descent "sandpit".
// Run with: dotnet run notebooks/GradientDescentSandpit.cs [OUTPUT_DIR]   (writes sandpit.png; default: a temp folder)
//
// A landscape hides its lowest point; from a start we step downhill. Three strategies, as in the course:
//   gradient   s = −γ·J            small safe steps, many of them;
//   Newton     s = −H⁻¹·J          jumps to the bottom of the local quadratic — fast, but it may climb to a maximum;
//   hybrid     the Newton step, unless it goes uphill or is longer than 2; then −γ·J.
using MathForML.Calculus;
using MathForML.Optimization;
using ScottPlot;

var dir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "mathforml-notebooks");
Directory.CreateDirectory(dir);

var sandpit = Expression.Parse("(x^2 + y - 11)^2/20 + (x + y^2 - 7)^2/20 + 0.3*sin(x)*cos(y)");   // Himmelblau, dressed up
string[] vars = ["x", "y"];
double[] start = [-0.5, 0.5];
var results = new Dictionary<DescentStrategy, GradientDescentResult>();
foreach (var strategy in Enum.GetValues<DescentStrategy>())
{
    var r = GradientDescent.Minimize(sandpit, vars, start, new GradientDescentOptions { Strategy = strategy, StepSize = 0.05, MaxSteps = 2000 });
    results[strategy] = r;
    Console.WriteLine($"{strategy,-8}: ({r.Minimum[0]:F5}, {r.Minimum[1]:F5}), f = {r.Value:F6}, {r.Steps} steps ({r.NewtonSteps} Newton), {r.StopReason}");
}

var f = sandpit.Compile(vars);
int n = 120;
var grid = new Coordinates3d[n, n];
for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
    {
        double x = -5 + 10.0 * j / (n - 1), y = -5 + 10.0 * i / (n - 1);
        grid[i, j] = new Coordinates3d(x, y, f([x, y]));
    }
var plot = new Plot();
plot.Title("Sandpit: three descent strategies from (−0.5, 0.5)");
plot.Add.ContourLines(grid, 25);
foreach (var (strategy, r) in results)
{
    var s = plot.Add.Scatter(r.Path.Select(p => p[0]).ToArray(), r.Path.Select(p => p[1]).ToArray());
    s.LegendText = $"{strategy} ({r.Steps} steps)";
    s.MarkerSize = 4;
    s.LineWidth = 2;
}
plot.Axes.SquareUnits();
plot.ShowLegend();
var path = Path.Combine(dir, "sandpit.png");
plot.SavePng(path, 700, 700);
Console.WriteLine($"Wrote {path}");
