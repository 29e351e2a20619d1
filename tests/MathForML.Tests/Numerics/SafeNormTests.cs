using System.Numerics.Tensors;
using MathForML.Numerics;

namespace MathForML.Tests.Numerics;

public class SafeNormTests
{
    [Theory]
    [InlineData(1e200)]
    [InlineData(1e-200)]
    [InlineData(3e307)]
    [InlineData(4.9e-324)]
    public void ExtremeScalesKeepTheirNorm(double scale)
    {
        double[] x = [3 * scale, 4 * scale];
        double plain = TensorPrimitives.Norm<double>(x);
        Assert.True(double.IsInfinity(plain) || plain == 0, $"the plain norm ({plain:R}) must fail here for the test to mean anything");
        // 5·scale to 1 ulp (the scaled sum of squares is exact for 3 and 4).
        double actual = SafeNorm.Of(x);
        Assert.True(Math.Abs(actual / (5 * scale) - 1) <= 2.3e-16, $"{actual:R} vs {5 * scale:R}");
    }

    [Fact]
    public void ANormBeyondTheLargestDoubleIsInfinite() => Assert.Equal(double.PositiveInfinity, SafeNorm.Of([1.5e308, 1.5e308]));

    [Fact]
    public void OrdinaryVectorsGetThePlainNormBitForBit()
    {
        var rng = new Random(3);
        for (int n = 0; n < 50; n++)
        {
            var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 200 - 100).ToArray();
            Assert.Equal(TensorPrimitives.Norm<double>(x), SafeNorm.Of(x));
        }
    }

    [Fact]
    public void ZeroAndNaN()
    {
        Assert.Equal(0, SafeNorm.Of([0, 0, -0.0]));
        Assert.Equal(0, SafeNorm.Of([]));
        Assert.True(double.IsNaN(SafeNorm.Of([1e200, double.NaN])));
    }
}
