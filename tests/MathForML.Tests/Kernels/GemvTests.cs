using System.Numerics;
using MathForML.Kernels;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(Gemv))]
public class GemvTests
{
    public static TheoryData<int, int> Shapes => new()
    {
        { 1, 1 }, { 1, 33 }, { 29, 1 }, { 17, 23 }, { 300, 257 }, { 40, 2500 }, { 2500, 40 },
    };

    /// <summary>
    /// Every path on one to three threads (forced: the threshold is ignored when parts are given) against the reference:
    /// row counts around the blocks of four (1–9, 31, 33), widths below, at and above one register and the strip
    /// (1, 7, 8, 9, 17, 33, 1023, 1025, 2100), float and double, α/β as in BLAS (β = 0 ignores a NaN y).
    /// </summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void EveryPathAndSplitMatchesTheReference(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int m in new[] { 1, 2, 3, 4, 5, 7, 8, 9, 31, 33 })
            foreach (int n in new[] { 1, 7, 8, 9, 17, 33, 1023, 1025, 2100 })
                foreach (int parts in new[] { 1, 2, 3 })
                {
                    CheckForced<double>(m, n, m * 1000 + n, path, parts);
                    CheckForced<float>(m, n, m * 1000 + n + 7, path, parts);
                }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DoubleMatchesReference(int m, int n) => Check<double>(m, n, seed: m * 37 + n);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FloatMatchesReference(int m, int n) => Check<float>(m, n, seed: m * 37 + n);

    [Fact]
    public void ShortSpansAreRejected()
    {
        var a = new double[12];
        Assert.Throws<DimensionMismatchException>(() => Gemv.Multiply(Op.None, 3, 4, 1.0, a.AsSpan(1), 4, new double[4], 0.0, new double[3]));
        Assert.Throws<DimensionMismatchException>(() => Gemv.Multiply(Op.None, 3, 4, 1.0, a, 4, new double[3], 0.0, new double[3]));
        Assert.Throws<DimensionMismatchException>(() => Gemv.Multiply(Op.None, 3, 4, 1.0, a, 4, new double[4], 0.0, new double[2]));
        Assert.Throws<DimensionMismatchException>(() => Gemv.Multiply(Op.Transpose, 3, 4, 1.0, a, 4, new double[2], 0.0, new double[4]));
        Assert.Throws<DimensionMismatchException>(() => Gemv.Multiply(Op.Transpose, 3, 4, 1.0, a, 4, new double[3], 0.0, new double[3]));
    }

    private static void CheckForced<T>(int m, int n, int seed, KernelPath path, int parts)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Check<T>(m, n, seed, (trans, alpha, a, lda, x, beta, y) => Gemv.Multiply(trans, m, n, alpha, a, lda, x, beta, y, path, parts));

    private delegate void Product<T>(Op trans, T alpha, T[] a, int lda, T[] x, T beta, T[] y);

    private static void Check<T>(int m, int n, int seed)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Check<T>(m, n, seed, (trans, alpha, a, lda, x, beta, y) => Gemv.Multiply(trans, m, n, alpha, a, lda, x, beta, y));

    private static void Check<T>(int m, int n, int seed, Product<T> product)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        int lda = n + 5;
        var a = KernelTestData.Random<T>(random, m, n, lda);
        foreach (var trans in new[] { Op.None, Op.Transpose })
        {
            int xl = trans == Op.None ? n : m, yl = trans == Op.None ? m : n;
            var x = KernelTestData.Random<T>(random, 1, xl, xl);
            foreach (var (alpha, beta) in new[] { (1.0, 0.0), (-2.0, 0.5), (0.0, 3.0), (0.5, 1.0) })
            {
                var y0 = KernelTestData.Random<T>(random, 1, yl, yl);
                if (beta == 0) Array.Fill(y0, T.NaN);
                var expected = (T[])y0.Clone();
                ReferenceKernels.Gemv(trans, m, n, T.CreateChecked(alpha), a, lda, x, T.CreateChecked(beta), expected);
                var y = (T[])y0.Clone();
                product(trans, T.CreateChecked(alpha), a, lda, x, T.CreateChecked(beta), y);
                KernelTestData.AssertClose(expected, y, 1, yl, yl, xl, alpha, beta, y0, 1, 1);
            }
        }
    }
}
