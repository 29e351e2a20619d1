using System.Runtime.CompilerServices;
using MathForML.Numerics;
namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Eigenvalues of a symmetric tridiagonal matrix by the implicit QL iteration with Wilkinson-type shifts
/// (Golub and Van Loan, 4th ed., §8.3.5 (implicit symmetric QR step with Wilkinson shift, here in its QL form);
/// EISPACK tql1/tql2; LAPACK dsteqr).
/// </summary>
/// <remarks>
/// T has diagonal d[0..n) and off-diagonal e[0..n−1) (e[i] couples d[i] and d[i+1]). For each l, the iteration looks for
/// the first negligible e[m] (|e[m]| ≤ ε·(|d[m]| + |d[m+1]|)) at or after l; while m ≠ l it takes the shift from the
/// leading 2×2 block of T[l..m, l..m] and chases the bulge up from m to l with plane rotations. On return d holds the
/// eigenvalues (unsorted) and e is destroyed. Each rotation G(i, c, s) can be recorded; replayed on the rows of Qᵀ
/// (see <see cref="GivensSequence"/>) it turns them into eigenvectors of A, row i pairing with d[i].
/// Cost: about 30n² flops for the values; typically 1.5–2 sweeps per eigenvalue.
/// </remarks>
internal static class TridiagonalQl
{
    /// <summary>Diagonalises T in place; <paramref name="offDiagonal"/> must have length ≥ n (the last entry is workspace).</summary>
    /// <exception cref="InvalidOperationException">The iteration did not converge within 30n sweeps (not seen in practice).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Diagonalize(double[] d, double[] offDiagonal, int n, GivensSequence? rotations)
    {
        var e = offDiagonal;
        if (n == 0) return;
        e[n - 1] = 0;
        int sweepsLeft = 30 * n;
        for (int l = 0; l < n; l++)
        {
            while (true)
            {
                int m = l;
                while (m < n - 1 && Math.Abs(e[m]) > MachineEpsilon.Double * (Math.Abs(d[m]) + Math.Abs(d[m + 1]))) m++;
                if (m == l) break;
                if (--sweepsLeft < 0)
                    throw new InvalidOperationException($"The tridiagonal QL iteration did not converge within {30 * n} sweeps.");
                Sweep(d, e, l, m, rotations);
            }
        }
    }

    /// <summary>One implicit QL step on T[l..m, l..m].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweep(double[] d, double[] e, int l, int m, GivensSequence? rotations)
    {
        // Shift: the eigenvalue of the leading 2×2 block [d_l e_l; e_l d_{l+1}] nearer to d_l.
        double g = (d[l + 1] - d[l]) / (2 * e[l]);
        double r = Math.Sqrt(g * g + 1);
        g = d[m] - d[l] + e[l] / (g + Math.CopySign(r, g));
        double s = 1, c = 1, p = 0;
        for (int i = m - 1; i >= l; i--)
        {
            double f = s * e[i];
            double b = c * e[i];
            r = Math.Sqrt(f * f + g * g);
            e[i + 1] = r;
            if (r == 0)
            {
                // The bulge vanished: T splits at i+1; undo the pending shift and let the caller search again.
                d[i + 1] -= p;
                e[m] = 0;
                return;
            }

            s = f / r;
            c = g / r;
            g = d[i + 1] - p;
            r = (d[i] - g) * s + 2 * c * b;
            p = s * r;
            d[i + 1] = g + p;
            g = c * r - b;
            rotations?.Add(i, c, s);
        }

        d[l] -= p;
        e[l] = g;
        e[m] = 0;
    }

    /// <summary>
    /// Rows <paramref name="selected"/> of the eigenvector matrix of T (the product of the recorded rotations applied to I),
    /// as the columns of an n×k row-major matrix: column q is the eigenvector of T for d[selected[q]].
    /// The rotations are applied in reverse order to the row vectors e_jᵀ; cost 6k flops per rotation.
    /// </summary>
    public static double[] SelectedEigenvectors(GivensSequence rotations, int n, ReadOnlySpan<int> selected)
    {
        int k = selected.Length;
        var x = LargeArray.Zeroed<double>(n * k);
        for (int q = 0; q < k; q++) x[selected[q] * k + q] = 1;
        rotations.ApplyTransposeInReverse(x, k);
        return x;
    }
}
