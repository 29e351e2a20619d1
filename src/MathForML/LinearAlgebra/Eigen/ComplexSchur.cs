using System.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Turns a real Schur form A = Z·T·Zᵀ into a complex (upper-triangular) one A = U·S·Uᴴ by one unitary 2×2 rotation
/// per 2×2 block (the method of MATLAB's rsf2csf), then reads each eigenvector of S by back substitution and maps
/// it back with U: for λ = sₖₖ, y = eₖ + Σ_{i&lt;k} yᵢeᵢ with yᵢ = −(Σ_{j=i+1..k} sᵢⱼyⱼ)/(sᵢᵢ − λ), and x = U·y.
/// Cost O(n³). Reference: Golub &amp; Van Loan §7.6.4 (eigenvectors from the Schur form); LAPACK dtrevc.
/// </summary>
internal static class ComplexSchur
{
    /// <summary>Complex triangular S and unitary U (row-major n×n) from the real Schur pair (T, Z).</summary>
    public static (Complex[] S, Complex[] U) FromRealSchur(Matrix t, Matrix z)
    {
        int n = t.Rows;
        var s = new Complex[n * n];
        var u = new Complex[n * n];
        for (int i = 0; i < n * n; i++) { s[i] = t.AsSpan()[i]; u[i] = z.AsSpan()[i]; }
        for (int m = n - 1; m >= 1; m--)
        {
            Complex sub = s[m * n + m - 1];
            if (sub == Complex.Zero) continue;
            // μ = (eigenvalue of the 2×2 block) − s_mm; a rotation built from (μ, s_m,m−1) zeroes the subdiagonal.
            Complex a = s[(m - 1) * n + m - 1], b = s[(m - 1) * n + m], c = sub, d = s[m * n + m];
            Complex half = (a - d) / 2;
            Complex root = Complex.Sqrt(half * half + b * c);
            Complex mu = half + root;
            double r = Math.Sqrt(mu.Magnitude * mu.Magnitude + c.Magnitude * c.Magnitude);
            Complex cs = mu / r, sn = c / r;
            // G = [[conj(cs), sn], [−sn, cs]]; rows m−1, m of S ← G·S; columns ← S·Gᴴ; U ← U·Gᴴ.
            for (int j = m - 1; j < n; j++)
            {
                Complex x = s[(m - 1) * n + j], y = s[m * n + j];
                s[(m - 1) * n + j] = Complex.Conjugate(cs) * x + sn * y;
                s[m * n + j] = -sn * x + cs * y;
            }
            for (int i = 0; i <= m; i++) RotateColumns(s, n, i, m, cs, sn);
            for (int i = 0; i < n; i++) RotateColumns(u, n, i, m, cs, sn);
            s[m * n + m - 1] = Complex.Zero;
        }
        return (s, u);
    }

    /// <summary>Row i, columns m−1 and m: (x, y) ← (x, y)·Gᴴ with Gᴴ = [[cs, −conj(sn)], [conj(sn), conj(cs)]].</summary>
    private static void RotateColumns(Complex[] a, int n, int i, int m, Complex cs, Complex sn)
    {
        Complex x = a[i * n + m - 1], y = a[i * n + m];
        a[i * n + m - 1] = x * cs + y * Complex.Conjugate(sn);
        a[i * n + m] = -x * Complex.Conjugate(sn) + y * Complex.Conjugate(cs);
    }

    /// <summary>The eigenvector of A = U·S·Uᴴ for the eigenvalue sₖₖ, with unit 2-norm.</summary>
    public static Complex[] Eigenvector(Complex[] s, Complex[] u, int n, int k, double smallNumber)
    {
        var y = new Complex[k + 1];
        Complex lambda = s[k * n + k];
        y[k] = Complex.One;
        for (int i = k - 1; i >= 0; i--)
        {
            Complex sum = Complex.Zero;
            for (int j = i + 1; j <= k; j++) sum += s[i * n + j] * y[j];
            Complex denominator = s[i * n + i] - lambda;
            // A repeated eigenvalue gives a zero denominator: perturb it to the noise level, as dtrevc does.
            if (denominator.Magnitude < smallNumber) denominator = smallNumber;
            y[i] = -sum / denominator;
        }
        var x = new Complex[n];
        for (int i = 0; i < n; i++)
        {
            Complex sum = Complex.Zero;
            for (int j = 0; j <= k; j++) sum += u[i * n + j] * y[j];
            x[i] = sum;
        }
        double norm = Math.Sqrt(x.Sum(v => v.Magnitude * v.Magnitude));
        for (int i = 0; i < n; i++) x[i] /= norm;
        return x;
    }
}
