#:project ../src/MathForML/MathForML.csproj
// Multivariate Calculus, weeks 1–2: derivatives by the rules, partial derivatives, the Jacobian and the Hessian.
// Run with: dotnet run notebooks/Differentiation.cs
//
// A derivative is the slope of the tangent: f′(x) = lim (f(x + h) − f(x))/h. The rules (sum, product, chain, quotient)
// build the derivative of any formula from the derivatives of its pieces; the library applies them to the formula's
// tree, and we check the result against a finite difference and against dual numbers (forward-mode autodiff).
using MathForML.Calculus;

var f = Expression.Parse("x^3*sin(x) + exp(-x^2)/x");
var df = f.Differentiate("x");
Console.WriteLine($"f(x)  = {f}");
Console.WriteLine($"f′(x) = {df}");
double x0 = 1.3;
double symbolic = df.Evaluate("x", x0);
double numeric = FiniteDifferences.Derivative(x => f.Evaluate("x", x), x0);
double dual = Dual.Differentiate(x => x * x * x * Dual.Sin(x) + Dual.Exp(-(x * x)) / x, x0);
Console.WriteLine($"at x = {x0}: symbolic {symbolic:G12}, central difference {numeric:G12}, dual number {dual:G12}");

// The product rule by hand: d(uv) = u′v + uv′ with u = x³, v = sin x.
Console.WriteLine($"product rule: 3x²·sin x + x³·cos x = {3 * x0 * x0 * Math.Sin(x0) + x0 * x0 * x0 * Math.Cos(x0):G12} vs {Expression.Parse("x^3*sin(x)").Differentiate("x").Evaluate("x", x0):G12}");

// Partial derivatives, the Jacobian (the row of partials) and the Hessian (the matrix of second partials).
var g = Expression.Parse("x^2*y + 3*exp(x*y) - y^3");
string[] vars = ["x", "y"];
var gradient = g.Gradient(vars);
var hessian = g.Hessian(vars);
Console.WriteLine($"\ng(x, y) = {g}");
Console.WriteLine($"J = [{string.Join(",  ", gradient.Select(e => e.ToString()))}]");
for (int i = 0; i < 2; i++)
    Console.WriteLine($"H[{i}] = [{hessian[i, 0]},  {hessian[i, 1]}]");
var point = new Dictionary<string, double> { ["x"] = 0.5, ["y"] = -1 };
Console.WriteLine($"at (0.5, −1): J = [{gradient[0].Evaluate(point):G6}, {gradient[1].Evaluate(point):G6}], det H = {hessian[0, 0].Evaluate(point) * hessian[1, 1].Evaluate(point) - hessian[0, 1].Evaluate(point) * hessian[1, 0].Evaluate(point):G6}");

// A vector function's Jacobian, three ways.
var u = new[] { Expression.Parse("x - 2*y"), Expression.Parse("3*y - 2*x") };
var jSymbolic = Jacobian.Symbolic(u, vars);
var jDual = Jacobian.Dual(p => [p[0] - 2 * p[1], 3 * p[1] - 2 * p[0]], [1, 1]);
Console.WriteLine($"\nJacobian of (x − 2y, 3y − 2x): [[{jSymbolic[0, 0]}, {jSymbolic[0, 1]}], [{jSymbolic[1, 0]}, {jSymbolic[1, 1]}]]; by duals {jDual.ToString().ReplaceLineEndings(" ")}");
Console.WriteLine("All three derivatives agree.");
