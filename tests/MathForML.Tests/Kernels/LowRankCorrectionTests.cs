using MathForML.Kernels;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(LowRankCorrection))]
public class LowRankCorrectionTests
{
    /// <summary>
    /// Every path against the textbook loops r_l = Σ_j x_lj·v_j and t_j − Σ_l (α_l·x_lj + β_l·y_lj), within
    /// (m + 2k + 2)·4·2⁻⁵² of the sums of magnitudes (fused roundings, lane-wise partial sums); rows padded with NaN
    /// (never read) and t's entries past m left alone.
    /// </summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void MatchesTheReferenceLoops(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int m in KernelTestData.Lengths)
            foreach (int k in new[] { 0, 1, 3, 17 })
            {
                var random = new Random(m * 31 + k);
                int ldx = m + 2, ldy = m + 5;
                var x = Padded(random, k, m, ldx);
                var y = Padded(random, k, m, ldy);
                var v = KernelTestData.Uniform(random, m);
                var alpha = KernelTestData.Uniform(random, k);
                var beta = KernelTestData.Uniform(random, k);
                var t = KernelTestData.Uniform(random, m + 1);
                var (t0, dots) = ((double[])t.Clone(), new double[k]);

                LowRankCorrection.Dots(x, ldx, k, m, v, dots, path);
                LowRankCorrection.Subtract(x, ldx, y, ldy, k, m, alpha, beta, t, path);

                double unit = 4 * Math.ScaleB(1, -52) * (m + 2 * k + 2);
                for (int l = 0; l < k; l++)
                {
                    double expected = 0, magnitude = 0;
                    for (int j = 0; j < m; j++)
                    {
                        expected += x[l * ldx + j] * v[j];
                        magnitude += Math.Abs(x[l * ldx + j] * v[j]);
                    }

                    Assert.Equal(expected, dots[l], unit * magnitude + 1e-300);
                }

                for (int j = 0; j < m; j++)
                {
                    double expected = t0[j], magnitude = Math.Abs(t0[j]);
                    for (int l = 0; l < k; l++)
                    {
                        expected -= alpha[l] * x[l * ldx + j] + beta[l] * y[l * ldy + j];
                        magnitude += Math.Abs(alpha[l] * x[l * ldx + j]) + Math.Abs(beta[l] * y[l * ldy + j]);
                    }

                    Assert.Equal(expected, t[j], unit * magnitude + 1e-300);
                }

                Assert.Equal(t0[m], t[m]);
            }
    }

    [Fact]
    public void ShortOperandsAreRejected()
    {
        var x = new double[12];
        Assert.Throws<DimensionMismatchException>(() => LowRankCorrection.Dots(x, 5, 3, 4, new double[4], new double[3], KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => LowRankCorrection.Dots(x, 4, 3, 4, new double[3], new double[3], KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => LowRankCorrection.Subtract(x, 4, x, 4, 3, 4, new double[3], new double[2], new double[4], KernelPath.Scalar));
        Assert.Throws<DimensionMismatchException>(() => LowRankCorrection.Subtract(x, 5, x, 4, 3, 4, new double[3], new double[3], new double[4], KernelPath.Scalar));
    }

    /// <summary>k rows of m uniform values with NaN in the padding up to the leading dimension.</summary>
    private static double[] Padded(Random random, int k, int m, int ld)
    {
        var data = new double[k * ld];
        for (int l = 0; l < k; l++)
            for (int j = 0; j < ld; j++) data[l * ld + j] = j < m ? random.NextDouble() * 2 - 1 : double.NaN;
        return data;
    }
}
