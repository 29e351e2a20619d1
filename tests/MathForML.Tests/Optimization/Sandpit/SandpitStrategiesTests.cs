using MathForML.LinearAlgebra;
using MathForML.Optimization;
using MathForML.Randomness;

namespace MathForML.Tests.Optimization;

/// <summary>The course's next_step functions: −γJ, −H⁻¹J and the hybrid's two tests (downhill, not too long).</summary>
public class SandpitStrategiesTests
{
    private static readonly Matrix PositiveH = Matrix.FromRows([2.0, 0.0], [0.0, 4.0]);
    private static readonly Matrix SaddleH = Matrix.FromRows([2.0, 0.0], [0.0, -4.0]);

    [Fact]
    public void GradientIsMinusGammaJ() =>
        Assert.Equal([-0.5, 1.0], SandpitStrategies.Gradient()(0, [1.0, -2.0], PositiveH));

    [Fact]
    public void NewtonSolvesHsEqualsMinusJ()
    {
        Assert.Equal([-0.5, 0.5], SandpitStrategies.Newton()(0, [1.0, -2.0], PositiveH));
        Assert.Throws<SingularMatrixException>(() => SandpitStrategies.Newton()(0, [1.0, -2.0], Matrix.FromRows([1.0, 1.0], [1.0, 1.0])));
    }

    [Fact]
    public void HybridTakesNewtonDownhillAndShort()
    {
        var hybrid = SandpitStrategies.Hybrid();
        Assert.Equal([-0.5, 0.5], hybrid(0, [1.0, -2.0], PositiveH));          // downhill, 0.71 long
        Assert.Equal([-0.5, 1.0], hybrid(0, [1.0, -2.0], SaddleH));            // s = (−0.5, −0.5): s·(−J) = 0.5 − 1 < 0, uphill
        Assert.Equal([-5.0, -0.0], hybrid(0, [10.0, 0.0], Matrix.FromRows([1.0, 0.0], [0.0, 1.0])));   // Newton 10 long > 2
        Assert.Equal([-0.5, 1.0], hybrid(0, [1.0, -2.0], Matrix.FromRows([1.0, 1.0], [1.0, 1.0])));   // singular: gradient
    }

    [Fact]
    public void RandomHybridDrawsOnlyForADownhillNewtonStep()
    {
        // Downhill Newton step of length 0.707: kept when the uniform draw is at least that, as the course's test reads.
        var random = new NumPyRandom(0);
        var reference = new NumPyRandom(0);
        var hybrid = SandpitStrategies.Hybrid(0.5, random);
        for (int i = 0; i < 20; i++)
        {
            double u = reference.RandomSample();
            var s = hybrid(0, [1.0, -2.0], PositiveH);
            Assert.Equal(Math.Sqrt(0.5) > u ? [-0.5, 1.0] : new[] { -0.5, 0.5 }, s);
        }
        // Uphill: no draw, the stream does not move.
        hybrid(0, [1.0, -2.0], SaddleH);
        Assert.Equal(reference.RandomSample(), random.RandomSample());
    }

    [Fact]
    public void BadGammaIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SandpitStrategies.Gradient(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SandpitStrategies.Hybrid(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => SandpitStrategies.Hybrid(0.5, -1.0));
    }
}
