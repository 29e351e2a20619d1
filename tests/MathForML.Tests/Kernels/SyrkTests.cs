using System.Numerics;
using MathForML.Kernels;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(Syrk))]
public class SyrkTests
{
    public static TheoryData<int, int> Shapes => new()
    {
        { 1, 1 }, { 1, 9 }, { 5, 1 }, { 23, 37 }, { 49, 300 }, { 200, 120 }, { 97, 513 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DoubleMatchesReferenceAndIsSymmetric(int n, int k) => Check<double>(n, k, seed: n * 131 + k);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FloatMatchesReferenceAndIsSymmetric(int n, int k) => Check<float>(n, k, seed: n * 131 + k);

    [Fact]
    public void ShortSpansAreRejected()
    {
        var x = new double[12];
        var c = new double[9];
        Assert.Throws<DimensionMismatchException>(() => Syrk.Compute(3, 4, 1.0, x.AsSpan(1), 3, 0.0, c, 3));
        Assert.Throws<DimensionMismatchException>(() => Syrk.Compute(3, 4, 1.0, x, 3, 0.0, c.AsSpan(1), 3));
        Assert.Throws<DimensionMismatchException>(() => Syrk.Compute(3, 4, 1.0, x, 2, 0.0, c, 3));
    }

    /// <summary>C symmetric on entry (SYRK reads only its lower triangle), β = 0 with NaN in C, padded leading dimensions.</summary>
    private static void Check<T>(int n, int k, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        int ldx = n + 3, ldc = n + 2;
        var x = KernelTestData.Random<T>(random, k, n, ldx);
        foreach (var (alpha, beta) in new[] { (1.0, 0.0), (-0.5, 1.5), (0.0, 2.0) })
        {
            var c0 = KernelTestData.Random<T>(random, n, n, ldc);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    c0[(i * ldc) + j] = beta == 0 ? T.NaN : c0[(Math.Max(i, j) * ldc) + Math.Min(i, j)];
            var expected = (T[])c0.Clone();
            ReferenceKernels.Syrk(n, k, T.CreateChecked(alpha), x, ldx, T.CreateChecked(beta), expected, ldc);
            foreach (var path in KernelTestData.Paths)
            {
                var c = (T[])c0.Clone();
                Syrk.Compute(n, k, T.CreateChecked(alpha), x, ldx, T.CreateChecked(beta), c, ldc, path);
                KernelTestData.AssertClose(expected, c, n, n, ldc, k, alpha, beta, c0, 1, 1);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < i; j++)
                        Assert.Equal(c[(i * ldc) + j], c[(j * ldc) + i]);
            }
        }

        var viaPublic = new T[n * ldc];
        Syrk.Compute(n, k, T.One, x, ldx, T.Zero, viaPublic, ldc);
        var reference = new T[n * ldc];
        ReferenceKernels.Syrk(n, k, T.One, x, ldx, T.Zero, reference, ldc);
        KernelTestData.AssertClose(reference, viaPublic, n, n, ldc, k, 1, 0, new T[n * ldc], 1, 1);
    }
}
