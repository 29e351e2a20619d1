using MathForML.Calculus;
using MathForML.LinearAlgebra;
using MathForML.Numerics;
using MathForML.Optimization;

namespace MathForML.Tests.Optimization;

/// <summary>Non-finite data is rejected by both fits with the row and column (or index) of the first bad value.</summary>
public class LeastSquaresInputTests
{
    private static readonly Matrix X = Matrix.FromRows([1], [2], [3], [4], [5]);

    [Fact]
    public void LinearFitRejectsNonFiniteX()
    {
        var x = X.Clone();
        x[3, 0] = double.NaN;
        var e = Assert.Throws<NonFiniteValueException>(() => LinearLeastSquares.Fit(x, Vector.Of(1, 2, 3, 4, 5)));
        Assert.Equal(("x", 3, 0), (e.ParamName, e.Row, e.Column));
    }

    [Fact]
    public void LinearFitRejectsNonFiniteY()
    {
        var e = Assert.Throws<NonFiniteValueException>(() => LinearLeastSquares.Fit(X, Vector.Of(1, 2, double.PositiveInfinity, 4, 5)));
        Assert.Equal("y contains +infinity at index 2. (Parameter 'y')", e.Message);
    }

    [Fact]
    public void NonlinearFitRejectsNonFiniteY()
    {
        var e = Assert.Throws<NonFiniteValueException>(() =>
            NonlinearLeastSquares.Fit(Expression.Parse("b1 + b2*x"), ["x"], X, [1, 2, 3, double.NaN, 5], ["b1", "b2"], [0, 0]));
        Assert.Equal(("y", 3), (e.ParamName, e.Row));
    }

    [Fact]
    public void CovarianceComesFromTheSameQrAsTheCoefficients()
    {
        // σ²(XᵀX)⁻¹ by QrDecomposition.InverseGram, checked against the normal equations' inverse.
        double[] y = [2.9, 4.1, 5.2, 6.8, 8.1];
        var fit = LinearLeastSquares.Fit(X, Vector.Of(y));
        var design = Matrix.FromRows([1, 1], [1, 2], [1, 3], [1, 4], [1, 5]);
        var expected = (fit.ResidualSumOfSquares / fit.DegreesOfFreedom) * LuDecomposition.Decompose(design.TransposeTimesSelf()).Inverse();
        Assert.True(fit.Covariance.ApproximatelyEquals(expected, 1e-13));
        Assert.Equal(Math.Sqrt(expected[1, 1]), fit.StandardErrors[1], 13);
    }
}
