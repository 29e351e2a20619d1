using System.Buffers;
using System.Numerics;
using MathForML.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// Symmetric rank-2k update, the BLAS routine xSYR2K in its transposed form for row-major data, lower triangle only:
/// C ← α·(XᵀY + YᵀX) + β·C with X and Y k×n and C n×n.
/// </summary>
/// <remarks>
/// XᵀY + YᵀX = [X; Y]ᵀ·[Y; X] (the two operands stacked by rows, 2k×n each), so the update is one GEMM of depth 2k,
/// run by the loop nest of <see cref="GemmDriver"/> on only the micro-tiles that touch the lower triangle, as
/// <see cref="Syrk"/> does: ≈ 2·n²·k flops instead of 4·n²·k, one pass over C. The stacking copies 4·k·n elements.
/// As in BLAS with UPLO = 'L', β scales the lower triangle and the upper one is neither read nor kept (tiles that cross
/// the diagonal are computed whole, so entries just above it are overwritten). On several cores the rows are cut where
/// the triangle's area divides evenly (<see cref="Syrk.RowCut"/>). Used by the blocked tridiagonal reduction
/// (LAPACK dsytrd: A₂₂ ← A₂₂ − V·Wᵀ − W·Vᵀ).
/// </remarks>
internal static class Syr2k
{
    /// <summary>The lower triangle of C ← α·(XᵀY + YᵀX) + β·C on the best path.</summary>
    public static void ComputeLower<T>(int n, int k, T alpha, ReadOnlySpan<T> x, int ldx, ReadOnlySpan<T> y, int ldy, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ComputeLower(n, k, alpha, x, ldx, y, ldy, beta, c, ldc, KernelPathSelection.Best);

    /// <summary>
    /// The lower triangle (diagonal included) of C ← α·(XᵀY + YᵀX) + β·C with the micro-kernel family given explicitly
    /// (tests force each one); entries above the diagonal are left unspecified.
    /// </summary>
    public static unsafe void ComputeLower<T>(int n, int k, T alpha, ReadOnlySpan<T> x, int ldx, ReadOnlySpan<T> y, int ldy,
        T beta, Span<T> c, int ldc, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelArguments.Operand("X", k, n, ldx, x.Length);
        KernelArguments.Operand("Y", k, n, ldy, y.Length);
        KernelArguments.Operand("C", n, n, ldc, c.Length);
        if (n == 0) return;
        if (k == 0 || alpha == T.Zero)
        {
            BetaScaling.Apply(beta, c, n, n, ldc);
            return;
        }

        var stacked = ArrayPool<T>.Shared.Rent(4 * k * n);
        try
        {
            var xy = stacked.AsSpan(0, 2 * k * n);
            var yx = stacked.AsSpan(2 * k * n, 2 * k * n);
            for (int i = 0; i < k; i++)
            {
                var xi = x.Slice(i * ldx, n);
                var yi = y.Slice(i * ldy, n);
                xi.CopyTo(xy.Slice(i * n, n));
                yi.CopyTo(xy.Slice((k + i) * n, n));
                yi.CopyTo(yx.Slice(i * n, n));
                xi.CopyTo(yx.Slice((k + i) * n, n));
            }

            fixed (T* pxy = xy, pyx = yx, pc = c)
            {
                switch (path)
                {
                    case KernelPath.Vector512: LowerTriangle<T, GemmMicroKernel512<T>>(n, 2 * k, alpha, pxy, pyx, beta, pc, ldc, path); break;
                    case KernelPath.Vector256: LowerTriangle<T, GemmMicroKernel256<T>>(n, 2 * k, alpha, pxy, pyx, beta, pc, ldc, path); break;
                    default: LowerTriangle<T, GemmMicroKernelScalar<T>>(n, 2 * k, alpha, pxy, pyx, beta, pc, ldc, path); break;
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(stacked);
        }
    }

    /// <summary>Lower triangle of C ← α·Aᵀ·B + β·C for A, B depth×n with leading dimension n, split by rows between the cores.</summary>
    private static unsafe void LowerTriangle<T, TKernel>(int n, int depth, T alpha, T* a, T* b, T beta, T* c, nint ldc, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        int mr = TKernel.Mr;
        int parts = (long)n * n * depth / 2 < GemmPartition.ParallelThreshold ? 1 : Math.Min(Environment.ProcessorCount, (n + mr - 1) / mr);
        if (parts <= 1)
        {
            GemmDriver.Run<T, TKernel>(Op.Transpose, Op.None, n, n, depth, alpha, a, n, b, n, beta, c, ldc, path, true, 0);
            return;
        }

        KernelTeam.For(0, parts, part =>
        {
            int start = Syrk.RowCut(n, part, parts, mr), end = Syrk.RowCut(n, part + 1, parts, mr);
            if (end <= start) return;
            // Rows start..end−1 of C need columns 0..end−1; row i of op(A) = Aᵀ is column i of A.
            GemmDriver.Run<T, TKernel>(Op.Transpose, Op.None, end - start, end, depth, alpha, a + start, n, b, n,
                beta, c + (start * ldc), ldc, path, true, start);
        });
    }
}
