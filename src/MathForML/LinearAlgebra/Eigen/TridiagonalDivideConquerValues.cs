using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// The eigenvalues of a symmetric tridiagonal matrix by Cuppen's divide and conquer carrying, instead of each block's
/// eigenvector matrix, only its first and last rows: the values-only counterpart of
/// <see cref="TridiagonalDivideConquer"/>, O(n²) instead of O(n³), for <see cref="SymmetricEigen.Values"/>.
/// </summary>
/// <remarks>
/// <para>
/// T is torn at m by β = e[m−1] as in <see cref="TridiagonalDivideConquer"/>: T = diag(T₁, T₂) + |β|·w·wᵀ. With
/// T₁ = Q₁D₁Q₁ᵀ, T₂ = Q₂D₂Q₂ᵀ, the merge's rank-one problem D + ρ·z·zᵀ needs only z = (last row of Q₁, ±first row of
/// Q₂)/√2, and after it the merged block's first and last rows are (first row of Q₁, 0)·U and (0, last row of Q₂)·U
/// with U the secular eigenvectors. Those two rows are all a block passes up, so each merge costs O(K²) — the roots
/// (dlaed4), Löwner's ẑ (Gu–Eisenstat, which keeps the carried rows those of an exactly orthogonal matrix) and two
/// sums per root (<see cref="SecularEquation.SolveBoundaryRows"/>) — and the whole tree about 2·(cost of the top merge).
/// LAPACK's dstedc for values only calls dsterf instead (the root-free QL, <see cref="TridiagonalValues"/>), whose
/// sweeps are a chain of dependent divisions; here the divisions are independent and run in vector lanes on both cores.
/// </para>
/// <para>
/// Deflation as dlaed2 (tol = 8ε·max(max|d|, max|z|)): a small ρ|z_j| keeps its pole; two poles closer than tol/|cs| are
/// combined by a plane rotation of their two carried entries. Leaves of ≤ 32 rows run the implicit QL
/// (<see cref="TridiagonalQl"/>) with its rotations replayed on the two rows alone. The two halves of a block of at
/// least <see cref="ParallelBlock"/> rows are solved on two threads. Eigenvalues to O(ε‖T‖) absolutely, as the QL's.
/// </para>
/// </remarks>
internal static class TridiagonalDivideConquerValues
{
    private const int LeafSize = 32;

    /// <summary>
    /// The order from which <see cref="SymmetricEigen.Values"/> takes this over the root-free QL (random tridiagonals,
    /// Xeon, medians of 101: 128 → 0.50 against 0.36 ms, 192 → 0.59 against 0.76, 256 → 0.56 against 1.36, 512 → 1.6 against 5.1).
    /// </summary>
    internal const int MinimumOrder = 192;

    /// <summary>Blocks of at least this many rows solve their two halves on two threads.</summary>
    internal const int ParallelBlock = 256;

    /// <summary>
    /// Replaces d[0..n) by the eigenvalues of T, ascending; <paramref name="e"/> (length ≥ n − 1) is destroyed. T must be
    /// finite.
    /// </summary>
    /// <exception cref="ArgumentException">d or e holds NaN or ±∞.</exception>
    public static void Compute(double[] d, double[] e, int n) => Compute(d, e, n, KernelPathSelection.Best);

    /// <summary><see cref="Compute(double[], double[], int)"/> with the kernel path of the merges' sums given (tests force each one).</summary>
    internal static void Compute(double[] d, double[] e, int n, KernelPath path)
    {
        if (n <= 1) return;
        // T scaled by a power of two (exact) to max |t_ij| in [1, 2): the merges square 1/(d_j − λ_i) and ρ·z_j, which
        // T's own scale could push past the exponent range.
        double max = 0;
        for (int i = 0; i < n; i++) max = Math.Max(max, Math.Abs(d[i]));
        for (int i = 0; i < n - 1; i++) max = Math.Max(max, Math.Abs(e[i]));
        if (!double.IsFinite(max)) throw new ArgumentException("T holds NaN or ±∞.", nameof(d));
        if (max == 0) return;
        int exponent = Math.ILogB(max);
        if (exponent != 0)
        {
            for (int i = 0; i < n; i++) d[i] = Math.ScaleB(d[i], -exponent);
            for (int i = 0; i < n - 1; i++) e[i] = Math.ScaleB(e[i], -exponent);
        }

        var first = new double[n];
        var last = new double[n];
        Solve(d, e, 0, n, first, last, path);
        Array.Sort(d, 0, n);
        if (exponent != 0)
            for (int i = 0; i < n; i++) d[i] = Math.ScaleB(d[i], exponent);
    }

