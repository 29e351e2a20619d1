using MathForML.Kernels;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(LowerSymmetricProduct))]
public class LowerSymmetricProductTests
{
    /// <summary>
    /// Every path, on one to three threads, against the full product Σ_j a_ij·u_j of the symmetric matrix: within
    /// (m + 2)·4·2⁻⁵² of Σ_j |a_ij·u_j| (fused roundings, lane-wise partial sums, split column sums). The upper triangle
    /// and the padding columns are NaN, so reading them would show. The first column copied out on the way equals a_i0 exactly.
    /// Order 1043 is above <see cref="LowerSymmetricProduct.OctetOrder"/> (blocks of eight on the 512-bit path, then of
    /// four, a pair and a single row; with two or three parts each part starts where the cut falls, mid-block); 300 is below.
    /// </summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void MatchesTheFullProduct(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int m in KernelTestData.Lengths.Append(2).Append(300).Append(1043))
            foreach (int parts in new[] { 1, 2, 3 })
            {
                var random = new Random(m * 7 + parts);
                int lda = m + 3;
                var full = new double[m * m];
                var a = new double[Math.Max(1, m * lda)];
                Array.Fill(a, double.NaN);
                for (int i = 0; i < m; i++)
                    for (int j = 0; j <= i; j++) full[i * m + j] = full[j * m + i] = a[i * lda + j] = random.NextDouble() - 0.5;
                var u = KernelTestData.Uniform(random, m + 1);
                var y = KernelTestData.Uniform(random, m + 1);
                double untouched = y[m];
                var first = new double[m];
                Array.Fill(first, double.NaN);
                LowerSymmetricProduct.Multiply(a, lda, m, u, y, parts, path, parts == 2 ? default : first);
                for (int i = 0; i < m; i++)
                {
                    double expected = 0, magnitude = 0;
                    for (int j = 0; j < m; j++)
                    {
                        expected += full[i * m + j] * u[j];
                        magnitude += Math.Abs(full[i * m + j] * u[j]);
                    }

                    Assert.Equal(expected, y[i], (m + 2) * 4 * Math.ScaleB(1, -52) * magnitude + 1e-300);
                    if (parts != 2) Assert.Equal(a[i * lda], first[i]);
                }

                Assert.Equal(untouched, y[m]);
            }
    }

    /// <summary>
    /// The parts of <see cref="LowerSymmetricProduct.MultiplyPart"/>, each into a cleared target and summed, give the
    /// split product of <see cref="LowerSymmetricProduct.Multiply(ReadOnlySpan{double}, int, int, ReadOnlySpan{double}, Span{double}, int, KernelPath, Span{double})"/>
    /// to the bit (part 0 first, then each later part added, the order Multiply adds them), and together copy out the first column.
    /// </summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void ThePartsSumToTheSplitProduct(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int m in new[] { 1, 9, 130, 1043 })
            foreach (int parts in new[] { 1, 2, 3 }.Where(p => p <= (m / 64) + 1))   // Multiply's own cap on the parts
            {
                var random = new Random(m + parts);
                int lda = m + 1;
                var a = KernelTestData.Uniform(random, m * lda);
                var u = KernelTestData.Uniform(random, m);
                var expected = new double[m];
                LowerSymmetricProduct.Multiply(a, lda, m, u, expected, parts, path);
                var sum = new double[m];
                var first = new double[m];
                Array.Fill(first, double.NaN);
                var target = new double[m];
                for (int part = 0; part < parts; part++)
                {
                    Array.Clear(target);
                    LowerSymmetricProduct.MultiplyPart(a, lda, m, u, target, part, parts, path, first);
                    for (int i = 0; i < m; i++) sum[i] = part == 0 ? target[i] : sum[i] + target[i];
                }

                Assert.Equal(expected, sum);
                for (int i = 0; i < m; i++) Assert.Equal(a[i * lda], first[i]);
            }

        Assert.Throws<ArgumentOutOfRangeException>(() => LowerSymmetricProduct.MultiplyPart(new double[9], 3, 3, new double[3], new double[3], 2, 2, path));
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        var a = new double[9];
        Assert.Throws<DimensionMismatchException>(() => LowerSymmetricProduct.Multiply(a.AsSpan(1), 3, 3, new double[3], new double[3]));
        Assert.Throws<ArgumentException>(() => LowerSymmetricProduct.Multiply(a, 3, 3, new double[2], new double[3]));
        Assert.Throws<ArgumentException>(() => LowerSymmetricProduct.Multiply(a, 3, 3, new double[3], new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LowerSymmetricProduct.Multiply(a, 3, 3, new double[3], new double[3], 0, KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => LowerSymmetricProduct.Multiply(a, 3, 3, new double[3], new double[3], 1, KernelPath.Scalar, new double[2]));
    }
}
