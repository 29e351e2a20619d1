using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Blocked Householder reduction of a symmetric matrix to tridiagonal form, Qᵀ·A·Q = T (LAPACK dsytrd with UPLO = 'L';
/// Golub and Van Loan, Matrix Computations, 4th ed., §8.3.1 with the WY/block update of §5.1.7; Dongarra, Sorensen and
/// Hammarling, "Block reduction of matrices to condensed forms for eigenvalue computations", J. Comput. Appl. Math. 27, 1989).
/// </summary>
/// <remarks>
/// <para>
/// The columns go in panels of nb: <see cref="TridiagonalPanelReduction"/> (dlatrd) reduces a panel's columns and
/// gathers their reflectors V and the vectors W without touching the trailing block, then the trailing block takes all
/// of the panel's updates at once in the rank-2nb product A₂₂ ← A₂₂ − V·Wᵀ − W·Vᵀ (<see cref="Syr2k"/>, GEMM on the
/// lower triangle's tiles, every core). Half of the 4n³/3 flops move into that level-3 product; the other half, one
/// symmetric matrix-vector product per column, reads the trailing lower triangle once per column
/// (<see cref="LowerSymmetricProduct"/>) instead of reading and writing it as the unblocked reduction does. When at most
/// <c>crossover</c> columns remain they are reduced by the unblocked <see cref="HouseholderTridiagonalization"/> (dsytd2)
/// on a copy of the trailing block.
/// </para>
/// <para>
/// Output is the representation of <see cref="HouseholderTridiagonalization.Reduce(double[], int, double[], double[], double[], double[], CancellationToken)"/>:
/// T's diagonal and sub-diagonal, the reflectors v_k as rows (v_k[k+1] = 1, zero above) and τ_k; the reflectors agree
/// with the unblocked ones up to rounding (same formulas, same signs). Cost: 4n³/3 flops, about half in GEMM.
/// </para>
/// </remarks>
internal static class BlockedTridiagonalization
{

    /// <summary>Columns per panel (nb of dsytrd).</summary>
    public const int BlockSize = 32;

    /// <summary>Orders up to which the whole reduction, and the last block of a larger one, runs unblocked (nx of dsytrd).</summary>
    public const int Crossover = 128;

    /// <summary>
    /// Trailing order from which a panel's columns are split between two threads: the symmetric product, the panel's
    /// dot products and its corrections, on a <see cref="SpinningPair"/> (a helper thread spinning through the panel,
    /// so each column's split costs a fraction of a microsecond instead of a thread-pool fork and join, and each thread
    /// keeps its rows of the trailing matrix in its own L2 cache from column to column). On the 2-core Xeon (2 MB L2 a
    /// core), n = 784, the whole reduction's median went 23.4–26.0 → 19.6–20.3 ms (the symmetric products alone about
    /// 17 → 6 ms: each half of the triangle now fits its core's L2); n = 2000 about 4 % faster. The order was measured
    /// flat between 96 and 256. When another caller holds the pair, the halves run one after the other on this thread
    /// (the same arithmetic, so the same result to the bit). Before the pair, the symmetric product alone was split on the
    /// thread pool, one fork and join per column, from m = 512 (n = 784: 0.033 s on one core, 0.028 split).
    /// </summary>
    public const int ParallelProductOrder = 160;


    /// <summary>
    /// Reduces the n×n row-major matrix in <paramref name="a"/> (lower triangle used, contents destroyed), with the
    /// outputs and cancellation (checked once per panel) of
    /// <see cref="HouseholderTridiagonalization.Reduce(double[], int, double[], double[], double[], double[], CancellationToken)"/>.
    /// </summary>
    public static void Reduce(double[] a, int n, double[] diagonal, double[] offDiagonal, double[] reflectors, double[] tau,
        CancellationToken cancellationToken = default) =>
        Reduce(a, n, diagonal, offDiagonal, reflectors, tau, BlockSize, Crossover, ParallelProductOrder, KernelPathSelection.Best,
            cancellationToken);

    /// <summary>
    /// T alone: the reduction of <see cref="Reduce(double[], int, double[], double[], double[], double[], CancellationToken)"/>
    /// (same arithmetic, so the same d and e) keeping each panel's reflectors only until its trailing update, in an nb×n
    /// buffer instead of the n×n array Q needs: for eigenvalues only, 8n² bytes less to allocate and touch.
    /// </summary>
    public static void ReduceValuesOnly(double[] a, int n, double[] diagonal, double[] offDiagonal, CancellationToken cancellationToken = default) =>
        Reduce(a, n, diagonal, offDiagonal, null, new double[n], BlockSize, Crossover, ParallelProductOrder, KernelPathSelection.Best,
            cancellationToken);

    /// <summary>
    /// The reduction with its panel width <paramref name="blockSize"/>, its unblocked <paramref name="crossover"/>, the
    /// trailing order from which a panel's columns are split between two threads (<paramref name="parallelProductOrder"/>)
    /// and the kernel path given explicitly (tests and benchmarks vary them). Null <paramref name="reflectors"/> keeps
    /// only the current panel's (T alone; <paramref name="tau"/> is then scratch).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Reduce(double[] a, int n, double[] diagonal, double[] offDiagonal, double[]? reflectors, double[] tau,
        int blockSize, int crossover, int parallelProductOrder, KernelPath path, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        int unblocked = Math.Max(crossover, blockSize + 2);
        if (n <= unblocked)
        {
            HouseholderTridiagonalization.Reduce(a, n, diagonal, offDiagonal, reflectors ?? new double[n * n], tau, path, cancellationToken);
            return;
        }

        Array.Clear(tau);
        bool panelOnly = reflectors is null;
        var v = reflectors ?? new double[blockSize * n];
        var w = new double[blockSize * n];
        var column = new double[n];
        var p = new double[n];
        int start = 0;
        for (; n - start > unblocked; start += blockSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool halved = n - start >= parallelProductOrder;
            var pair = halved ? SpinningPair.TryEnter() : null;
            int row0 = panelOnly ? start : 0;
            try
            {
                TridiagonalPanelReduction.Reduce(a, n, start, blockSize, diagonal, offDiagonal, v, tau, w, column, p, halved, path, row0, pair);
            }
            finally
            {
                pair?.Exit();
            }

            int next = start + blockSize;
            Syr2k.ComputeLower(n - next, blockSize, -1.0, v.AsSpan((start - row0) * n + next), n, w.AsSpan(next), n,
                1.0, a.AsSpan(next * n + next), n, path);
        }

        cancellationToken.ThrowIfCancellationRequested();
        ReduceTrailingBlock(a, n, start, diagonal, offDiagonal, reflectors, tau, path, cancellationToken);
    }

    /// <summary>The unblocked reduction of A[start.., start..] on a copy, its results moved to global indices (reflectors only when kept).</summary>
    private static void ReduceTrailingBlock(double[] a, int n, int start, double[] diagonal, double[] offDiagonal, double[]? reflectors,
        double[] tau, KernelPath path, CancellationToken cancellationToken)
    {
        int m = n - start;
        var block = new double[m * m];
        for (int i = 0; i < m; i++) a.AsSpan((start + i) * n + start, i + 1).CopyTo(block.AsSpan(i * m, i + 1));
        var (d, e, v, t) = (new double[m], new double[m - 1], new double[m * m], new double[m]);
        HouseholderTridiagonalization.Reduce(block, m, d, e, v, t, path, cancellationToken);
        d.CopyTo(diagonal, start);
        e.CopyTo(offDiagonal, start);
        t.CopyTo(tau, start);
        if (reflectors is null) return;
        for (int k = 0; k < m; k++)
        {
            var row = reflectors.AsSpan((start + k) * n, n);
            row[..start].Clear();
            v.AsSpan(k * m, m).CopyTo(row[start..]);
        }
    }
}
