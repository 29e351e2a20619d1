using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// All eigenpairs of a symmetric tridiagonal matrix by Cuppen's divide and conquer (LAPACK dstedc/dlaed0–dlaed3;
/// Golub and Van Loan, 4th ed., §8.4.4).
/// </summary>
/// <remarks>
/// <para>
/// T (diagonal d, off-diagonal e) is torn at m by β = e[m−1]: T = diag(T₁, T₂) + |β|·w·wᵀ with w = e_{m−1} + sign(β)·e_m
/// and |β| taken off d[m−1] and d[m]. With T₁ = Q₁D₁Q₁ᵀ and T₂ = Q₂D₂Q₂ᵀ solved recursively (implicit QL on blocks of
/// ≤ 32), T = Q·(D + ρ·z·zᵀ)·Qᵀ with Q = diag(Q₁, Q₂), z = Qᵀw/√2 (the last row of Q₁ and ±the first row of Q₂) and
/// ρ = 2|β|.
/// </para>
/// <para>
/// Deflation (dlaed2) with tol = 8ε·max(max|d|, max|z|): a pair with ρ|z_j| ≤ tol keeps (d_j, q_j); two poles closer
/// than tol/|cs| are combined by a plane rotation of their columns that zeroes one z component. The remaining K poles
/// go to <see cref="SecularEquation"/>, and their columns of Q are multiplied by its K×K eigenvector matrix through
/// <see cref="Gemm"/>: the merges are where nearly all of the ≈ 4n³/3·(1 + deflation) flops go, at GEMM speed.
/// </para>
/// </remarks>
internal static class TridiagonalDivideConquer
{
    private const int LeafSize = 32;

    /// <summary>Blocks of at least this many rows solve their two halves on two threads.</summary>
    internal const int ParallelHalves = 128;

    /// <summary>Merges of at least this many rows gather and scatter their columns on two threads.</summary>
    private const int ParallelRows = 256;

    /// <summary>
    /// Diagonalises T in place: on return <paramref name="d"/> holds the eigenvalues (unsorted) and the returned n×n
    /// row-major matrix holds the orthonormal eigenvectors as columns (column j pairs with d[j]). <paramref name="e"/>
    /// (length ≥ n−1) is destroyed. With <paramref name="largest"/> &lt; n only the eigenvectors of the
    /// <paramref name="largest"/> largest eigenvalues are finished (the last merge forms only those columns, saving up to
    /// half of its product); the other columns are then unspecified, their eigenvalues still exact.
    /// </summary>
    /// <remarks>The returned array comes from <see cref="WorkspacePool"/> (it may be longer than n²); give it back there.</remarks>
    public static double[] Decompose(double[] d, double[] e, int n, int largest = int.MaxValue)
    {
        var z = WorkspacePool.Rent(n * n, clear: true);
        // Merge workspace, allocated once: large-object allocations per merge measured as costly as the GEMMs. Every
        // part a merge reads it has written first, so it is not cleared (96 MB of memset at n = 2000).
        var workspace = WorkspacePool.Rent(3 * n * n, clear: false);
        if (n > 0) Solve(d, e, n, 0, n, z, workspace, 0, Math.Min(largest, n));
        WorkspacePool.Return(workspace);
        return z;
    }

    /// <summary>
    /// Solves the block [lo, hi) into q's rows and columns lo … hi−1, its merges using workspace[<paramref name="area"/>,
    /// area + 3·size²). From <see cref="ParallelHalves"/> rows the two halves run on two threads, each in its own part of
    /// that area (3·h₁² + 3·h₂² ≤ 3·size²); they touch disjoint rows and columns of q, d and e.
    /// </summary>
    private static void Solve(double[] d, double[] e, int n, int lo, int hi, double[] q, double[] workspace, long area, int largest)
    {
        int size = hi - lo;
        if (size <= LeafSize)
        {
            Leaf(d, e, n, lo, size, q);
            return;
        }

        int m = lo + size / 2;
        double beta = e[m - 1];
        d[m - 1] -= Math.Abs(beta);
        d[m] -= Math.Abs(beta);
        long half = 3L * (m - lo) * (m - lo);
        if (size >= ParallelHalves)
            KernelTeam.Invoke(() => Solve(d, e, n, lo, m, q, workspace, area, size), () => Solve(d, e, n, m, hi, q, workspace, area + half, size));
        else
        {
            Solve(d, e, n, lo, m, q, workspace, area, size);
            Solve(d, e, n, m, hi, q, workspace, area + half, size);
        }

        if (beta != 0) Merge(d, n, lo, m, hi, beta, q, workspace.AsSpan((int)area, 3 * size * size), largest);
    }

