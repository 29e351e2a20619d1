using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Real Schur form of an upper Hessenberg matrix by the Francis implicit double-shift QR algorithm:
/// H = Z·T·Zᵀ with Z orthogonal and T quasi-upper-triangular (1×1 blocks for real eigenvalues, 2×2 blocks for
/// complex conjugate pairs). Each sweep chases a 3×3 bulge down the active window with Householder reflectors,
/// using the two eigenvalues of the trailing 2×2 block as shifts (exceptional ad-hoc shifts after 10 and 20 sweeps
/// without deflation); a subdiagonal entry below ε·(|hₖ₋₁,ₖ₋₁| + |hₖₖ|) is set to zero, splitting the problem.
/// 2×2 blocks with real eigenvalues are split by a rotation so T's 2×2 blocks are exactly the complex pairs.
/// Reference: Golub &amp; Van Loan, Matrix Computations (4th ed.), Algorithms 7.5.1–7.5.2; EISPACK hqr2; LAPACK dlahqr.
/// Cost about 10n³ flops for T and Z together.
/// </summary>
internal static class RealSchur
{
    /// <summary>
    /// Overwrites <paramref name="t"/> (upper Hessenberg on entry) with its real Schur form and accumulates the
    /// transformations into <paramref name="z"/> (pass the Hessenberg reduction's Q to get A = Z·T·Zᵀ).
    /// Returns false if some eigenvalue did not converge within 30·n sweeps per eigenvalue.
    /// </summary>
    public static bool Compute(Matrix t, Matrix z, CancellationToken cancellationToken = default)
    {
        int n = t.Rows;
        double norm = 0;
        for (int i = 0; i < n; i++)
            for (int j = Math.Max(0, i - 1); j < n; j++) norm += Math.Abs(t[i, j]);
        int p = n - 1, iterations = 0, total = 0;
        while (p >= 0)
        {
            int l = p;
            while (l > 0)
            {
                double s = Math.Abs(t[l - 1, l - 1]) + Math.Abs(t[l, l]);
                if (s == 0) s = norm;
                if (Math.Abs(t[l, l - 1]) <= MachineEpsilon.Double * s) break;   // ≤, as dlahqr: an exact zero deflates even in a zero matrix
                l--;
            }
            if (l > 0) t[l, l - 1] = 0;
            if (l == p)
            {
                p--;
                iterations = 0;
                continue;
            }
            if (l == p - 1)
            {
                SplitRealPair(t, z, p);
                p -= 2;
                iterations = 0;
                continue;
            }
            if (++total > 30 * Math.Max(n, 10)) return false;
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            FrancisStep(t, z, l, p, iterations);
        }
        return true;
    }

    /// <summary>One implicit double-shift QR sweep on the active window rows/columns [l, p].</summary>
    private static void FrancisStep(Matrix t, Matrix z, int l, int p, int iterations)
    {
        int n = t.Rows;
        double s, d;
        if (iterations % 10 == 0)
        {
            // Exceptional shift (EISPACK): breaks the rare cycles of the standard shift.
            double e = Math.Abs(t[p, p - 1]) + Math.Abs(t[p - 1, p - 2]);
            s = 1.5 * e + t[p, p];
            d = e * e;
        }
        else
        {
            s = t[p - 1, p - 1] + t[p, p];
            d = t[p - 1, p - 1] * t[p, p] - t[p - 1, p] * t[p, p - 1];
        }
        // First column of (H − σ₁I)(H − σ₂I) = H² − sH + dI, restricted to its three non-zeros.
        double x = t[l, l] * t[l, l] + t[l, l + 1] * t[l + 1, l] - s * t[l, l] + d;
        double y = t[l + 1, l] * (t[l, l] + t[l + 1, l + 1] - s);
        double w = t[l + 1, l] * t[l + 2, l + 1];
        Span<double> v = stackalloc double[3];
        for (int k = l; k <= p - 2; k++)
        {
            double beta = Householder3(x, y, w, v);
            if (beta != 0)
            {
                int q = Math.Max(l, k - 1);
                for (int j = q; j < n; j++)
                {
                    double f = (v[0] * t[k, j] + v[1] * t[k + 1, j] + v[2] * t[k + 2, j]) * beta;
                    t[k, j] -= f * v[0];
                    t[k + 1, j] -= f * v[1];
                    t[k + 2, j] -= f * v[2];
                }
                int r = Math.Min(k + 3, p);
                for (int i = 0; i <= r; i++)
                {
                    double f = (t[i, k] * v[0] + t[i, k + 1] * v[1] + t[i, k + 2] * v[2]) * beta;
                    t[i, k] -= f * v[0];
                    t[i, k + 1] -= f * v[1];
                    t[i, k + 2] -= f * v[2];
                }
                for (int i = 0; i < n; i++)
                {
                    double f = (z[i, k] * v[0] + z[i, k + 1] * v[1] + z[i, k + 2] * v[2]) * beta;
                    z[i, k] -= f * v[0];
                    z[i, k + 1] -= f * v[1];
                    z[i, k + 2] -= f * v[2];
                }
                if (k > l) { t[k + 1, k - 1] = 0; t[k + 2, k - 1] = 0; }
            }
            x = t[k + 1, k];
            y = t[k + 2, k];
            if (k < p - 2) w = t[k + 3, k];
        }
        // The last reflector is 2×2: rows/columns p−1, p.
        var (c, sn) = Givens(x, y);
        ApplyRotation(t, z, p - 1, c, sn, Math.Max(l, p - 2), p);
        if (p - 2 >= l) t[p, p - 2] = 0;
    }

