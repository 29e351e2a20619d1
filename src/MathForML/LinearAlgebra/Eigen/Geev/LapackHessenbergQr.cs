namespace MathForML.LinearAlgebra.Eigen.Geev;

/// <summary>
/// The real Schur form H = Z·T·Zᵀ of an upper Hessenberg matrix by the Francis double-shift QR algorithm as LAPACK's
/// dlahqr runs it (dhseqr calls it for every matrix of order below 75): deflation by the Ahues–Tisseur test on each
/// subdiagonal entry, Francis's double shift from the trailing 2×2 block (one real shift, used twice, when its
/// eigenvalues are real), an exceptional shift after every 10 iterations without a deflation, the bulge started where
/// two consecutive subdiagonal entries are small and chased with 3×3 reflectors, and each 2×2 block that splits off put
/// in standard form by <see cref="LapackStandardization"/>.
/// </summary>
/// <remarks>
/// Sources: J. G. F. Francis, "The QR transformation" (Comput. J. 4, 1961–62); Golub and Van Loan, Matrix Computations,
/// 4th ed., §7.5; M. Ahues and F. Tisseur, LAWN 122 (1997); LAPACK 3.10 dlahqr (KEXSH = 10). Only the order of the
/// operations matters here beyond the mathematics: the signs of the Schur vectors, and so of numpy's eigenvectors, are
/// whatever these reflections and rotations leave.
/// </remarks>
internal static class LapackHessenbergQr
{
    private const int ExceptionalShiftEvery = 10;
    private const double Dat1 = 3.0 / 4.0, Dat2 = -0.4375;

    /// <summary>
    /// Overwrites <paramref name="h"/> with T and accumulates the transformations into the columns of
    /// <paramref name="z"/> (rows lo…hi); fills the eigenvalues (wr + i·wi). False if the iteration did not converge.
    /// </summary>
    public static bool Compute(Matrix h, Matrix z, int lo, int hi, double[] wr, double[] wi, CancellationToken cancellationToken)
    {
        int n = h.Rows;
        if (n == 0) return true;
        if (lo == hi)
        {
            wr[lo] = h[lo, lo];
            wi[lo] = 0;
            return true;
        }

        for (int j = lo; j <= hi - 3; j++)
        {
            h[j + 2, j] = 0;
            h[j + 3, j] = 0;
        }

        if (lo <= hi - 2) h[hi, hi - 2] = 0;
        int nh = hi - lo + 1;
        const double ulp = LapackConstants.Precision;
        double smallNumber = LapackConstants.SafeMinimum * (nh / ulp);
        int i1 = 0, i2 = n - 1;
        int maxIterations = 30 * Math.Max(10, nh);
        int sinceDeflation = 0;
        Span<double> v = stackalloc double[3];
        int i = hi;
        while (i >= lo)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int l = lo;
            bool split = false;
            for (int its = 0; its <= maxIterations; its++)
            {
                int k;
                for (k = i; k > l; k--)
                {
                    if (Math.Abs(h[k, k - 1]) <= smallNumber) break;
                    double tst = Math.Abs(h[k - 1, k - 1]) + Math.Abs(h[k, k]);
                    if (tst == 0)
                    {
                        if (k - 2 >= lo) tst += Math.Abs(h[k - 1, k - 2]);
                        if (k + 1 <= hi) tst += Math.Abs(h[k + 1, k]);
                    }

                    if (Math.Abs(h[k, k - 1]) <= ulp * tst)
                    {
                        double ab = Math.Max(Math.Abs(h[k, k - 1]), Math.Abs(h[k - 1, k]));
                        double ba = Math.Min(Math.Abs(h[k, k - 1]), Math.Abs(h[k - 1, k]));
                        double aa = Math.Max(Math.Abs(h[k, k]), Math.Abs(h[k - 1, k - 1] - h[k, k]));
                        double bb = Math.Min(Math.Abs(h[k, k]), Math.Abs(h[k - 1, k - 1] - h[k, k]));
                        double s0 = aa + ab;
                        if (ba * (ab / s0) <= Math.Max(smallNumber, ulp * (bb * (aa / s0)))) break;
                    }
                }

                l = k;
                if (l > lo) h[l, l - 1] = 0;
                if (l >= i - 1)
                {
                    split = true;
                    break;
                }

                sinceDeflation++;
                var (rt1r, rt1i, rt2r, rt2i) = Shifts(h, l, i, sinceDeflation);
                int m = StartRow(h, l, i, rt1r, rt1i, rt2r, rt2i, v);
                Sweep(h, z, lo, hi, l, m, i, i1, i2, v);
            }

            if (!split) return false;
            if (l == i)
            {
                wr[i] = h[i, i];
                wi[i] = 0;
            }
            else
            {
                double a = h[i - 1, i - 1], b = h[i - 1, i], c = h[i, i - 1], d = h[i, i];
                var (cs, sn) = LapackStandardization.Standardize(ref a, ref b, ref c, ref d);
                h[i - 1, i - 1] = a;
                h[i - 1, i] = b;
                h[i, i - 1] = c;
                h[i, i] = d;
                wr[i - 1] = a;
                wr[i] = d;
                wi[i - 1] = c == 0 ? 0 : Math.Sqrt(Math.Abs(b)) * Math.Sqrt(Math.Abs(c));
                wi[i] = -wi[i - 1];
                for (int j = i + 1; j <= i2; j++) (h[i - 1, j], h[i, j]) = Rotate(h[i - 1, j], h[i, j], cs, sn);
                for (int j = i1; j <= i - 2; j++) (h[j, i - 1], h[j, i]) = Rotate(h[j, i - 1], h[j, i], cs, sn);
                for (int j = lo; j <= hi; j++) (z[j, i - 1], z[j, i]) = Rotate(z[j, i - 1], z[j, i], cs, sn);
            }

            sinceDeflation = 0;
            i = l - 1;
        }

