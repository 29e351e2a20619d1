#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Multivariate Calculus, week 4: Taylor series — approximating a function by polynomials of growing order.
// Run with: dotnet run notebooks/TaylorSeries.cs [OUTPUT_DIR]   (writes taylor-series.png; default: a temp folder)
//
// Around a point a, f(x) ≈ Σₖ f⁽ᵏ⁾(a)/k!·(x − a)ᵏ. The zeroth order is a constant, the first the tangent line, the
// second a parabola with the right curvature… and the error of order n shrinks like |x − a|ⁿ⁺¹ near a.
// The algorithm: src/MathForML/Calculus/TaylorSeries.cs (derivatives by src/MathForML/Calculus/Expression.cs).
// For exp(x)·cos(x) = Re e^((1+i)x) the coefficient of xᵏ is Re (1+i)ᵏ/k! = 2^(k/2)·cos(kπ/4)/k!: zero for k = 2 and 6,
// so order 2 is the same polynomial as order 1 (and 6 as 5): the picture draws orders 1, 3, 5 and 7.
using MathForML.Calculus;
using ScottPlot;

var dir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "mathforml-notebooks");
Directory.CreateDirectory(dir);

var f = Expression.Parse("exp(x)*cos(x)");
Console.WriteLine($"f(x) = {f}, about a = 0:");
for (int order = 0; order <= 4; order++)
    Console.WriteLine($"  order {order}: {TaylorSeries.Expand(f, "x", 0, order)}");

var ln = Expression.Parse("log(x)");
Console.WriteLine("\nln x about a = 1, error at x = 1.5:");
for (int order = 1; order <= 6; order++)
{
    var t = TaylorSeries.Expand(ln, "x", 1, order);
    Console.WriteLine($"  order {order}: error {Math.Abs(t.Evaluate(1.5) - Math.Log(1.5)):E2}");
}

var plot = new Plot();
plot.Title("Taylor polynomials of exp(x)·cos(x) about 0");
var xs = Enumerable.Range(0, 301).Select(i => -3 + 6.0 * i / 300).ToArray();
var exact = plot.Add.Scatter(xs, xs.Select(x => f.Evaluate("x", x)).ToArray());
exact.LegendText = "f(x) = exp(x)·cos(x)";
exact.LineWidth = 3;
exact.MarkerSize = 0;
foreach (var order in new[] { 1, 3, 5, 7 })
{
    var t = TaylorSeries.Expand(f, "x", 0, order);
    var s = plot.Add.Scatter(xs, xs.Select(t.Evaluate).ToArray());
    s.LegendText = order is 1 or 5 ? $"order {order} (= order {order + 1})" : $"order {order}";
    s.MarkerSize = 0;
    s.LineWidth = 2;
    s.LinePattern = order switch { 1 => LinePattern.Solid, 3 => LinePattern.Dashed, 5 => LinePattern.DenselyDashed, _ => LinePattern.Dotted };
}
plot.Axes.SetLimitsY(-6, 6);
plot.Axes.Bottom.Label.Text = "x";
plot.Axes.Left.Label.Text = "f(x) and its Taylor polynomials";
plot.ShowLegend(Alignment.LowerLeft);
var path = Path.Combine(dir, "taylor-series.png");
plot.SavePng(path, 800, 500);
Console.WriteLine($"Wrote {path}");
