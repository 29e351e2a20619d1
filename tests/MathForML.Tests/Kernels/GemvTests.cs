using System.Numerics;
using MathForML.Kernels;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Kernels;

public class GemvTests
{
    public static TheoryData<int, int> Shapes => new()
    {
        { 1, 1 }, { 1, 33 }, { 29, 1 }, { 17, 23 }, { 300, 257 }, { 40, 2500 }, { 2500, 40 },
    };

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

    private static void Check<T>(int m, int n, int seed)
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
                Gemv.Multiply(trans, m, n, T.CreateChecked(alpha), a, lda, x, T.CreateChecked(beta), y);
                KernelTestData.AssertClose(expected, y, 1, yl, yl, xl, alpha, beta, y0, 1, 1);
            }
        }
    }
}
