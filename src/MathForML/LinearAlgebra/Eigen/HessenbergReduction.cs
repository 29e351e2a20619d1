namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Orthogonal reduction to upper Hessenberg form, A = Q·H·Qᵀ with hᵢⱼ = 0 for i &gt; j + 1, by Householder reflections
/// (Golub &amp; Van Loan §7.4.3; EISPACK orthes/ortran, LAPACK dgehd2/dorghr). Step k reflects A[k+1.., k] onto a
/// multiple of e₁ and applies the reflector from both sides. Cost 10n³/3 flops plus 4n³/3 to form Q.
/// </summary>
internal static class HessenbergReduction
{
    /// <summary>Reduces <paramref name="h"/> (n×n, overwritten with H) and returns Q (n×n orthogonal).</summary>
    public static Matrix Reduce(Matrix h, CancellationToken cancellationToken = default)
    {
        int n = h.Rows;
        var q = Matrix.Identity(n);
        var v = new double[n];
        var w = new double[n];
        for (int k = 0; k < n - 2; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double norm = 0;
            for (int i = k + 1; i < n; i++) norm = Math.Max(norm, Math.Abs(h[i, k]));
            if (norm == 0) continue;
            double sigma = 0;
            for (int i = k + 1; i < n; i++)
            {
                v[i] = h[i, k] / norm;
                sigma += v[i] * v[i];
            }
            double alpha = Math.Sqrt(sigma);
            if (v[k + 1] > 0) alpha = -alpha;
            // v = x − αe₁ (scaled), P = I − vvᵀ/β with β = vᵀv/2.
            v[k + 1] -= alpha;
            double beta = 0;
            for (int i = k + 1; i < n; i++) beta += v[i] * v[i];
            if (beta == 0) continue;
            beta *= 0.5;
            ApplyLeft(h, v, w, k + 1, n, k, beta);
            ApplyRight(h, v, w, k + 1, n, 0, n, beta);
            ApplyRight(q, v, w, k + 1, n, 0, n, beta);
            for (int i = k + 2; i < n; i++) h[i, k] = 0;
        }
        return q;
    }

    /// <summary>rows [r0, r1) of m, columns c0.. : m ← (I − vvᵀ/β)·m.</summary>
    internal static void ApplyLeft(Matrix m, double[] v, double[] w, int r0, int r1, int c0, double beta)
    {
        int cols = m.Columns;
        Array.Clear(w, c0, cols - c0);
        for (int i = r0; i < r1; i++)
        {
            var row = m.RowSpan(i);
            double vi = v[i];
            for (int j = c0; j < cols; j++) w[j] += vi * row[j];
        }
        for (int i = r0; i < r1; i++)
        {
            var row = m.RowSpan(i);
            double f = v[i] / beta;
            for (int j = c0; j < cols; j++) row[j] -= f * w[j];
        }
    }

    /// <summary>rows [r0, r1) of m, columns [k0, k1): m ← m·(I − vvᵀ/β).</summary>
    internal static void ApplyRight(Matrix m, double[] v, double[] w, int k0, int k1, int r0, int r1, double beta)
    {
        for (int i = r0; i < r1; i++)
        {
            var row = m.RowSpan(i);
            double s = 0;
            for (int j = k0; j < k1; j++) s += row[j] * v[j];
            s /= beta;
            for (int j = k0; j < k1; j++) row[j] -= s * v[j];
        }
    }
}
