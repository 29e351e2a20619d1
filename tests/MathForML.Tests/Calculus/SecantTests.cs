using System.Globalization;
using MathForML.Calculus;

namespace MathForML.Tests.Calculus;

public class SecantTests
{
    /// <summary>The course's function, written as Python evaluates it (powers by the C library's pow).</summary>
    private static double CourseFunction(double x) =>
        Math.Pow(x, 6) / 6 - 3 * Math.Pow(x, 4) - 2 * Math.Pow(x, 3) / 3 + 27 * Math.Pow(x, 2) / 2 + 18 * x - 30;

    [Fact]
    public void TheQuizsSecantValueFromThreePointOne()
    {
        var r = Secant.Solve(CourseFunction, 3.1);
        Assert.Equal(1.063070629709697, r.Root);
        Assert.True(r.Converged);
        Assert.Equal(SecantStopReason.StepTolerance, r.StopReason);
        Assert.True(Math.Abs(r.Residual) < 1e-12, $"f(root) = {r.Residual}");
        Assert.Equal(3.1, r.Path[0]);
        Assert.Equal(3.1 * 1.0001 + 1e-4, r.Path[1]);
    }

    [Fact]
    public void TheFormulaGivesTheQuizsValueToo()
    {
        var f = Expression.Parse("x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30");
        Assert.Equal(1.063070629709697, Secant.Solve(f, "x", 3.1).Root, 1e-15);
    }

    [Fact]
    public void EqualsScipysNewtonWithoutDerivativeOnEveryStoredStart()
    {
        var cases = ReferenceData.Json("secant", "secant.json").GetProperty("cases").EnumerateArray().ToList();
        Assert.True(cases.Count >= 5);
        foreach (var c in cases)
        {
            double x0 = c.GetProperty("x0").GetDouble();
            var r = Secant.Solve(CourseFunction, x0);
            Assert.Equal(double.Parse(c.GetProperty("root").GetString()!, CultureInfo.InvariantCulture), r.Root);
            Assert.Equal(c.GetProperty("iterations").GetInt32(), r.Iterations);
            Assert.Equal(c.GetProperty("function_calls").GetInt32(), r.FunctionCalls);
            // SciPy calls a flat secant (f equal at both points) "converged" after a warning; we say why we stopped.
            if (r.StopReason == SecantStopReason.ZeroSlope) Assert.False(r.Converged);
            else Assert.Equal(c.GetProperty("converged").GetBoolean(), r.Converged);
        }
    }

    [Fact]
    public void StopsAtTheIterationLimitNearTheDoubleRoot()
    {
        var r = Secant.Solve(CourseFunction, 1.99);
        Assert.False(r.Converged);
        Assert.Equal(SecantStopReason.MaxIterations, r.StopReason);
        Assert.Equal(Secant.DefaultMaxIterations, r.Iterations);
    }

    [Fact]
    public void ConvergesSuperlinearlyToSquareRootOfTwo()
    {
        var r = Secant.Solve(x => x * x - 2, 1, 2, 1e-15, 50);
        Assert.Equal(Math.Sqrt(2), r.Root, 1e-15);
        Assert.True(r.Iterations <= 8, $"{r.Iterations} iterations");
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Contains("must differ", Assert.Throws<ArgumentException>(() => Secant.Solve(CourseFunction, 1, 1, 1e-8, 50)).Message);
        Assert.Throws<ArgumentException>(() => Secant.Solve(CourseFunction, double.NaN, 1, 1e-8, 50));
        Assert.Throws<ArgumentException>(() => Secant.Solve(CourseFunction, 0, double.PositiveInfinity, 1e-8, 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Secant.Solve(CourseFunction, 0, 1, 0, 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Secant.Solve(CourseFunction, 0, 1, 1e-8, 0));
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() => Secant.Solve(x => 1 / x, 0, 1, 1e-8, 50)).Message);
    }
}
