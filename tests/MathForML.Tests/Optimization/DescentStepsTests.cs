using MathForML.LinearAlgebra;
using MathForML.Optimization;

namespace MathForML.Tests.Optimization;

/// <summary>The steps <see cref="GradientDescent"/> and the sandpit share.</summary>
public class DescentStepsTests
{
    [Fact]
    public void TheNewtonStepSolvesHsEqualsMinusJ()
    {
        var h = Matrix.FromRows([4.0, 1.0], [1.0, 3.0]);
        double[] j = [1, 2];
        var s = DescentSteps.Newton(j, h)!;
        Assert.Equal(-1, (4 * s[0]) + s[1], 1e-15);
        Assert.Equal(-2, s[0] + (3 * s[1]), 1e-15);
        Assert.Null(DescentSteps.Newton(j, Matrix.FromRows([1.0, 2.0], [2.0, 4.0])));
        Assert.Throws<DimensionMismatchException>(() => DescentSteps.Newton(j, Matrix.FromRows([1.0])));
    }

    [Fact]
    public void DownhillAndShortAreTheHybridsTests()
    {
        double[] j = [1, 0];
        Assert.True(DescentSteps.IsDownhillAndShort(j, [-1.5, 0.3], 2));
        Assert.False(DescentSteps.IsDownhillAndShort(j, [-2.5, 0], 2));   // too long
        Assert.False(DescentSteps.IsDownhillAndShort(j, [0.5, 0], 2));    // uphill
        Assert.False(DescentSteps.IsDownhill(j, [0, 1]));                 // across the slope: s·(−J) = 0 is not downhill
        Assert.False(DescentSteps.IsDownhill(j, [double.NaN, 0]));
        Assert.Equal(5, DescentSteps.Length([3, 4]));
        Assert.Equal([-0.25, 0.5], DescentSteps.Gradient([0.5, -1], 0.5));
    }
}
