using System.Numerics;
using MathForML.Kernels;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(Gemm), typeof(GemmPartition), typeof(GemmDriver))]
public class GemmTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 2, 3, 1 }, { 1, 17, 5 }, { 13, 1, 7 }, { 37, 53, 29 }, { 8, 48, 16 }, { 6, 16, 3 },
        { 9, 49, 257 }, { 193, 25, 255 }, { 97, 130, 100 }, { 130, 97, 100 }, { 385, 7, 33 },
    };

    private static readonly (double Alpha, double Beta)[] Scalars = [(1, 0), (-0.5, 2), (2, 1), (0, 0.5), (0.75, -1)];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DoubleMatchesReference(int m, int n, int k) => Check<double>(m, n, k, seed: m * 7919 + n * 31 + k);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FloatMatchesReference(int m, int n, int k) => Check<float>(m, n, k, seed: m * 7919 + n * 31 + k);

    [Fact]
    public void LargeDoubleAcrossAllBlocksMatchesReference() => Check<double>(300, 257, 513, seed: 3, scalars: [(1.5, 0), (-1, 0.5)]);

    [Fact]
    public void LargeFloatAcrossAllBlocksMatchesReference() => Check<float>(300, 257, 513, seed: 4, scalars: [(1.5, 0), (-1, 0.5)]);

    [Fact]
    public void ConvenienceOverloadIsPlainProduct()
    {
        var random = new Random(5);
        var a = KernelTestData.Random<double>(random, 20, 30, 30);
        var b = KernelTestData.Random<double>(random, 30, 40, 40);
        var c = new double[800];
        var expected = new double[800];
        Gemm.Multiply(20, 40, 30, a, b, c);
        ReferenceKernels.Gemm(Op.None, Op.None, 20, 40, 30, 1.0, a, 30, b, 40, 0.0, expected, 40);
        KernelTestData.AssertClose(expected, c, 20, 40, 40, 30, 1, 0, new double[800], 1, 1);
    }

    [Fact]
    public void ZeroSizesLeaveOrScaleC()
    {
        double[] c = [1, 2, 3, 4];
        Gemm.Multiply(Op.None, Op.None, 2, 2, 0, 1.0, [], 0, [], 2, 3.0, c, 2);
        Assert.Equal([3.0, 6, 9, 12], c);
        c = [double.NaN, 1, 2, 3];
        Gemm.Multiply(Op.None, Op.None, 2, 2, 0, 1.0, [], 0, [], 2, 0.0, c, 2);
        Assert.Equal([0.0, 0, 0, 0], c);
        Gemm.Multiply(Op.None, Op.None, 0, 2, 3, 1.0, [], 3, new double[6], 2, 0.0, c, 2);
    }

    [Fact]
    public void ShortSpansAreRejected()
    {
        var a = new double[12];
        var b = new double[12];
        var c = new double[9];
        Assert.Throws<DimensionMismatchException>(() => Gemm.Multiply(Op.None, Op.None, 3, 3, 4, 1.0, a.AsSpan(1), 4, b, 3, 0.0, c, 3));
        Assert.Throws<DimensionMismatchException>(() => Gemm.Multiply(Op.None, Op.Transpose, 3, 3, 4, 1.0, a, 4, b.AsSpan(2), 4, 0.0, c, 3));
        Assert.Throws<DimensionMismatchException>(() => Gemm.Multiply(Op.None, Op.None, 3, 3, 4, 1.0, a, 4, b, 3, 0.0, c.AsSpan(1), 3));
        Assert.Throws<DimensionMismatchException>(() => Gemm.Multiply(Op.None, Op.None, 3, 3, 4, 1.0, a, 3, b, 3, 0.0, c, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(Op.None, Op.None, -1, 3, 4, 1.0, a, 4, b, 3, 0.0, c, 3));
    }

    /// <summary>Every transpose combination, α/β pair and hardware path against the reference, with padded leading dimensions.</summary>
    private static void Check<T>(int m, int n, int k, int seed, (double Alpha, double Beta)[]? scalars = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        CheckAgainstReference<T>(m, n, k, seed, scalars ?? Scalars,
            (transA, transB, alpha, a, lda, b, ldb, beta, c, ldc, path) =>
                Gemm.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, path));

    /// <summary>A product C ← α·op(A)·op(B) + β·C by the code under test, on one hardware path.</summary>
    internal delegate void Product<T>(Op transA, Op transB, T alpha, T[] a, int lda, T[] b, int ldb, T beta, T[] c, int ldc, KernelPath path);

    /// <summary>
    /// Runs <paramref name="product"/> for every transpose combination, α/β pair (β = 0 over NaN) and hardware path on
    /// random operands with padded leading dimensions, against <see cref="ReferenceKernels.Gemm{T}"/>.
    /// </summary>
    internal static void CheckAgainstReference<T>(int m, int n, int k, int seed, (double Alpha, double Beta)[] scalars, Product<T> product)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        foreach (var transA in new[] { Op.None, Op.Transpose })
            foreach (var transB in new[] { Op.None, Op.Transpose })
            {
                int aRows = transA == Op.None ? m : k, aCols = transA == Op.None ? k : m;
                int bRows = transB == Op.None ? k : n, bCols = transB == Op.None ? n : k;
                int lda = aCols + (seed % 3), ldb = bCols + 2, ldc = n + 1;
                var a = KernelTestData.Random<T>(random, aRows, aCols, lda);
                var b = KernelTestData.Random<T>(random, bRows, bCols, ldb);
                foreach (var (alpha, beta) in scalars)
                {
                    var c0 = KernelTestData.Random<T>(random, m, n, ldc);
                    if (beta == 0)
                        for (int i = 0; i < m * ldc; i++) c0[i] = T.NaN;
                    var expected = (T[])c0.Clone();
                    ReferenceKernels.Gemm(transA, transB, m, n, k, T.CreateChecked(alpha), a, lda, b, ldb, T.CreateChecked(beta), expected, ldc);
                    foreach (var path in KernelTestData.Paths)
                    {
                        var c = (T[])c0.Clone();
                        product(transA, transB, T.CreateChecked(alpha), a, lda, b, ldb, T.CreateChecked(beta), c, ldc, path);
                        KernelTestData.AssertClose(expected, c, m, n, ldc, k, alpha, beta, c0, 1, 1);
                    }
                }
            }
    }
}
