using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(RangeAccumulation))]
public class RangeAccumulationTests
{
    /// <summary>Column sums, minima and maxima are one operation per element: every path gives them to the bit.</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void AddColumnsMatchesTheLoop(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int n in KernelTestData.Lengths)
        {
            var random = new Random(n);
            var (sum, lo, hi) = (KernelTestData.Uniform(random, n), KernelTestData.Uniform(random, n), KernelTestData.Uniform(random, n));
            var (expectedSum, expectedLo, expectedHi) = ((double[])sum.Clone(), (double[])lo.Clone(), (double[])hi.Clone());
            for (int i = 0; i < 3; i++)
            {
                var row = KernelTestData.Uniform(random, n);
                for (int j = 0; j < n; j++)
                {
                    expectedSum[j] += row[j];
                    expectedLo[j] = Math.Min(expectedLo[j], row[j]);
                    expectedHi[j] = Math.Max(expectedHi[j], row[j]);
                }

                RangeAccumulation.AddColumns<double>(row, sum, lo, hi, path);
            }

            Assert.Equal(expectedSum, sum);
            Assert.Equal(expectedLo, lo);
            Assert.Equal(expectedHi, hi);
        }
    }

    /// <summary>‖row‖² to rounding (to the bit on the scalar path), the range to the bit, and no column sums touched.</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void SquaredNormAndRangeMatchesTheLoop(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int n in KernelTestData.Lengths)
        {
            var random = new Random(n + 1000);
            var (row, lo, hi) = (KernelTestData.Uniform(random, n), KernelTestData.Uniform(random, n), KernelTestData.Uniform(random, n));
            var (expectedLo, expectedHi) = ((double[])lo.Clone(), (double[])hi.Clone());
            double expected = 0;
            for (int j = 0; j < n; j++)
            {
                expected += row[j] * row[j];
                expectedLo[j] = Math.Min(expectedLo[j], row[j]);
                expectedHi[j] = Math.Max(expectedHi[j], row[j]);
            }

            double norm = RangeAccumulation.SquaredNormAndRange<double>(row, lo, hi, path);
            Assert.Equal(expected, norm, path == KernelPath.Scalar ? 0 : (n + 2) * Math.ScaleB(1, -52) * n);
            Assert.Equal(expectedLo, lo);
            Assert.Equal(expectedHi, hi);
        }
    }

    [Fact]
    public void ShortOperandsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => RangeAccumulation.AddColumns<double>(new double[3], new double[2], new double[3], new double[3], KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => RangeAccumulation.SquaredNormAndRange<double>(new double[3], new double[3], new double[2], KernelPath.Scalar));
    }
}
