using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// One panel of the blocked Householder tridiagonalisation: reduces nb columns of the symmetric matrix and returns the
/// reflectors V and the vectors W such that the trailing block is updated afterwards by A₂₂ ← A₂₂ − V·Wᵀ − W·Vᵀ
/// (LAPACK dlatrd with UPLO = 'L'; Golub and Van Loan, Matrix Computations, 4th ed., §8.3.1 and the block form of §5.1.7).
/// </summary>
/// <remarks>
/// <para>
/// For panel column j (global column c = start + j), with v_l and w_l (l &lt; j) the panel's earlier vectors:
/// the column is brought up to date, A[c.., c] −= Σ_l v_l·w_l[c] + w_l·v_l[c]; its reflector H_c = I − τ·v·vᵀ
/// (v[c+1] = 1, zero above) zeroes A[c+2.., c], exactly as in <see cref="HouseholderTridiagonalization"/>; then, with
/// A₂₂ = A[c+1.., c+1..] as left by the previous panels (this panel's updates are not applied to it),
/// p = τ·(A₂₂·v − V·(Wᵀv) − W·(Vᵀv)) and w = p − (τ/2)(pᵀv)·v. The symmetric product is the only O(m²) step per column
/// (<see cref="LowerSymmetricProduct"/>, lower triangle read once); the rest is O(m·nb) (<see cref="LowRankCorrection"/>,
/// the xGEMV calls of dlatrd).
/// </para>
/// <para>
/// Storage: A row-major n×n, lower triangle used; v_c is written as row c − row0 of the reflectors (n×n with row0 = 0,
/// the representation <see cref="HouseholderBackTransformation"/> reads; or nb×n with row0 = start when only the
/// eigenvalues are wanted and each panel's reflectors are dropped after its update) and w_l as row l of <c>w</c> (nb×n),
/// in global column indices, so the panel's reflector rows and the rows of w are the k×n operands of <see cref="Syr2k"/>.
/// A's column c is read but not written back (no later step reads it).
/// </para>
/// </remarks>
internal static class TridiagonalPanelReduction
{
    /// <summary>
    /// Reduces columns start … start+nb−1 of the n×n matrix <paramref name="a"/> (requires start + nb ≤ n − 2), writing
    /// d, e, τ and the reflector rows for those columns and the rows of <paramref name="w"/> (nb×n).
    /// <paramref name="column"/> and <paramref name="p"/> are scratch of length n.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Reduce(double[] a, int n, int start, int nb, double[] diagonal, double[] offDiagonal, double[] reflectors,
        double[] tau, double[] w, double[] column, double[] p, bool halved, KernelPath path, int row0 = 0, SpinningPair? pair = null)
    {
        bool captured = false;
        var (coefficientsV, coefficientsW, scalar) = (new double[nb], new double[nb], new double[1]);
        var halves = halved ? new TridiagonalPanelPairWork(a, n, start, reflectors, row0, w, column, p, path) : null;
        for (int j = 0; j < nb; j++)
        {
            int c = start + j;
            if (halves is null) UpToDateColumn(a, n, start, j, reflectors, row0, w, column, captured, coefficientsV, coefficientsW, path);
            else
            {
                if (!captured)
                    for (int r = c; r < n; r++) column[r] = a[r * n + c];
                halves.UpToDate(pair, j);
            }
            diagonal[c] = column[c];

            var v = reflectors.AsSpan((c - row0) * n, n);
            v[..(c + 1)].Clear();
            v[c + 1] = 1;
            double alpha = column[c + 1];
            var tail = column.AsSpan(c + 2, n - c - 2);
            LowRankCorrection.Dots(tail, tail.Length, 1, tail.Length, tail, scalar, path);
            double tailSquares = scalar[0];
            double t = 0;
            if (tailSquares == 0)
            {
                v[(c + 2)..].Clear();
                offDiagonal[c] = alpha;
            }
            else
            {
                double beta = -Math.CopySign(Math.Sqrt(alpha * alpha + tailSquares), alpha);
                t = (beta - alpha) / beta;
                double scale = 1 / (alpha - beta);
                for (int r = c + 2; r < n; r++) v[r] = column[r] * scale;
                offDiagonal[c] = beta;
            }

            tau[c] = t;
            var wj = w.AsSpan(j * n, n);
            wj.Clear();
            captured = t != 0;
            if (captured && halves is not null) PanelWInHalves(n, start, j, t, reflectors, row0, w, p, halves, pair);
            else if (captured) PanelW(a, n, start, j, t, reflectors, row0, w, p, column, coefficientsV, coefficientsW, path);
        }
    }

    /// <summary><see cref="PanelW"/> with its product, dots and correction in halves, on the two threads of <paramref name="pair"/> when there is one.</summary>
    private static void PanelWInHalves(int n, int start, int j, double t, double[] reflectors, int row0, double[] w, double[] p,
        TridiagonalPanelPairWork halves, SpinningPair? pair)
    {
        int c = start + j, s = c + 1, m = n - s;
        halves.Product(pair, j);
        double half = 0.5 * t * halves.Correction(pair, t);
        var v = reflectors.AsSpan((c - row0) * n + s, m);
        var ps = p.AsSpan(s, m);
        var wj = w.AsSpan(j * n + s, m);
        for (int r = 0; r < m; r++) wj[r] = ps[r] - (half * v[r]);
    }

    /// <summary>
    /// column[c..n) ← A[c.., c] − Σ_{l&lt;j} (v_l·w_l[c] + w_l·v_l[c]), c = start + j. A[c.., c] is already in column[c..n)
    /// when <paramref name="captured"/> (the previous column's symmetric product copied it out), else it is gathered
    /// (one cache line per element in row-major storage).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpToDateColumn(double[] a, int n, int start, int j, double[] reflectors, int row0, double[] w, double[] column, bool captured,
        double[] wAtC, double[] vAtC, KernelPath path)
    {
        int c = start + j, length = n - c;
        if (!captured)
            for (int r = c; r < n; r++) column[r] = a[r * n + c];
        for (int l = 0; l < j; l++)
        {
            wAtC[l] = w[l * n + c];
            vAtC[l] = reflectors[(start - row0 + l) * n + c];
        }

        LowRankCorrection.Subtract(reflectors.AsSpan((start - row0) * n + c), n, w.AsSpan(c), n, j, length, wAtC, vAtC, column.AsSpan(c, length), path);
    }

    /// <summary>
    /// Row j of w from v = v_c (c = start + j): p = τ·(A₂₂·v − V·(Wᵀv) − W·(Vᵀv)) over indices s = c+1 … n−1,
    /// then w = p − (τ/2)(pᵀv)·v. The product also copies A[s.., s] (the next column, as stored) into column[s..n).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PanelW(double[] a, int n, int start, int j, double t, double[] reflectors, int row0, double[] w, double[] p,
        double[] column, double[] wv, double[] vv, KernelPath path)
    {
        int c = start + j, s = c + 1, m = n - s;
        var v = reflectors.AsSpan((c - row0) * n + s, m);
        var ps = p.AsSpan(s, m);
        LowerSymmetricProduct.Multiply(a.AsSpan(s * n + s), n, m, v, ps, 1, path, column.AsSpan(s, m));
        var panelV = reflectors.AsSpan((start - row0) * n + s);
        var panelW = w.AsSpan(s);
        LowRankCorrection.Dots(panelW, n, j, m, v, wv, path);
        LowRankCorrection.Dots(panelV, n, j, m, v, vv, path);
        LowRankCorrection.Subtract(panelV, n, panelW, n, j, m, wv, vv, ps, path);

        for (int r = 0; r < m; r++) ps[r] *= t;
        LowRankCorrection.Dots(ps, m, 1, m, v, wv, path);
        double half = 0.5 * t * wv[0];
        var wj = w.AsSpan(j * n + s, m);
        for (int r = 0; r < m; r++) wj[r] = ps[r] - (half * v[r]);
    }
}