        return true;
    }

    /// <summary>The two shifts: Francis's from the trailing 2×2 block, or an exceptional pair every 10 iterations.</summary>
    private static (double Rt1r, double Rt1i, double Rt2r, double Rt2i) Shifts(Matrix h, int l, int i, int sinceDeflation)
    {
        double h11, h12, h21, h22;
        if (sinceDeflation % (2 * ExceptionalShiftEvery) == 0)
        {
            double s = Math.Abs(h[i, i - 1]) + Math.Abs(h[i - 1, i - 2]);
            h11 = Dat1 * s + h[i, i];
            h12 = Dat2 * s;
            h21 = s;
            h22 = h11;
        }
        else if (sinceDeflation % ExceptionalShiftEvery == 0)
        {
            double s = Math.Abs(h[l + 1, l]) + Math.Abs(h[l + 2, l + 1]);
            h11 = Dat1 * s + h[l, l];
            h12 = Dat2 * s;
            h21 = s;
            h22 = h11;
        }
        else
        {
            h11 = h[i - 1, i - 1];
            h21 = h[i, i - 1];
            h12 = h[i - 1, i];
            h22 = h[i, i];
        }

        double scale = Math.Abs(h11) + Math.Abs(h12) + Math.Abs(h21) + Math.Abs(h22);
        if (scale == 0) return (0, 0, 0, 0);
        h11 /= scale;
        h21 /= scale;
        h12 /= scale;
        h22 /= scale;
        double tr = (h11 + h22) / 2;
        double det = (h11 - tr) * (h22 - tr) - h12 * h21;
        double rtdisc = Math.Sqrt(Math.Abs(det));
        if (det >= 0) return (tr * scale, rtdisc * scale, tr * scale, -rtdisc * scale);

        // Real shifts: use the one nearer h22, twice.
        double rt1r = tr + rtdisc, rt2r = tr - rtdisc;
        double shift = Math.Abs(rt1r - h22) <= Math.Abs(rt2r - h22) ? rt1r * scale : rt2r * scale;
        return (shift, 0, shift, 0);
    }

    /// <summary>
    /// The row m ≥ l where the double-shift sweep starts (two consecutive small subdiagonal entries), and in
    /// <paramref name="v"/> the first column of (H − s₁I)(H − s₂I) there, scaled.
    /// </summary>
    private static int StartRow(Matrix h, int l, int i, double rt1r, double rt1i, double rt2r, double rt2i, Span<double> v)
    {
        const double ulp = LapackConstants.Precision;
        int m;
        for (m = i - 2; m >= l; m--)
        {
            double s = Math.Abs(h[m, m] - rt2r) + Math.Abs(rt2i) + Math.Abs(h[m + 1, m]);
            double h21s = h[m + 1, m] / s;
            v[0] = h21s * h[m, m + 1] + (h[m, m] - rt1r) * ((h[m, m] - rt2r) / s) - rt1i * (rt2i / s);
            v[1] = h21s * (h[m, m] + h[m + 1, m + 1] - rt1r - rt2r);
            v[2] = h21s * h[m + 2, m + 1];
            s = Math.Abs(v[0]) + Math.Abs(v[1]) + Math.Abs(v[2]);
            v[0] /= s;
            v[1] /= s;
            v[2] /= s;
            if (m == l) break;
            double left = Math.Abs(h[m, m - 1]) * (Math.Abs(v[1]) + Math.Abs(v[2]));
            double right = ulp * Math.Abs(v[0]) * (Math.Abs(h[m - 1, m - 1]) + Math.Abs(h[m, m]) + Math.Abs(h[m + 1, m + 1]));
            if (left <= right) break;
        }

        return m;
    }

    /// <summary>One double-shift QR sweep on rows and columns m…i: the bulge made by <paramref name="v"/> chased down.</summary>
    private static void Sweep(Matrix h, Matrix z, int lo, int hi, int l, int m, int i, int i1, int i2, Span<double> v)
    {
        for (int k = m; k <= i - 1; k++)
        {
            int nr = Math.Min(3, i - k + 1);
            if (k > m)
                for (int t = 0; t < nr; t++) v[t] = h[k + t, k - 1];
            var (beta, t1) = LapackReflector.Generate(v[0], v[1..nr]);
            v[0] = beta;
            if (k > m)
            {
                h[k, k - 1] = v[0];
                h[k + 1, k - 1] = 0;
                if (k < i - 1) h[k + 2, k - 1] = 0;
            }
            else if (m > l)
            {
                h[k, k - 1] *= 1 - t1;
            }

            double v2 = v[1], t2 = t1 * v2;
            if (nr == 3)
            {
                double v3 = v[2], t3 = t1 * v3;
                for (int j = k; j <= i2; j++)
                {
                    double sum = h[k, j] + v2 * h[k + 1, j] + v3 * h[k + 2, j];
                    h[k, j] -= sum * t1;
                    h[k + 1, j] -= sum * t2;
                    h[k + 2, j] -= sum * t3;
                }

                for (int j = i1; j <= Math.Min(k + 3, i); j++)
                {
                    double sum = h[j, k] + v2 * h[j, k + 1] + v3 * h[j, k + 2];
                    h[j, k] -= sum * t1;
                    h[j, k + 1] -= sum * t2;
                    h[j, k + 2] -= sum * t3;
                }

                for (int j = lo; j <= hi; j++)
                {
                    double sum = z[j, k] + v2 * z[j, k + 1] + v3 * z[j, k + 2];
                    z[j, k] -= sum * t1;
                    z[j, k + 1] -= sum * t2;
                    z[j, k + 2] -= sum * t3;
                }
            }
            else if (nr == 2)
            {
                for (int j = k; j <= i2; j++)
                {
                    double sum = h[k, j] + v2 * h[k + 1, j];
                    h[k, j] -= sum * t1;
                    h[k + 1, j] -= sum * t2;
                }

                for (int j = i1; j <= i; j++)
                {
                    double sum = h[j, k] + v2 * h[j, k + 1];
                    h[j, k] -= sum * t1;
                    h[j, k + 1] -= sum * t2;
                }

                for (int j = lo; j <= hi; j++)
                {
                    double sum = z[j, k] + v2 * z[j, k + 1];
                    z[j, k] -= sum * t1;
                    z[j, k + 1] -= sum * t2;
                }
            }
        }
    }

    /// <summary>drot: (x, y) ← (c·x + s·y, c·y − s·x).</summary>
    private static (double X, double Y) Rotate(double x, double y, double c, double s) => (c * x + s * y, c * y - s * x);
}
