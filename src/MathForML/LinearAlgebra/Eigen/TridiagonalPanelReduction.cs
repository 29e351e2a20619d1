using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Kernels;

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
/// (<see cref="LowerSymmetricProduct"/>, lower triangle read once); the rest is O(m·nb).
/// </para>
/// <para>
/// Storage: A row-major n×n, lower triangle used; v_c is written as row c of the reflectors (n×n, the representation
/// <see cref="HouseholderBackTransformation"/> reads) and w_l as row l of <c>w</c> (nb×n), both in global indices, so
/// the rows start..start+nb−1 of the reflectors and the rows of w are the k×n operands of <see cref="Syr2k"/>.
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
        double[] tau, double[] w, double[] column, double[] p, int symmetricProductParts, KernelPath path)
    {
        for (int j = 0; j < nb; j++)
        {
            int c = start + j;
            UpToDateColumn(a, n, start, j, reflectors, w, column);
            diagonal[c] = column[c];

            var v = reflectors.AsSpan(c * n, n);
            v[..(c + 1)].Clear();
            v[c + 1] = 1;
            double alpha = column[c + 1];
            double tailSquares = TensorPrimitives.SumOfSquares<double>(column.AsSpan(c + 2, n - c - 2));
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
                TensorPrimitives.Multiply(column.AsSpan(c + 2, n - c - 2), 1 / (alpha - beta), v[(c + 2)..]);
                offDiagonal[c] = beta;
            }

            tau[c] = t;
            var wj = w.AsSpan(j * n, n);
            wj.Clear();
            if (t != 0) PanelW(a, n, start, j, t, reflectors, w, p, symmetricProductParts, path);
        }
    }

    /// <summary>column[c..n) ← A[c.., c] − Σ_{l&lt;j} (v_l·w_l[c] + w_l·v_l[c]), c = start + j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpToDateColumn(double[] a, int n, int start, int j, double[] reflectors, double[] w, double[] column)
    {
        int c = start + j, length = n - c;
        for (int r = c; r < n; r++) column[r] = a[r * n + c];
        var target = column.AsSpan(c, length);
        for (int l = 0; l < j; l++)
        {
            var vl = reflectors.AsSpan((start + l) * n + c, length);
            var wl = w.AsSpan(l * n + c, length);
            TensorPrimitives.MultiplyAdd(vl, -wl[0], target, target);
            TensorPrimitives.MultiplyAdd(wl, -vl[0], target, target);
        }
    }

    /// <summary>
    /// Row j of w from v = v_c (c = start + j): p = τ·(A₂₂·v − V·(Wᵀv) − W·(Vᵀv)) over indices s = c+1 … n−1,
    /// then w = p − (τ/2)(pᵀv)·v.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PanelW(double[] a, int n, int start, int j, double t, double[] reflectors, double[] w, double[] p,
        int symmetricProductParts, KernelPath path)
    {
        int c = start + j, s = c + 1, m = n - s;
        var v = reflectors.AsSpan(c * n + s, m);
        var ps = p.AsSpan(s, m);
        LowerSymmetricProduct.Multiply(a.AsSpan(s * n + s), n, m, v, ps, symmetricProductParts, path);
        for (int l = 0; l < j; l++)
        {
            var vl = reflectors.AsSpan((start + l) * n + s, m);
            var wl = w.AsSpan(l * n + s, m);
            double wv = TensorPrimitives.Dot<double>(wl, v), vv = TensorPrimitives.Dot<double>(vl, v);
            TensorPrimitives.MultiplyAdd(vl, -wv, ps, ps);
            TensorPrimitives.MultiplyAdd(wl, -vv, ps, ps);
        }

        TensorPrimitives.Multiply(ps, t, ps);
        double half = 0.5 * t * TensorPrimitives.Dot<double>(ps, v);
        TensorPrimitives.MultiplyAdd(v, -half, ps, w.AsSpan(j * n + s, m));
    }
}
