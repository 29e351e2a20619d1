using MathForML.Calculus;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Calculus;

public class NumericDerivativeTests
{
    [Fact]
    public void DualNumbersCarryExactDerivatives()
    {
        // f(x) = x²·sin(x) + exp(x)/x, f′ = 2x sin x + x² cos x + eˣ(x − 1)/x².
        static Dual F(Dual x) => x * x * Dual.Sin(x) + Dual.Exp(x) / x;
        foreach (var x in new[] { 0.5, 1.0, 2.5 })
        {
            double expected = 2 * x * Math.Sin(x) + x * x * Math.Cos(x) + Math.Exp(x) * (x - 1) / (x * x);
            Assert.Equal(expected, Dual.Differentiate(F, x), 1e-13);
        }
        Assert.Equal(0.5, Dual.Differentiate(x => Dual.Sqrt(x), 1), 15);
        Assert.Equal(1 / (1 + 4.0), Dual.Differentiate(x => Dual.Atan(x), 2), 15);
        Assert.Equal(1 - Math.Tanh(1) * Math.Tanh(1), Dual.Differentiate(x => Dual.Tanh(x), 1), 15);
        Assert.Equal(Math.Pow(2, 3) * (Math.Log(2) + 3 / 2.0), Dual.Differentiate(x => Dual.Pow(x, x + 1), 2), 12);
        Assert.Equal(1 / 3.0, Dual.Differentiate(x => Dual.Log(x), 3), 15);
        Assert.Equal(1 + Math.Tan(0.3) * Math.Tan(0.3), Dual.Differentiate(x => Dual.Tan(x), 0.3), 14);
        Assert.Equal(-Math.Sin(0.3), Dual.Differentiate(x => Dual.Cos(x), 0.3), 15);
        Assert.Equal(3 * 4.0, Dual.Differentiate(x => Dual.Pow(x, 3) - x + 1, 2) + 1, 12);
    }

    [Fact]
    public void DualsAgreeWithSymbolicDerivatives()
    {
        var e = Expression.Parse("x*exp(-x^2)/(1 + x^2)");
        var d = e.Differentiate("x");
        foreach (var x in new[] { -1.5, 0.2, 0.9, 3 })
            Assert.Equal(d.Evaluate("x", x), Dual.Differentiate(u => u * Dual.Exp(-(u * u)) / (1 + u * u), x), 1e-14);
    }

    [Fact]
    public void CentralDifferencesAreAccurateToTheirOrder()
    {
        Assert.Equal(Math.Cos(1), FiniteDifferences.Derivative(Math.Sin, 1), 1e-10);
        Assert.Equal(Math.Cos(1), FiniteDifferences.RichardsonDerivative(Math.Sin, 1), 1e-11);
        Assert.Equal(-Math.Sin(1), FiniteDifferences.SecondDerivative(Math.Sin, 1), 1e-7);
        Assert.Equal(Math.Exp(100), FiniteDifferences.Derivative(Math.Exp, 100), Math.Exp(100) * 1e-7);   // step scales with |x|
        Assert.Equal(3.0, FiniteDifferences.Derivative(x => x * x * x, 1, step: 1e-4), 1e-7);
        Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifferences.Derivative(Math.Sin, 1, step: 0));
        var g = FiniteDifferences.Gradient(p => p[0] * p[0] * p[1], [3, 2]);
        Assert.Equal(12, g[0], 1e-8);
        Assert.Equal(9, g[1], 1e-8);
    }

    [Fact]
    public void JacobiansThreeWays()
    {
        var f = new[] { Expression.Parse("x^2*y"), Expression.Parse("5*x + sin(y)") };
        var symbolic = Jacobian.Symbolic(f, ["x", "y"]);
        var numeric = Jacobian.Numeric(p => [p[0] * p[0] * p[1], 5 * p[0] + Math.Sin(p[1])], [1, 2]);
        var dual = Jacobian.Dual(p => [p[0] * p[0] * p[1], 5 * p[0] + Dual.Sin(p[1])], [1, 2]);
        var exact = Matrix.FromRows([4, 1], [5, Math.Cos(2)]);
        var point = new Dictionary<string, double> { ["x"] = 1, ["y"] = 2 };
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(exact[i, j], symbolic[i, j].Evaluate(point), 14);
                Assert.Equal(exact[i, j], numeric[i, j], 1e-9);
                Assert.Equal(exact[i, j], dual[i, j], 14);
            }
    }

    [Fact]
    public void HessiansThreeWays()
    {
        var f = Expression.Parse("x^3*y + exp(y)");
        var symbolic = Hessian.Symbolic(f, ["x", "y"]);
        var numeric = Hessian.Numeric(p => Math.Pow(p[0], 3) * p[1] + Math.Exp(p[1]), [1, 0.5]);
        var dual = Hessian.Dual(p => p[0] * p[0] * p[0] * p[1] + Dual.Exp(p[1]), [1, 0.5]);
        var exact = Matrix.FromRows([6 * 0.5, 3], [3, Math.Exp(0.5)]);
        var point = new Dictionary<string, double> { ["x"] = 1, ["y"] = 0.5 };
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(exact[i, j], symbolic[i, j].Evaluate(point), 13);
                Assert.Equal(exact[i, j], numeric[i, j], 1e-5);
                Assert.Equal(exact[i, j], dual[i, j], 1e-8);
            }
    }
}
