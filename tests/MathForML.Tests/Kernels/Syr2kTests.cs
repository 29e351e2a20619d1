using MathForML.Kernels;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(Syr2k))]
public class Syr2kTests
{
    /// <summary>Small, edge-cut and two-core (n²·2k/2 above the GEMM parallel threshold) shapes.</summary>
    public static TheoryData<int, int> Shapes => new()
    {
        { 1, 1 }, { 1, 9 }, { 5, 1 }, { 23, 37 }, { 49, 32 }, { 200, 64 }, { 97, 513 },
    };

    /// <summary>
    /// Every path against the textbook XᵀY + YᵀX (<see cref="ReferenceKernels.Gemm{T}"/> twice) on the lower triangle,
    /// within (2k + 2)·1e-14 of the magnitudes (<see cref="KernelTestData.AssertClose{T}"/> with depth 2k); padded leading
    /// dimensions whose padding is NaN (never read), and NaN above C's diagonal with β = 1 (the upper triangle is not read).
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void LowerTriangleMatchesTheReference(int n, int k)
    {
        var random = new Random(n * 131 + k);
        int ldx = n + 3, ldy = n + 1, ldc = n + 2;
        var x = KernelTestData.Random<double>(random, k, n, ldx);
        var y = KernelTestData.Random<double>(random, k, n, ldy);
        foreach (var (alpha, beta) in new[] { (1.0, 0.0), (-1.0, 1.0), (-0.5, 1.5), (0.0, 2.0) })
        {
            var c0 = KernelTestData.Random<double>(random, n, n, ldc);
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) c0[(i * ldc) + j] = double.NaN;
            var expected = (double[])c0.Clone();
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) expected[(i * ldc) + j] = j <= i ? beta * c0[(i * ldc) + j] : 0;
            ReferenceKernels.Gemm(Op.Transpose, Op.None, n, n, k, alpha, x, ldx, y, ldy, 1.0, expected, ldc);
            ReferenceKernels.Gemm(Op.Transpose, Op.None, n, n, k, alpha, y, ldy, x, ldx, 1.0, expected, ldc);
            foreach (var path in KernelTestData.Paths)
            {
                var c = (double[])c0.Clone();
                Syr2k.ComputeLower(n, k, alpha, x, ldx, y, ldy, beta, c, ldc, path);
                AssertLowerClose(expected, c, c0, n, ldc, 2 * k, alpha, beta);
            }
        }
    }

    [Fact]
    public void ShortSpansAreRejected()
    {
        var x = new double[12];
        var c = new double[9];
        Assert.Throws<DimensionMismatchException>(() => Syr2k.ComputeLower(3, 4, 1.0, x.AsSpan(1), 3, x, 3, 0.0, c, 3));
        Assert.Throws<DimensionMismatchException>(() => Syr2k.ComputeLower(3, 4, 1.0, x, 3, x.AsSpan(1), 3, 0.0, c, 3));
        Assert.Throws<DimensionMismatchException>(() => Syr2k.ComputeLower(3, 4, 1.0, x, 3, x, 3, 0.0, c.AsSpan(1), 3));
    }

    private static void AssertLowerClose(double[] expected, double[] actual, double[] before, int n, int ldc, int depth, double alpha, double beta)
    {
        double tolerance = 1e-14 * (depth + 2);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                int at = (i * ldc) + j;
                double bound = tolerance * ((Math.Abs(alpha) * depth) + (Math.Abs(beta) * Math.Abs(before[at]))) + 1e-300;
                Assert.True(Math.Abs(expected[at] - actual[at]) <= bound, $"C[{i},{j}] = {actual[at]}, reference {expected[at]}");
            }

            for (int j = n; j < ldc; j++) Assert.True(double.IsNaN(actual[(i * ldc) + j]), $"padding C[{i},{j}] was written");
        }
    }
}