    private static void Solve(double[] d, double[] e, int lo, int hi, double[] first, double[] last, KernelPath path)
    {
        int size = hi - lo;
        if (size <= LeafSize)
        {
            Leaf(d, e, lo, size, first, last);
            return;
        }

        int m = lo + size / 2;
        double beta = e[m - 1];
        d[m - 1] -= Math.Abs(beta);
        d[m] -= Math.Abs(beta);
        if (size >= ParallelBlock)
            KernelTeam.Invoke(() => Solve(d, e, lo, m, first, last, path), () => Solve(d, e, m, hi, first, last, path));
        else
        {
            Solve(d, e, lo, m, first, last, path);
            Solve(d, e, m, hi, first, last, path);
        }

        Merge(d, lo, m, hi, beta, first, last, path);
    }

    /// <summary>
    /// The leaf's eigenvalues by implicit QL, and the first and last components of its eigenvectors: the recorded
    /// rotations replayed on the size×2 matrix whose columns are e₀ and e_{size−1} (row i then holds eigenvector i's two ends).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Leaf(double[] d, double[] e, int lo, int size, double[] first, double[] last)
    {
        var dl = d.AsSpan(lo, size).ToArray();
        var el = new double[size];
        e.AsSpan(lo, size - 1).CopyTo(el);
        var rotations = new GivensSequence(4 * size * size + 64);
        TridiagonalQl.Diagonalize(dl, el, size, rotations);
        var ends = new double[2 * size];
        ends[0] = 1;
        ends[(2 * size) - 1] = 1;
        rotations.ApplyToRows(ends, 2);
        for (int i = 0; i < size; i++)
        {
            d[lo + i] = dl[i];
            first[lo + i] = ends[2 * i];
            last[lo + i] = ends[(2 * i) + 1];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Merge(double[] d, int lo, int m, int hi, double beta, double[] first, double[] last, KernelPath path)
    {
        int size = hi - lo;
        if (beta == 0)
        {
            // No coupling: the block is diag(T₁, T₂) and its end rows are those of Q₁ and Q₂, padded.
            first.AsSpan(m, hi - m).Clear();
            last.AsSpan(lo, m - lo).Clear();
            return;
        }

        double rho = 2 * Math.Abs(beta);
        double sign = beta < 0 ? -1 : 1;
        double inverseRoot2 = 1 / Math.Sqrt(2);

        // Sort the poles; column[t] is the block column of sorted pole t. z from the halves' facing rows, then the
        // block's own end rows: Q₁'s first row over Q₂'s zeros, Q₂'s last row under Q₁'s zeros.
        var column = new int[size];
        var ds = new double[size];
        var zs = new double[size];
        for (int t = 0; t < size; t++)
        {
            int c = lo + t;
            column[t] = c;
            ds[t] = d[c];
        }

        Array.Sort(ds, column);
        for (int t = 0; t < size; t++)
        {
            int c = column[t];
            zs[t] = (c < m ? last[c] : sign * first[c]) * inverseRoot2;
        }

        first.AsSpan(m, hi - m).Clear();
        last.AsSpan(lo, m - lo).Clear();
        var kept = SecularDeflation.Deflate(d, ds, zs, column, rho, (x, y, c, s) =>
        {
            Rotate(first, x, y, c, s);
            Rotate(last, x, y, c, s);
        });
        int k = kept.Count;
        if (k == 0) return;
        var dk = new double[k];
        var zk = new double[k];
        var fk = new double[k];
        var lk = new double[k];
        for (int i = 0; i < k; i++)
        {
            int c = column[kept[i]];
            dk[i] = ds[kept[i]];
            zk[i] = zs[kept[i]];
            fk[i] = first[c];
            lk[i] = last[c];
        }

        var lambda = new double[k];
        var newFirst = new double[k];
        var newLast = new double[k];
        SecularEquation.SolveBoundaryRows(dk, zk, rho, fk, lk, lambda, newFirst, newLast, path);
        for (int i = 0; i < k; i++)
        {
            int c = column[kept[i]];
            d[c] = lambda[i];
            first[c] = newFirst[i];
            last[c] = newLast[i];
        }
    }

    /// <summary>(x, y) ← (c·x + s·y, c·y − s·x) for entries x and y of one carried row (the deflation's rotation of two columns).</summary>
    private static void Rotate(double[] row, int x, int y, double c, double s)
    {
        double a = row[x], b = row[y];
        row[x] = (c * a) + (s * b);
        row[y] = (c * b) - (s * a);
    }
}
