namespace MathForML.LinearAlgebra.Eigen.Geev;

/// <summary>
/// The Schur factorisation of a real 2×2 block in standard form, as LAPACK dlanv2 computes it:
/// [a b; c d] = [cs −sn; sn cs]·[aa bb; cc dd]·[cs sn; −sn cs], where either cc = 0 (two real eigenvalues aa and dd) or
/// aa = dd and bb·cc &lt; 0 (a complex pair aa ± √(−bb·cc)·i).
/// </summary>
internal static class LapackStandardization
{
    private const double Multiple = 4;

    /// <summary>Standardises the block in place and returns the rotation (cs, sn).</summary>
    public static (double Cs, double Sn) Standardize(ref double a, ref double b, ref double c, ref double d)
    {
        double cs, sn;
        if (c == 0) return (1, 0);

        if (b == 0)
        {
            // Swap rows and columns.
            (a, d) = (d, a);
            b = -c;
            c = 0;
            return (0, 1);
        }

        if (a - d == 0 && Math.CopySign(1, b) != Math.CopySign(1, c)) return (1, 0);

        double temp = a - d;
        double p = 0.5 * temp;
        double bcmax = Math.Max(Math.Abs(b), Math.Abs(c));
        double bcmis = Math.Min(Math.Abs(b), Math.Abs(c)) * Math.CopySign(1, b) * Math.CopySign(1, c);
        double scale = Math.Max(Math.Abs(p), bcmax);
        double z = p / scale * p + bcmax / scale * bcmis;
        if (z >= Multiple * LapackConstants.Precision)
        {
            // Real eigenvalues: compute a and d, then b and the rotation.
            z = p + Math.CopySign(Math.Sqrt(scale) * Math.Sqrt(z), p);
            a = d + z;
            d -= bcmax / z * bcmis;
            double tau = LapackConstants.Pythag(c, z);
            cs = z / tau;
            sn = c / tau;
            b -= c;
            c = 0;
            return (cs, sn);
        }

        // Complex eigenvalues, or real (almost) equal ones: make the diagonal entries equal.
        double sigma = b + c;
        double tau2 = LapackConstants.Pythag(sigma, temp);
        cs = Math.Sqrt(0.5 * (1 + Math.Abs(sigma) / tau2));
        sn = -(p / (tau2 * cs)) * Math.CopySign(1, sigma);
        double aa = a * cs + b * sn, bb = -a * sn + b * cs;
        double cc = c * cs + d * sn, dd = -c * sn + d * cs;
        a = aa * cs + cc * sn;
        b = bb * cs + dd * sn;
        c = -aa * sn + cc * cs;
        d = -bb * sn + dd * cs;
        temp = 0.5 * (a + d);
        a = temp;
        d = temp;
        if (c != 0)
        {
            if (b != 0)
            {
                if (Math.CopySign(1, b) == Math.CopySign(1, c))
                {
                    // Real eigenvalues: reduce to upper triangular form.
                    double sab = Math.Sqrt(Math.Abs(b)), sac = Math.Sqrt(Math.Abs(c));
                    p = Math.CopySign(sab * sac, c);
                    double tau = 1 / Math.Sqrt(Math.Abs(b + c));
                    a = temp + p;
                    d = temp - p;
                    b -= c;
                    c = 0;
                    double cs1 = sab * tau, sn1 = sac * tau;
                    temp = cs * cs1 - sn * sn1;
                    sn = cs * sn1 + sn * cs1;
                    cs = temp;
                }
            }
            else
            {
                b = -c;
                c = 0;
                temp = cs;
                cs = -sn;
                sn = temp;
            }
        }

        return (cs, sn);
    }
}
