using System.Numerics;
using MathForML.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// Symmetric rank-k update, the BLAS routine xSYRK in its transposed form for row-major data:
/// C ← α·XᵀX + β·C with X k×n (k samples as rows, n features) and C n×n. Both triangles of C are written.
/// </summary>
/// <remarks>
/// Runs the GEMM loop nest of <see cref="GemmDriver"/> on op(A) = Xᵀ, op(B) = X, but only for the micro-tiles that
/// touch the lower triangle (column ≤ row), about n²·k flops instead of 2·n²·k, then copies the lower triangle onto
/// the upper one. As in BLAS with UPLO = 'L', β scales the lower triangle of C and the upper one on entry is not used.
/// On several cores the rows are cut where the triangle's area divides evenly (row n·√(t/p) for t = 1…p−1).
/// </remarks>
public static class Syrk
{
    /// <summary>C ← α·XᵀX + β·C; C is n×n with leading dimension <paramref name="ldc"/>.</summary>
    public static void Compute<T>(int n, int k, T alpha, ReadOnlySpan<T> x, int ldx, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelArguments.Operand("X", k, n, ldx, x.Length);
        KernelArguments.Operand("C", n, n, ldc, c.Length);
        Compute(n, k, alpha, x, ldx, beta, c, ldc, KernelPathSelection.Best);
    }

    /// <summary>The checked-arguments entry point with the micro-kernel family given explicitly (tests force each one).</summary>
    internal static void Compute<T>(int n, int k, T alpha, ReadOnlySpan<T> x, int ldx, T beta, Span<T> c, int ldc, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ComputeLower(n, k, alpha, x, ldx, beta, c, ldc, path);
        SymmetricMirror.LowerToUpper(c, n, ldc);
    }

    /// <summary>
    /// The lower triangle (diagonal included) of C ← α·XᵀX + β·C only; entries above the diagonal are left unspecified.
    /// For a sum of many updates (the covariance of X a block of rows at a time), mirror once at the end
    /// (<see cref="SymmetricMirror.LowerToUpper"/>) instead of after every block.
    /// </summary>
    internal static unsafe void ComputeLower<T>(int n, int k, T alpha, ReadOnlySpan<T> x, int ldx, T beta, Span<T> c, int ldc, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n == 0) return;
        if (k == 0 || alpha == T.Zero)
        {
            BetaScaling.Apply(beta, c, n, n, ldc);
        }
        else
        {
            fixed (T* px = x, pc = c)
            {
                switch (path)
                {
                    case KernelPath.Vector512: LowerTriangle<T, GemmMicroKernel512<T>>(n, k, alpha, px, ldx, beta, pc, ldc, path); break;
                    case KernelPath.Vector256: LowerTriangle<T, GemmMicroKernel256<T>>(n, k, alpha, px, ldx, beta, pc, ldc, path); break;
                    default: LowerTriangle<T, GemmMicroKernelScalar<T>>(n, k, alpha, px, ldx, beta, pc, ldc, path); break;
                }
            }
        }
    }

    private static unsafe void LowerTriangle<T, TKernel>(int n, int k, T alpha, T* x, nint ldx, T beta, T* c, nint ldc, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        int mr = TKernel.Mr;
        int parts = (long)n * n * k / 2 < GemmPartition.ParallelThreshold ? 1 : Math.Min(Environment.ProcessorCount, (n + mr - 1) / mr);
        if (parts <= 1)
        {
            GemmDriver.Run<T, TKernel>(Op.Transpose, Op.None, n, n, k, alpha, x, ldx, x, ldx, beta, c, ldc, path, true, 0);
            return;
        }

        KernelTeam.For(0, parts, part =>
        {
            int start = RowCut(n, part, parts, mr), end = RowCut(n, part + 1, parts, mr);
            if (end <= start) return;
            // Rows start..end−1 of C need columns 0..end−1; row i of op(A) = Xᵀ is column i of X.
            GemmDriver.Run<T, TKernel>(Op.Transpose, Op.None, end - start, end, k, alpha, x + start, ldx, x, ldx,
                beta, c + (start * ldc), ldc, path, true, start);
        });
    }

    /// <summary>Row n·√(t/p) rounded to a multiple of mr: below it lies the fraction t/p of the lower triangle.</summary>
    internal static int RowCut(int n, int t, int parts, int mr) =>
        t >= parts ? n : Math.Min(n, (int)Math.Round(n * Math.Sqrt((double)t / parts) / mr) * mr);
}
