using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen.Geev;

/// <summary>
/// Balancing of a general matrix as LAPACK dgebal (JOB = 'B') does it before dgeev's reduction, and its undoing on the
/// eigenvectors (dgebak, JOB = 'B', SIDE = 'R').
/// </summary>
/// <remarks>
/// <para>
/// Permutation: rows whose off-diagonal entries (in the leading active columns) are all zero isolate an eigenvalue and
/// are swapped, with their columns, to the bottom; then columns isolated the same way go to the top. What remains is
/// the active block lo…hi. Scaling: each row and column pair i of the active block is scaled by a power of two f
/// (row ÷ f, column × f) while that lowers ‖column‖₂ + ‖row‖₂ below 0.95 of its value, sweeping until no pair changes
/// (Parlett and Reinsch, "Balancing a matrix for calculation of eigenvalues and eigenvectors", Numer. Math. 13, 1969;
/// LAPACK 3.5 and later measure with 2-norms). A = D⁻¹·Pᵀ·A·P·D: the same eigenvalues, and an eigenvector x of the
/// balanced matrix gives P·D·x for A.
/// </para>
/// <para>
/// A symmetric matrix with no zero off-diagonal row is left as it is (each column's norm equals its row's); the course's
/// covariance matrices are such. Scale[j] holds, for j outside lo…hi, the index j was swapped with, and inside, the
/// factor of row and column j.
/// </para>
/// </remarks>
internal static class LapackBalancing
{
    private const double Radix = 2, Factor = 0.95;
    private const double SmallestScale1 = LapackConstants.SafeMinimum / LapackConstants.Precision;
    private const double LargestScale1 = 1 / SmallestScale1;
    private const double SmallestScale2 = SmallestScale1 * Radix;
    private const double LargestScale2 = 1 / SmallestScale2;

    /// <summary>Balances <paramref name="a"/> (n×n) in place; returns the active block lo…hi (0-based) and the scale.</summary>
    public static (int Lo, int Hi, double[] Scale) Balance(Matrix a)
    {
        int n = a.Rows;
        var scale = new double[n];
        if (n == 0) return (0, -1, scale);
        int k = 0, l = n - 1;

        // Rows isolating an eigenvalue, pushed down: row j is zero off the diagonal in columns 0…l.
        while (true)
        {
            int row = -1;
            for (int j = l; j >= 0 && row < 0; j--)
            {
                bool isolated = true;
                for (int i = 0; i <= l && isolated; i++)
                    if (i != j && a[j, i] != 0) isolated = false;
                if (isolated) row = j;
            }

            if (row < 0) break;
            scale[l] = row;
            if (row != l) Exchange(a, row, l, k, l);
            if (l == 0) return (k, l, scale);
            l--;
        }

        // Columns isolating an eigenvalue, pushed left: column j is zero off the diagonal in rows k…l.
        while (true)
        {
            int column = -1;
            for (int j = k; j <= l && column < 0; j++)
            {
                bool isolated = true;
                for (int i = k; i <= l && isolated; i++)
                    if (i != j && a[i, j] != 0) isolated = false;
                if (isolated) column = j;
            }

            if (column < 0) break;
            scale[k] = column;
            if (column != k) Exchange(a, column, k, k, l);
            k++;
        }

        for (int i = k; i <= l; i++) scale[i] = 1;
        Scale(a, k, l, scale);
        return (k, l, scale);
    }

    /// <summary>dgebak: V ← P·D·V on the rows of the eigenvectors (columns of <paramref name="v"/>).</summary>
    public static void Undo(Matrix v, int lo, int hi, double[] scale)
    {
        int n = v.Rows;
        if (n == 0 || v.Columns == 0) return;
        if (lo != hi)
            for (int i = lo; i <= hi; i++)
                for (int j = 0; j < v.Columns; j++) v[i, j] *= scale[i];
        for (int ii = 0; ii < n; ii++)
        {
            int i = ii;
            if (i >= lo && i <= hi) continue;
            if (i < lo) i = lo - 1 - ii;
            int k = (int)scale[i];
            if (k == i) continue;
            for (int j = 0; j < v.Columns; j++) (v[i, j], v[k, j]) = (v[k, j], v[i, j]);
        }
    }

    /// <summary>Swaps rows and columns <paramref name="j"/> and <paramref name="m"/> (columns in rows 0…l, rows in columns k…n−1).</summary>
    private static void Exchange(Matrix a, int j, int m, int k, int l)
    {
        for (int i = 0; i <= l; i++) (a[i, j], a[i, m]) = (a[i, m], a[i, j]);
        for (int i = k; i < a.Columns; i++) (a[j, i], a[m, i]) = (a[m, i], a[j, i]);
    }

    private static void Scale(Matrix a, int k, int l, double[] scale)
    {
        int n = a.Rows;
        var column = new double[l - k + 1];
        var row = new double[l - k + 1];
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = k; i <= l; i++)
            {
                for (int t = k; t <= l; t++)
                {
                    column[t - k] = a[t, i];
                    row[t - k] = a[i, t];
                }

                double c = SafeNorm.Of(column), r = SafeNorm.Of(row);
                double ca = 0, ra = 0;
                for (int t = 0; t <= l; t++) ca = Math.Max(ca, Math.Abs(a[t, i]));
                for (int t = k; t < n; t++) ra = Math.Max(ra, Math.Abs(a[i, t]));
                if (c == 0 || r == 0) continue;
                double g = r / Radix, f = 1, s = c + r;
                while (c < g && Math.Max(f, Math.Max(c, ca)) < LargestScale2 && Math.Min(r, Math.Min(g, ra)) > SmallestScale2)
                {
                    f *= Radix;
                    c *= Radix;
                    ca *= Radix;
                    r /= Radix;
                    g /= Radix;
                    ra /= Radix;
                }

                g = c / Radix;
                while (g >= r && Math.Max(r, ra) < LargestScale2 && Math.Min(Math.Min(f, c), Math.Min(g, ca)) > SmallestScale2)
                {
                    f /= Radix;
                    c /= Radix;
                    g /= Radix;
                    ca /= Radix;
                    r *= Radix;
                    ra *= Radix;
                }

                if (c + r >= Factor * s) continue;
                if (f < 1 && scale[i] < 1 && f * scale[i] <= SmallestScale1) continue;
                if (f > 1 && scale[i] > 1 && scale[i] >= LargestScale1 / f) continue;
                scale[i] *= f;
                changed = true;
                for (int t = k; t < n; t++) a[i, t] /= f;
                for (int t = 0; t <= l; t++) a[t, i] *= f;
            }
        }
    }
}
