namespace MathForML.LinearAlgebra;

/// <summary>
/// In-place Cholesky factorisation A = L·Lᵀ of a small symmetric positive definite matrix (row-major, lower triangle
/// used and overwritten by L; the strict upper triangle is zeroed). The column-oriented algorithm of LAPACK dpotf2;
/// n³/3 flops. Used to test positive definiteness and to orthonormalise thin matrices (Cholesky QR).
/// </summary>
internal static class CholeskyFactorization
{
    /// <summary>Factors <paramref name="a"/> (n×n) in place; false when a pivot is not positive (A is not positive definite).</summary>
    public static bool TryFactor(Span<double> a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double d = a[j * n + j];
            for (int p = 0; p < j; p++) d -= a[j * n + p] * a[j * n + p];
            if (!(d > 0)) return false;
            double ljj = Math.Sqrt(d);
            a[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[i * n + j];
                for (int p = 0; p < j; p++) s -= a[i * n + p] * a[j * n + p];
                a[i * n + j] = s / ljj;
            }

            for (int i = 0; i < j; i++) a[i * n + j] = 0;
        }

        return true;
    }

    /// <summary>Overwrites the lower-triangular L (n×n, row-major) by the transpose of its inverse, (L⁻¹)ᵀ = (Lᵀ)⁻¹, upper triangular.</summary>
    public static void InvertTransposeLower(Span<double> l, int n)
    {
        // Solve L·X = I column by column (forward substitution), then store Xᵀ.
        var inverse = new double[n * n];
        for (int c = 0; c < n; c++)
        {
            for (int i = c; i < n; i++)
            {
                double s = i == c ? 1.0 : 0.0;
                for (int p = c; p < i; p++) s -= l[i * n + p] * inverse[p * n + c];
                inverse[i * n + c] = s / l[i * n + i];
            }
        }

        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                l[j * n + i] = inverse[i * n + j];
    }
}