    /// <summary>Implicit QL with recorded rotations replayed on the identity; writes the block's eigenvectors as columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Leaf(double[] d, double[] e, int n, int lo, int size, double[] q)
    {
        var dl = d.AsSpan(lo, size).ToArray();
        var el = new double[size];
        e.AsSpan(lo, size - 1).CopyTo(el);
        var rotations = new GivensSequence(4 * size * size + 64);
        TridiagonalQl.Diagonalize(dl, el, size, rotations);
        var x = LargeArray.Zeroed<double>(size * size);
        for (int i = 0; i < size; i++) x[i * size + i] = 1;
        rotations.ApplyToRows(x, size);
        for (int i = 0; i < size; i++)
        {
            d[lo + i] = dl[i];
            for (int r = 0; r < size; r++) q[(lo + r) * n + lo + i] = x[i * size + r];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Merge(double[] d, int n, int lo, int m, int hi, double beta, double[] q, Span<double> area, int largest)
    {
        int size = hi - lo;
        long square = (long)size * size;
        double rho = 2 * Math.Abs(beta);
        double sign = beta < 0 ? -1 : 1;
        double inverseRoot2 = 1 / Math.Sqrt(2);

        // Sort the poles; column[t] is the global column of sorted pole t.
        var column = new int[size];
        var ds = new double[size];
        for (int t = 0; t < size; t++)
        {
            column[t] = lo + t;
            ds[t] = d[lo + t];
        }

        Array.Sort(ds, column);
        var zs = new double[size];
        for (int t = 0; t < size; t++)
        {
            int c = column[t];
            zs[t] = (q[(m - 1) * n + c] + sign * q[m * n + c]) * inverseRoot2;
        }

        // A column of Q = diag(Q₁, Q₂) is zero in the other half's rows until a deflation rotation mixes it.
        var dense = new bool[n];
        var kept = SecularDeflation.Deflate(d, ds, zs, column, rho, (x, y, c, s) =>
        {
            RotateColumns(q, n, lo, hi, x, y, c, s);
            dense[x] = dense[y] = true;
        });
        int k = kept.Count;
        if (k == 0) return;
        var dk = new double[k];
        var zk = new double[k];
        for (int i = 0; i < k; i++)
        {
            dk[i] = ds[kept[i]];
            zk[i] = zs[kept[i]];
        }

        var lambda = new double[k];
        var u = area[..(k * k)];
        SecularEquation.Solve(dk, zk, rho, lambda, u);

        // Q[lo..hi, kept] ← Q[lo..hi, kept]·U, exploiting the block structure (dlaed2/dlaed3): order the kept columns as
        // upper-only, dense, lower-only (and the rows of U alike); then rows lo..m−1 need only the first two groups and
        // rows m..hi−1 only the last two, about half the flops of one dense product.
        var order = new int[k];
        int upper = 0, both = 0;
        for (int i = 0; i < k; i++)
        {
            int c = column[kept[i]];
            if (!dense[c] && c < m) upper++;
            else if (dense[c]) both++;
        }

        int nextUpper = 0, nextBoth = upper, nextLower = upper + both;
        for (int i = 0; i < k; i++)
        {
            int c = column[kept[i]];
            order[dense[c] ? nextBoth++ : c < m ? nextUpper++ : nextLower++] = i;
        }

        var keptColumn = new int[k];
        for (int p = 0; p < k; p++) keptColumn[p] = column[kept[order[p]]];
        var gathered = area.Slice((int)square, size * k);
        fixed (double* pArea = area)
        {
            // The lambdas below cannot capture the span; the pinned address outlives them (ForRows returns when both halves are done).
            nint gatheredAddress = (nint)(pArea + square);
            ForRows(size, (from, to) =>
            {
                for (int r = from; r < to; r++)
                {
                    var source = q.AsSpan((lo + r) * n, n);
                    var target = new Span<double>((double*)gatheredAddress + ((long)r * k), k);
                    for (int p = 0; p < target.Length; p++) target[p] = source[keptColumn[p]];
                }
            });
        }

        var permuted = area.Slice((int)(2 * square), k * k);
        for (int p = 0; p < k; p++) u.Slice(order[p] * k, k).CopyTo(permuted.Slice(p * k, k));
        var formed = FormedColumns(d, size, column, kept, lambda, largest);
        int kf = formed.Length;
        if (kf < k)
        {
            // Keep only the columns of U that are formed (compacted in place, row by row: writes never pass reads).
            for (int p = 0; p < k; p++)
                for (int j = 0; j < kf; j++) permuted[p * kf + j] = permuted[p * k + formed[j]];
        }

        var product = area[..(size * kf)];
        int top = m - lo, lowerStart = upper, lowerCount = k - upper;
        if (upper + both > 0)
            Gemm.Multiply(Op.None, Op.None, top, kf, upper + both, 1.0, gathered, k, permuted, kf, 0.0, product, kf);
        else
            product[..(top * kf)].Clear();
        if (lowerCount > 0)
            Gemm.Multiply(Op.None, Op.None, size - top, kf, lowerCount, 1.0, gathered[(top * k + lowerStart)..], k,
                permuted[(lowerStart * kf)..], kf, 0.0, product[(top * kf)..], kf);
        else
            product[(top * kf)..].Clear();
        var destination = new int[kf];
        for (int j = 0; j < kf; j++) destination[j] = column[kept[formed[j]]];
        fixed (double* pArea = area)
        {
            nint productAddress = (nint)pArea;
            ForRows(size, (from, to) =>
            {
                for (int r = from; r < to; r++)
                {
                    var target = q.AsSpan((lo + r) * n, n);
                    var source = new ReadOnlySpan<double>((double*)productAddress + ((long)r * kf), kf);
                    for (int j = 0; j < kf; j++) target[destination[j]] = source[j];
                }
            });
        }

        for (int i = 0; i < k; i++) d[column[kept[i]]] = lambda[i];
    }

    /// <summary>Rows [0, size) of a merge's gathers and scatters, split between two threads from <see cref="ParallelRows"/> rows.</summary>
    private static void ForRows(int size, Action<int, int> body)
    {
        if (size >= ParallelRows) KernelTeam.Invoke(() => body(0, size / 2), () => body(size / 2, size));
        else body(0, size);
    }

    /// <summary>
    /// The secular eigenvectors (indices into <paramref name="lambda"/>) whose columns this merge must form: all of them,
    /// unless only the <paramref name="largest"/> largest of the block's eigenvalues (the new λ and the deflated poles,
    /// already in d) are wanted; then those λ at or above the largest-th value.
    /// </summary>
    private static int[] FormedColumns(double[] d, int size, int[] column, List<int> kept, double[] lambda, int largest)
    {
        int k = kept.Count;
        if (largest >= size) return Enumerable.Range(0, k).ToArray();
        var isKept = new bool[size];
        foreach (int t in kept) isKept[t] = true;
        var all = new List<double>(size);
        all.AddRange(lambda);
        for (int t = 0; t < size; t++)
            if (!isKept[t]) all.Add(d[column[t]]);
        all.Sort((x, y) => y.CompareTo(x));
        double cutoff = all[Math.Max(0, largest - 1)];
        return Enumerable.Range(0, k).Where(i => lambda[i] >= cutoff).ToArray();
    }

    /// <summary>(x, y) ← (c·x + s·y, c·y − s·x) for columns x and y of Q on rows lo..hi−1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RotateColumns(double[] q, int n, int lo, int hi, int x, int y, double c, double s)
    {
        for (int r = lo; r < hi; r++)
        {
            double a = q[r * n + x], b = q[r * n + y];
            q[r * n + x] = c * a + s * b;
            q[r * n + y] = c * b - s * a;
        }
    }
}