    /// <summary>
    /// If the converged 2×2 block at rows/columns p−1, p has real eigenvalues, rotates it to upper-triangular form
    /// (and applies the rotation to the rest of T and to Z); a block with complex eigenvalues is left as it is.
    /// </summary>
    private static void SplitRealPair(Matrix t, Matrix z, int p)
    {
        double a = t[p - 1, p - 1], b = t[p - 1, p], c = t[p, p - 1], d = t[p, p];
        if (c == 0) return;
        double half = 0.5 * (a - d);
        double disc = half * half + b * c;
        if (disc < 0) return;
        double root = Math.Sqrt(disc);
        double lambda = d + (half >= 0 ? half + root : half - root);   // the eigenvalue farther from d, computed stably
        // An eigenvector (x, y) of the block for λ becomes the first column of the rotation.
        double x1 = b, y1 = lambda - a, x2 = lambda - d, y2 = c;
        var (x, y) = Math.Abs(x1) + Math.Abs(y1) >= Math.Abs(x2) + Math.Abs(y2) ? (x1, y1) : (x2, y2);
        double r = Math.Sqrt(x * x + y * y);
        if (r == 0) return;
        ApplyRotation(t, z, p - 1, x / r, y / r, p - 1, p);
        t[p, p - 1] = 0;
    }

    /// <summary>
    /// With G = [[c, −s], [s, c]] acting on coordinates k, k+1: T ← GᵀT on columns from <paramref name="firstColumn"/>,
    /// T ← TG on rows up to <paramref name="lastRow"/>, Z ← ZG.
    /// </summary>
    private static void ApplyRotation(Matrix t, Matrix z, int k, double c, double s, int firstColumn, int lastRow)
    {
        int n = t.Rows;
        for (int j = firstColumn; j < n; j++)
        {
            double u = t[k, j], v = t[k + 1, j];
            t[k, j] = c * u + s * v;
            t[k + 1, j] = -s * u + c * v;
        }
        for (int i = 0; i <= Math.Min(lastRow, n - 1); i++)
        {
            double u = t[i, k], v = t[i, k + 1];
            t[i, k] = c * u + s * v;
            t[i, k + 1] = -s * u + c * v;
        }
        for (int i = 0; i < n; i++)
        {
            double u = z[i, k], v = z[i, k + 1];
            z[i, k] = c * u + s * v;
            z[i, k + 1] = -s * u + c * v;
        }
    }

    /// <summary>(c, s) with c·x + s·y = r, −s·x + c·y = 0.</summary>
    private static (double C, double S) Givens(double x, double y)
    {
        double r = Math.Sqrt(x * x + y * y);
        return r == 0 ? (1, 0) : (x / r, y / r);
    }

    /// <summary>Householder vector v for (x, y, w): (I − βvvᵀ)(x, y, w)ᵀ = (∓‖·‖, 0, 0)ᵀ. Returns β (0 if nothing to do).</summary>
    private static double Householder3(double x, double y, double w, Span<double> v)
    {
        double scale = Math.Abs(x) + Math.Abs(y) + Math.Abs(w);
        if (scale == 0) { v.Clear(); return 0; }
        x /= scale; y /= scale; w /= scale;
        double norm = Math.Sqrt(x * x + y * y + w * w);
        double alpha = x >= 0 ? -norm : norm;
        v[0] = x - alpha;
        v[1] = y;
        v[2] = w;
        double vv = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
        return vv == 0 ? 0 : 2 / vv;
    }
}
