using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(PoleSums))]
public class PoleSumsTests
{
    /// <summary>Every path against Σ z_j·r_j and Σ r_j², r_j = z_j/(δ_j − t): the scalar path to the bit, vector paths to rounding.</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void MatchTheSums(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int n in KernelTestData.Lengths)
        {
            var random = new Random(n);
            var z = KernelTestData.Uniform(random, n);
            var delta = KernelTestData.Uniform(random, n, 1, 3);
            double t = 0.25, sum = 0, squares = 0, magnitude = 0;
            for (int j = 0; j < n; j++)
            {
                double r = z[j] / (delta[j] - t);
                sum += z[j] * r;
                squares += r * r;
                magnitude += Math.Abs(z[j] * r) + (r * r);
            }

            var (s, q) = PoleSums.Compute<double>(z, delta, t, path);
            double tolerance = path == KernelPath.Scalar ? 0 : (n + 2) * Math.ScaleB(1, -52) * magnitude;
            Assert.Equal(sum, s, tolerance);
            Assert.Equal(squares, q, tolerance);
        }
    }

    /// <summary>A pole at t gives every path the division's +∞ (the 512-bit path redoes a non-finite loop with division).</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void APoleAtTGivesTheDivisionsResult(int pathNumber)
    {
        var z = Enumerable.Repeat(1.0, 20).ToArray();
        var delta = Enumerable.Range(0, 20).Select(i => 1.0 + i).ToArray();
        var (s, q) = PoleSums.Compute<double>(z, delta, 6.0, (KernelPath)pathNumber);
        Assert.Equal(double.PositiveInfinity, s);
        Assert.Equal(double.PositiveInfinity, q);
    }

    [Fact]
    public void AShorterDeltaIsRejected() =>
        Assert.Throws<ArgumentException>(() => PoleSums.Compute<double>(new double[3], new double[2], 0, KernelPath.Scalar));
}
