using MathForML.Optimization;

namespace MathForML.Tests.Optimization;

/// <summary><see cref="Bfgs"/>: minima of known functions, and honest stops.</summary>
public class BfgsTests
{
    [Fact]
    public void FindsTheMinimumOfAQuadratic()
    {
        var r = Bfgs.Minimize(p => Math.Pow(p[0] - 1, 2) + (3 * Math.Pow(p[1] + 2, 2)) + (p[0] * p[1]), [4, 4]);
        // ∇ = (2(x−1) + y, 6(y+2) + x) = 0  ⇒  x = 24/11, y = −26/11.
        Assert.True(r.Converged, r.StopReason.ToString());
        Assert.Equal(24.0 / 11, r.Minimum[0], 1e-5);
        Assert.Equal(-26.0 / 11, r.Minimum[1], 1e-5);
    }

    [Fact]
    public void FindsRosenbrocksMinimum()
    {
        var r = Bfgs.Minimize(p => Math.Pow(1 - p[0], 2) + (100 * Math.Pow(p[1] - (p[0] * p[0]), 2)), [-1.2, 1]);
        Assert.True(r.Converged, r.StopReason.ToString());
        Assert.Equal(1, r.Minimum[0], 1e-4);
        Assert.Equal(1, r.Minimum[1], 1e-4);
    }

    [Fact]
    public void AnUnboundedFunctionDoesNotConverge()
    {
        var r = Bfgs.Minimize(p => -Math.Exp(p[0]) + (p[1] * p[1]), [0, 1], maxIterations: 50);
        Assert.False(r.Converged);
        Assert.True(r.Minimum[0] > 5);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        Assert.Throws<ArgumentException>(() => Bfgs.Minimize(p => 1 / p[0], [0.0]));
        Assert.Throws<ArgumentException>(() => Bfgs.Minimize(p => p[0], []));
        Assert.Equal("gradientTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => Bfgs.Minimize(p => p[0] * p[0], [1.0], 0)).ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => Bfgs.Minimize(p => p[0] * p[0], [1.0], maxIterations: 0)).ParamName);
    }
}
