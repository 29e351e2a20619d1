using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(TridiagonalRowUpdate))]
public class TridiagonalRowUpdateTests
{
    /// <summary>
    /// Every path against the textbook loop x = row − v_r·w − w_r·v, dot += x·u, p += u_r·x: the scalar path to the bit
    /// (same operations, same order), the vector paths within (n + 2)·2⁻⁵² of the magnitudes involved (fused roundings
    /// and lane-wise partial sums).
    /// </summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void MatchesTheReferenceLoop(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int n in KernelTestData.Lengths)
            foreach (bool update in new[] { false, true })
            {
                var random = new Random(n * 2 + (update ? 1 : 0));
                var (row, v, w, u, p) = (KernelTestData.Uniform(random, n), KernelTestData.Uniform(random, n), KernelTestData.Uniform(random, n),
                    KernelTestData.Uniform(random, n), KernelTestData.Uniform(random, n));
                double vr = random.NextDouble() - 0.5, wr = random.NextDouble() - 0.5, ur = random.NextDouble() - 0.5;
                var (expectedRow, expectedP) = ((double[])row.Clone(), (double[])p.Clone());
                double expectedDot = 0;
                for (int j = 0; j < n; j++)
                {
                    double x = update ? expectedRow[j] - vr * w[j] - wr * v[j] : expectedRow[j];
                    expectedRow[j] = x;
                    expectedDot += x * u[j];
                    expectedP[j] += ur * x;
                }

                double dot = update
                    ? TridiagonalRowUpdate.UpdateDotAndAxpy<double>(row, v, w, u, p, vr, wr, ur, path)
                    : TridiagonalRowUpdate.DotAndAxpy<double>(row, u, p, ur, path);
                double tolerance = path == KernelPath.Scalar ? 0 : (n + 2) * 4 * Math.ScaleB(1, -52);
                Assert.Equal(expectedDot, dot, tolerance * (n + 1));
                for (int j = 0; j < n; j++)
                {
                    Assert.Equal(expectedRow[j], row[j], tolerance);
                    Assert.Equal(expectedP[j], p[j], tolerance);
                }
            }
    }

    [Fact]
    public void ShortOperandsAreRejected()
    {
        var row = new double[5];
        Assert.Throws<ArgumentException>(() => TridiagonalRowUpdate.DotAndAxpy<double>(row, new double[4], new double[5], 1, KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => TridiagonalRowUpdate.UpdateDotAndAxpy<double>(row, new double[5], new double[4], new double[5], new double[5], 1, 1, 1, KernelPath.Scalar));
    }
}
