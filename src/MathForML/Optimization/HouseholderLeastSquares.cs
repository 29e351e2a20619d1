namespace MathForML.Optimization;

/// <summary>
/// Solves a small dense least-squares problem min ‖Ax − b‖ (A m×n, m ≥ n, row-major in an array) by Householder QR
/// without a rank threshold, for the solvers' inner steps: returns false when some rⱼⱼ is exactly zero or the result is
/// not finite. The damped systems [J; √λ·D] of Levenberg–Marquardt are solved this way rather than through the normal
/// equations, which would square the condition number (Moré 1978, §3). Cost 2mn² flops.
/// </summary>
internal static class HouseholderLeastSquares
{
    public static bool Solve(double[] a, int m, int n, double[] b, double[] x)
    {
        for (int j = 0; j < n; j++)
        {
            double norm = 0;
            for (int i = j; i < m; i++) norm = Hypot(norm, a[i * n + j]);
            if (norm == 0) return false;
            double alpha = a[j * n + j] > 0 ? -norm : norm;
            // v = column − alpha·e_j, stored in place; H = I − 2vvᵀ/vᵀv.
            a[j * n + j] -= alpha;
            double vtv = 0;
            for (int i = j; i < m; i++) vtv += a[i * n + j] * a[i * n + j];
            for (int c = j + 1; c < n; c++)
            {
                double dot = 0;
                for (int i = j; i < m; i++) dot += a[i * n + j] * a[i * n + c];
                double f = 2 * dot / vtv;
                for (int i = j; i < m; i++) a[i * n + c] -= f * a[i * n + j];
            }
            double db = 0;
            for (int i = j; i < m; i++) db += a[i * n + j] * b[i];
            double fb = 2 * db / vtv;
            for (int i = j; i < m; i++) b[i] -= fb * a[i * n + j];
            a[j * n + j] = alpha;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int c = i + 1; c < n; c++) s -= a[i * n + c] * x[c];
            x[i] = s / a[i * n + i];
            if (!double.IsFinite(x[i])) return false;
        }
        return true;
    }

    private static double Hypot(double a, double b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        if (a < b) (a, b) = (b, a);
        if (a == 0) return 0;
        double t = b / a;
        return a * Math.Sqrt(1 + t * t);
    }
}
