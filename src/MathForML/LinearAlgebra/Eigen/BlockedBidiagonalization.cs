using System.Runtime.CompilerServices;
using MathForML.Kernels;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Blocked Householder reduction of an m×n matrix (m ≥ n) to upper bidiagonal form, A = Q·B·Pᵀ (LAPACK dgebrd;
/// Golub and Van Loan, Matrix Computations, 4th ed., §5.4.8 with the block update of §5.1.7).
/// </summary>
/// <remarks>
/// <para>
/// The columns go in panels of nb: <see cref="BidiagonalPanelReduction"/> (dlabrd) reduces a panel's rows and columns
/// and gathers X and Y without touching the trailing block, then the trailing block takes all of the panel's updates at
/// once, A₂₂ ← A₂₂ − V·Yᵀ − X·Uᵀ, as two rank-nb products through <see cref="Gemm"/> (every core). Half of the
/// 4mn² − 4n³/3 flops move into those products; the other half are the panel's two matrix-vector products per column.
/// When at most <c>crossover</c> columns remain, <see cref="HouseholderBidiagonalization"/> (dgebd2) finishes in place.
/// </para>
/// <para>
/// Output is the representation of <see cref="HouseholderBidiagonalization"/>: d, e, the reflector rows and τq, τp;
/// the reflectors agree with the unblocked ones up to rounding (same formulas, same signs).
/// </para>
/// </remarks>
internal static class BlockedBidiagonalization
{
    /// <summary>Columns per panel (nb of dgebrd).</summary>
    public const int BlockSize = 32;

    /// <summary>Columns from which the reduction runs unblocked (nx of dgebrd).</summary>
    public const int Crossover = 128;

    /// <summary>
    /// Reduces the m×n row-major <paramref name="a"/> (m ≥ n, destroyed): d (n), e (n−1), the left reflectors as rows
    /// of <paramref name="left"/> (n×m) with τq, the right ones as rows of <paramref name="right"/> (n×n) with τp.
    /// <paramref name="cancellationToken"/> is checked once per panel.
    /// </summary>
    public static void Reduce(double[] a, int m, int n, double[] diagonal, double[] superDiagonal, double[] left, double[] tauQ,
        double[] right, double[] tauP, CancellationToken cancellationToken = default) =>
        Reduce(a, m, n, diagonal, superDiagonal, left, tauQ, right, tauP, BlockSize, Crossover, KernelPathSelection.Best, cancellationToken);

    /// <summary>The reduction with its panel width, unblocked crossover and kernel path given explicitly (tests vary them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Reduce(double[] a, int m, int n, double[] diagonal, double[] superDiagonal, double[] left, double[] tauQ,
        double[] right, double[] tauP, int blockSize, int crossover, KernelPath path, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        if (m < n) throw new ArgumentException($"The bidiagonal reduction needs m ≥ n, has {m}×{n}.", nameof(m));
        int unblocked = Math.Max(crossover, blockSize);
        int start = 0;
        if (n > unblocked)
        {
            var x = new double[blockSize * m];
            var y = new double[blockSize * n];
            var column = new double[m];
            for (; n - start > unblocked; start += blockSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                BidiagonalPanelReduction.Reduce(a, m, n, start, blockSize, diagonal, superDiagonal, left, tauQ, right, tauP, x, y, column, path);
                int next = start + blockSize, rows = m - next, columns = n - next;
                var trailing = a.AsSpan(next * n + next);
                Gemm.Multiply(Op.Transpose, Op.None, rows, columns, blockSize, -1.0, left.AsSpan(start * m + next), m, y.AsSpan(next), n,
                    1.0, trailing, n, path);
                Gemm.Multiply(Op.Transpose, Op.None, rows, columns, blockSize, -1.0, x.AsSpan(next), m, right.AsSpan(start * n + next), n,
                    1.0, trailing, n, path);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        HouseholderBidiagonalization.Reduce(a, m, n, start, diagonal, superDiagonal, left, tauQ, right, tauP, cancellationToken);
    }
}
