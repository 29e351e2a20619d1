using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(SquaredDistance))]
public class SquaredDistanceTests
{
    /// <summary>‖a − b‖² and ‖a‖² on every path against the plain sums, to rounding: (n + 2)·2⁻⁵² of the sum of the terms.</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void MatchesThePlainSums(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int n in KernelTestData.Lengths)
        {
            var random = new Random(n);
            var (a, b) = (KernelTestData.Uniform(random, n), KernelTestData.Uniform(random, n));
            double distance = 0, norm = 0;
            for (int j = 0; j < n; j++)
            {
                distance += (a[j] - b[j]) * (a[j] - b[j]);
                norm += a[j] * a[j];
            }

            double ulps = (n + 2) * Math.ScaleB(1, -52);
            Assert.Equal(distance, SquaredDistance.Compute<double>(a, b, path), ulps * distance);
            Assert.Equal(norm, SquaredDistance.Norm<double>(a, path), ulps * norm);
            Assert.Equal(0, SquaredDistance.Compute<double>(a, a, path));
        }
    }

    [Fact]
    public void UnequalLengthsAreRejected() =>
        Assert.Throws<ArgumentException>(() => SquaredDistance.Compute<double>(new double[3], new double[4], KernelPath.Scalar));
}
