#:project ../src/MathForML/MathForML.csproj
// Multivariate Calculus, week 5: the Newton–Raphson method for roots.
// Run with: dotnet run notebooks/NewtonRaphson.cs
//
// Follow the tangent to zero: xₖ₊₁ = xₖ − f(xₖ)/f′(xₖ). Near a simple root the number of correct digits doubles at
// each step; from a poor start the method can wander off, cycle, or stop where the tangent is flat.
using MathForML.Calculus;
using MathForML.LinearAlgebra;

// The course's polynomial.
var f = Expression.Parse("x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30");
Console.WriteLine($"f(x) = {f}");
foreach (var x0 in new[] { 1.0, -4.0, 1.99, 3.1 })
{
    var r = NewtonRaphson.FindRoot(f, "x", x0);
    Console.WriteLine($"  from x₀ = {x0,5}: root {r.Root[0]:F10} after {r.Iterations,2} steps ({r.StopReason}); path {string.Join(" → ", r.Path.Take(5).Select(p => p[0].ToString("F4")))}{(r.Path.Count > 5 ? " → …" : "")}");
}

// The quiz compares Newton with the secant method, which needs no derivative: the slope through the last two points
// (scipy.optimize.newton without fprime; library: src/MathForML/Calculus/Secant.cs). From 3.1 it finds the root the
// course's check gives, 1.063070629709697.
var secant = Secant.Solve(f, "x", 3.1);
var newton = NewtonRaphson.FindRoot(f, "x", 3.1);
Console.WriteLine($"\nFrom 3.1: secant {secant.Root:R} in {secant.Iterations} steps ({secant.FunctionCalls} evaluations of f, no f′); " +
    $"Newton {newton.Root[0]:R} in {newton.Iterations} steps (f and f′ each step)");

// Quadratic convergence: the error squares each step.
var sqrt2 = NewtonRaphson.FindRoot(Expression.Parse("x^2 - 2"), "x", 1);
Console.WriteLine("\n√2 by Newton:");
foreach (var p in sqrt2.Path) Console.WriteLine($"  {p[0]:F16}   error {Math.Abs(p[0] - Math.Sqrt(2)):E1}");

// Failure modes are reported, not hidden.
var flat = NewtonRaphson.FindRoot(Expression.Parse("x^2 + 1"), "x", 0);
var cycle = NewtonRaphson.FindRoot(Expression.Parse("x^3 - 2*x + 2"), "x", 0, new NewtonOptions { MaxIterations = 20 });
Console.WriteLine($"\nx² + 1 from 0: {flat.StopReason}; x³ − 2x + 2 from 0: {cycle.StopReason} (it cycles 0, 1, 0, 1, …)");

// Two equations in two unknowns: J·δ = −f.
var system = NewtonRaphson.FindRoot(p => [p[0] * p[0] + p[1] * p[1] - 4, p[0] * p[1] - 1],
    p => Matrix.FromRows([2 * p[0], 2 * p[1]], [p[1], p[0]]), [2, 0.5]);
Console.WriteLine($"x² + y² = 4, xy = 1: (x, y) = ({system.Root[0]:F10}, {system.Root[1]:F10}) in {system.Iterations} steps");
Console.WriteLine($"Newton-Raphson: √2 = {sqrt2.Root[0]:F12}");
