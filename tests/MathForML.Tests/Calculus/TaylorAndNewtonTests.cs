using MathForML.Calculus;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Calculus;

public class TaylorSeriesTests
{
    [Fact]
    public void ExpAboutZeroHasInverseFactorialCoefficients()
    {
        var t = TaylorSeries.Expand(Expression.Parse("exp(x)"), "x", 0, 6);
        double factorial = 1;
        for (int k = 0; k <= 6; k++)
        {
            if (k > 0) factorial *= k;
            Assert.Equal(1 / factorial, t.Coefficients[k], 15);
        }
        Assert.Equal(6, t.Order);
        Assert.Equal(Math.Exp(0.1), t.Evaluate(0.1), 1e-10);
    }

    [Fact]
    public void CosAboutZeroAndItsPolynomial()
    {
        var t = TaylorSeries.Expand(Expression.Parse("cos(x)"), "x", 0, 4);
        double[] expected = [1, 0, -0.5, 0, 1 / 24.0];
        for (int k = 0; k <= 4; k++) Assert.Equal(expected[k], t.Coefficients[k], 15);
        Assert.Equal("1 - 0.5*x^2 + 0.041666666666666664*x^4", t.ToString());
    }

    [Fact]
    public void AboutAnotherPointAndTheErrorShrinksWithTheOrder()
    {
        var f = Expression.Parse("log(x)");
        double previous = double.PositiveInfinity;
        for (int order = 1; order <= 8; order++)
        {
            var t = TaylorSeries.Expand(f, "x", 2, order);
            double error = Math.Abs(t.Evaluate(2.5) - Math.Log(2.5));
            Assert.True(error < previous, $"order {order}: {error}");
            previous = error;
            Assert.Equal(t.Evaluate(2.5), t.Polynomial().Evaluate("x", 2.5), 13);
        }
        Assert.True(previous < 1e-5);
        Assert.Equal("0.6931471805599453 + 0.5*(x - 2) - 0.125*(x - 2)^2", TaylorSeries.Expand(f, "x", 2, 2).ToString());
    }

    [Fact]
    public void RejectsOtherVariablesAndPoles()
    {
        Assert.Contains("unknown variable 'y'", Assert.Throws<ArgumentException>(() => TaylorSeries.Expand(Expression.Parse("x*y"), "x", 0, 2)).Message);
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() => TaylorSeries.Expand(Expression.Parse("1/x"), "x", 0, 2)).Message);
    }
}

public class NewtonRaphsonTests
{
    [Fact]
    public void FindsSquareRootOfTwoQuadratically()
    {
        var r = NewtonRaphson.FindRoot(Expression.Parse("x^2 - 2"), "x", 1);
        Assert.True(r.Converged);
        Assert.Equal(Math.Sqrt(2), r.Root[0], 15);
        Assert.InRange(r.Iterations, 4, 7);
        Assert.Equal(r.Iterations + 1, r.Path.Count);
    }

    [Fact]
    public void TheCoursesPolynomial()
    {
        // f(x) = x⁶/6 − 3x⁴ − 2x³/3 + 27x²/2 + 18x − 30: from x₀ = 1 Newton finds the root near 1.063 in a few steps;
        // from x₀ = 1.99, next to a turning point, the first step flies far away and it ends at the other root, −3.760.
        var f = Expression.Parse("x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30");
        var near = NewtonRaphson.FindRoot(f, "x", 1);
        Assert.True(near.Converged);
        Assert.Equal(1.0630706, near.Root[0], 6);
        Assert.True(near.Iterations <= 5);
        var far = NewtonRaphson.FindRoot(f, "x", 1.99);
        Assert.True(far.Converged);
        Assert.Equal(-3.7602140, far.Root[0], 6);
        Assert.True(far.Iterations > near.Iterations);
    }

    [Fact]
    public void DetectsAZeroDerivative()
    {
        var r = NewtonRaphson.FindRoot(Expression.Parse("x^2 + 1"), "x", 0);
        Assert.False(r.Converged);
        Assert.Equal(NewtonStopReason.ZeroDerivative, r.StopReason);
    }

    [Fact]
    public void DetectsDivergence()
    {
        // x^(1/3) (written as sign(x)·|x|^(1/3)): each Newton step doubles |x| and flips its sign.
        var r = NewtonRaphson.FindRoot(Expression.Parse("sign(x)*abs(x)^(1/3)"), "x", 0.1, new NewtonOptions { MaxIterations = 2000 });
        Assert.False(r.Converged);
        Assert.Equal(NewtonStopReason.Diverged, r.StopReason);
    }

    [Fact]
    public void CyclesUntilTheLimit()
    {
        // x³ − 2x + 2 from 0 cycles 0, 1, 0, 1, … forever.
        var r = NewtonRaphson.FindRoot(Expression.Parse("x^3 - 2*x + 2"), "x", 0, new NewtonOptions { MaxIterations = 30 });
        Assert.False(r.Converged);
        Assert.Equal(NewtonStopReason.MaxIterations, r.StopReason);
    }

    [Fact]
    public void SolvesASystem()
    {
        // x² + y² = 4, x·y = 1.
        var r = NewtonRaphson.FindRoot(p => [p[0] * p[0] + p[1] * p[1] - 4, p[0] * p[1] - 1],
            p => Matrix.FromRows([2 * p[0], 2 * p[1]], [p[1], p[0]]), [2, 0.5]);
        Assert.True(r.Converged);
        Assert.Equal(4, r.Root[0] * r.Root[0] + r.Root[1] * r.Root[1], 12);
        Assert.Equal(1, r.Root[0] * r.Root[1], 12);
        var singular = NewtonRaphson.FindRoot(p => [p[0] + p[1], p[0] + p[1] - 1], _ => Matrix.FromRows([1, 1], [1, 1]), [0, 0]);
        Assert.Equal(NewtonStopReason.ZeroDerivative, singular.StopReason);
    }

    [Fact]
    public void ANonFiniteJacobianStopsTheIterationInsteadOfThrowing()
    {
        var r = NewtonRaphson.FindRoot(x => [x[0] - 1], x => Matrix.FromRows([double.NaN]), [3.0]);
        Assert.False(r.Converged);
        Assert.Equal(NewtonStopReason.ZeroDerivative, r.StopReason);
    }
}
