namespace MathForML.LinearAlgebra.Eigen.Geev;

/// <summary>
/// Reduction of rows and columns lo…hi of a balanced matrix to upper Hessenberg form, H = Qᵀ·A·Q, as LAPACK's
/// unblocked dgehd2 does it (dgehrd runs it for every active block of order ≤ 128), and the forming of Q (dorghr).
/// </summary>
/// <remarks>
/// Step i (lo ≤ i &lt; hi) takes the reflector H(i) of <see cref="LapackReflector"/> that maps column i's entries
/// i+1…hi onto a multiple of e_{i+1}, and applies it from the right to rows 0…hi and from the left to columns i+1…n−1;
/// Q = H(lo)·H(lo+1)⋯H(hi−1) is the identity outside rows and columns lo+1…hi.
/// </remarks>
internal static class LapackHessenberg
{
    /// <summary>Reduces <paramref name="a"/> in place and returns Q (n×n).</summary>
    public static Matrix Reduce(Matrix a, int lo, int hi, CancellationToken cancellationToken)
    {
        int n = a.Rows;
        var vectors = new double[Math.Max(0, hi - lo)][];
        var taus = new double[vectors.Length];
        for (int i = lo; i < hi; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int m = hi - i;   // the reflector acts on rows and columns i+1…hi
            var v = new double[m];
            for (int t = 1; t < m; t++) v[t] = a[i + 1 + t, i];
            var (beta, tau) = LapackReflector.Generate(a[i + 1, i], v.AsSpan(1));
            v[0] = 1;
            ApplyRight(a, v, tau, 0, hi, i + 1);
            ApplyLeft(a, v, tau, i + 1, i + 1, n - 1);
            a[i + 1, i] = beta;
            for (int t = 1; t < m; t++) a[i + 1 + t, i] = 0;
            vectors[i - lo] = v;
            taus[i - lo] = tau;
        }

        // dorghr/dorg2r: Q = H(lo)⋯H(hi−1) accumulated from the last reflector back into the identity.
        var q = Matrix.Identity(n);
        for (int i = hi - 1; i >= lo; i--)
            ApplyLeft(q, vectors[i - lo], taus[i - lo], i + 1, i + 1, hi);
        return q;
    }

    /// <summary>C ← C·(I − τvvᵀ) on rows r0…r1 and columns c0…c0+|v|−1 (dlarf, SIDE = 'R').</summary>
    private static void ApplyRight(Matrix c, double[] v, double tau, int r0, int r1, int c0)
    {
        if (tau == 0) return;
        for (int r = r0; r <= r1; r++)
        {
            double w = 0;
            for (int t = 0; t < v.Length; t++) w += c[r, c0 + t] * v[t];
            w *= tau;
            for (int t = 0; t < v.Length; t++) c[r, c0 + t] -= w * v[t];
        }
    }

    /// <summary>C ← (I − τvvᵀ)·C on rows r0…r0+|v|−1 and columns c0…c1 (dlarf, SIDE = 'L').</summary>
    private static void ApplyLeft(Matrix c, double[] v, double tau, int r0, int c0, int c1)
    {
        if (tau == 0) return;
        for (int col = c0; col <= c1; col++)
        {
            double w = 0;
            for (int t = 0; t < v.Length; t++) w += c[r0 + t, col] * v[t];
            w *= tau;
            for (int t = 0; t < v.Length; t++) c[r0 + t, col] -= w * v[t];
        }
    }
}
