using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(SecularVectorSums))]
public class SecularVectorSumsTests
{
    /// <summary>Every path's Löwner product against the plain product of ((d_o − d_j) + τ)/(d_i − d_j): the scalar path to the bit, vector paths to n + 2 roundings.</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void TheLownerProductMatchesTheProductOfRatios(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int n in KernelTestData.Lengths)
        {
            var random = new Random(n + 11);
            var pole = KernelTestData.Uniform(random, n, 1, 2);
            var poleOfRoot = KernelTestData.Uniform(random, n, 1, 2);
            var tau = KernelTestData.Uniform(random, n, -0.01, 0.01);
            double dj = 0.5, expected = 1;
            for (int i = 0; i < n; i++) expected *= ((poleOfRoot[i] - dj) + tau[i]) / (pole[i] - dj);
            double actual = SecularVectorSums.LownerProduct(poleOfRoot, tau, pole, dj, path);
            double tolerance = path == KernelPath.Scalar ? 0 : 3 * (n + 2) * Math.ScaleB(1, -52) * Math.Abs(expected);
            Assert.Equal(expected, actual, tolerance);
        }
    }

    /// <summary>Every path's three sums against Σ f_j·w_j, Σ l_j·w_j and Σ w_j², w_j = ẑ_j/((d_j − d_o) − τ).</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void TheBoundarySumsMatchThePlainSums(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int n in KernelTestData.Lengths)
        {
            var random = new Random(n + 23);
            var zHat = KernelTestData.Uniform(random, n);
            var pole = KernelTestData.Uniform(random, n, 1, 3);
            var first = KernelTestData.Uniform(random, n);
            var last = KernelTestData.Uniform(random, n);
            double poleOfRoot = 0.5, tau = 0.125;
            double f = 0, l = 0, squares = 0, magnitude = 0;
            for (int j = 0; j < n; j++)
            {
                double w = zHat[j] / ((pole[j] - poleOfRoot) - tau);
                f += first[j] * w;
                l += last[j] * w;
                squares += w * w;
                magnitude += Math.Abs(w) + (w * w);
            }

            var (af, al, an) = SecularVectorSums.BoundarySums(zHat, pole, first, last, poleOfRoot, tau, path);
            double tolerance = path == KernelPath.Scalar ? 0 : (n + 2) * Math.ScaleB(1, -51) * magnitude;
            Assert.Equal(f, af, tolerance);
            Assert.Equal(l, al, tolerance);
            Assert.Equal(squares, an, tolerance);
        }
    }

    /// <summary>Every path's ratios ẑ/((d_j − d_o) − τ) against the division: within an ulp (the 512-bit reciprocal), a zero denominator giving the division's ±∞.</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void TheRatiosMatchTheDivision(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int n in KernelTestData.Lengths)
        {
            var random = new Random(n + 41);
            var poleOfRoot = KernelTestData.Uniform(random, n, 1, 2);
            var tau = KernelTestData.Uniform(random, n, -0.01, 0.01);
            double zHat = 0.37, dj = 0.5;
            var row = new double[n + 1];
            row[n] = 99;
            SecularVectorSums.Ratios(zHat, dj, poleOfRoot, tau, row.AsSpan(0, n), path);
            for (int i = 0; i < n; i++)
            {
                double expected = zHat / ((dj - poleOfRoot[i]) - tau[i]);
                Assert.Equal(expected, row[i], path == KernelPath.Scalar ? 0 : Math.ScaleB(Math.Abs(expected), -51));
            }

            Assert.Equal(99, row[n]);
        }

        var poles = Enumerable.Range(0, 16).Select(i => 1.0 + i).ToArray();
        var ratios = new double[16];
        SecularVectorSums.Ratios(1, 4.0, poles, new double[16], ratios, path);
        Assert.Equal(double.PositiveInfinity, ratios[3]);
        Assert.Equal(1 / 3.0, ratios[0], 1e-15);
    }

    /// <summary>A zero denominator gives every path the division's ±∞ or NaN (the 512-bit path redoes such a loop with division).</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void AZeroDenominatorGivesTheDivisionsResult(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        var pole = Enumerable.Range(0, 20).Select(i => 1.0 + i).ToArray();
        var ones = Enumerable.Repeat(1.0, 20).ToArray();
        var zeros = new double[20];
        // Pole 5 (= 6.0) equals d_j: its ratio is (6 − 6 + 0)/0 = NaN in the product.
        Assert.True(double.IsNaN(SecularVectorSums.LownerProduct(pole, zeros, pole, 6.0, path)));
        // w_5 = 1/((6 − 6) − 0) = +∞: the sums are +∞.
        var (f, l, squares) = SecularVectorSums.BoundarySums(ones, pole, ones, ones, 6.0, 0, path);
        Assert.Equal(double.PositiveInfinity, f);
        Assert.Equal(double.PositiveInfinity, l);
        Assert.Equal(double.PositiveInfinity, squares);
    }

    [Fact]
    public void ShortSpansAreRejected()
    {
        Assert.Throws<ArgumentException>(() => SecularVectorSums.LownerProduct(new double[3], new double[2], new double[3], 0, KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => SecularVectorSums.BoundarySums(new double[3], new double[3], new double[2], new double[3], 0, 0, KernelPath.Scalar));
    }
}
