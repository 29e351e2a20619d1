using System.Numerics;
using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

/// <summary>
/// The loop nest of <see cref="GemmDriver"/> with tiny blocks (mc two A panels, one when n fits one B block; kc five; nc
/// two B panels), so that small products cross every block boundary, every edge tile and every transpose, on each
/// micro-kernel the machine runs.
/// </summary>
public class GemmDriverTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 3, 2, 7 }, { 17, 53, 11 }, { 40, 100, 23 }, { 9, 49, 5 }, { 33, 97, 10 }, { 64, 7, 16 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DoubleCrossesEveryBlockBoundary(int m, int n, int k) => Check<double>(m, n, k, seed: (m * 31) + (n * 7) + k);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FloatCrossesEveryBlockBoundary(int m, int n, int k) => Check<float>(m, n, k, seed: (m * 37) + (n * 5) + k);

    [Theory]
    [InlineData(0, 97)]
    [InlineData(13, 97)]
    [InlineData(0, 30)]
    [InlineData(13, 30)]
    public void LowerOnlyComputesEveryElementOnOrBelowTheDiagonal(int rowOffset, int n)
    {
        // n = 30 fits one B block (two panels of 24 or 48): the tiles are walked down the columns.
        const int m = 41, k = 12;
        var random = new Random(rowOffset + 5);
        var a = KernelTestData.Random<double>(random, m, k, k);
        var b = KernelTestData.Random<double>(random, k, n, n);
        var c0 = KernelTestData.Random<double>(random, m, n, n);
        var expected = (double[])c0.Clone();
        ReferenceKernels.Gemm(Op.None, Op.None, m, n, k, 1.5, a, k, b, n, 0.5, expected, n);
        foreach (var path in KernelTestData.Paths)
        {
            var c = (double[])c0.Clone();
            var job = new DriverJob<double>(Op.None, Op.None, m, n, k, 1.5, a, k, b, n, 0.5, c, n, true, rowOffset, null);
            GemmMicroKernelChoice.Run<double, DriverJob<double>>(path, ref job);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double got = c[(i * n) + j], reference = expected[(i * n) + j];
                    bool close = Math.Abs(got - reference) <= 1e-13 * k * 4;
                    if (j <= rowOffset + i) Assert.True(close, $"{path}: C[{i},{j}] = {got}, reference {reference}");
                    else Assert.True(close || got == c0[(i * n) + j], $"{path}: C[{i},{j}] above the diagonal is neither computed nor left");
                }
        }
    }

    private static void Check<T>(int m, int n, int k, int seed)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        GemmTests.CheckAgainstReference<T>(m, n, k, seed, [(1.0, 0.0), (-0.5, 2.0), (2.0, 1.0)],
            (transA, transB, alpha, a, lda, b, ldb, beta, c, ldc, path) =>
            {
                var job = new DriverJob<T>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, false, 0, null);
                GemmMicroKernelChoice.Run<T, DriverJob<T>>(path, ref job);
            });

    /// <summary>
    /// Runs the driver with the micro-kernel the path chooses and, unless given, blocks of two A panels (one when n fits one
    /// B block), depth 5 and two B panels.
    /// </summary>
    private readonly struct DriverJob<T>(Op transA, Op transB, int m, int n, int k, T alpha, T[] a, int lda, T[] b, int ldb, T beta, T[] c, int ldc,
        bool lowerOnly, int rowOffset, GemmBlocking? blocks) : IGemmMicroKernelJob<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public unsafe void Run<TKernel>() where TKernel : IGemmMicroKernel<T>
        {
            var sizes = blocks ?? new GemmBlocking(2 * TKernel.Mr, 5, 2 * TKernel.Nr, TKernel.Mr);
            fixed (T* pa = a, pb = b, pc = c)
                GemmDriver.Run<T, TKernel>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, lowerOnly, rowOffset, sizes);
        }
    }
}
