using MathForML.LinearAlgebra;

namespace MathForML.Optimization;

/// <summary>
/// The covariance of least-squares parameters, C = σ²(JᵀJ)⁻¹ with σ² = S/(N − p), from the QR factor of J (X for a
/// linear fit) at the solution: (JᵀJ)⁻¹ = R⁻¹R⁻ᵀ (<see cref="QrDecomposition.InverseGram"/>), never forming JᵀJ, and the
/// standard errors √Cⱼⱼ. Entries that are not finite (J not finite, or R singular) are NaN, so a fit that cannot tell
/// its parameters apart says so instead of reporting huge numbers.
/// Reference: Björck, Numerical Methods for Least Squares Problems (1996), §1.2.
/// </summary>
internal static class ParameterCovariance
{
    /// <summary>σ²(JᵀJ)⁻¹ and √diag of it, from the factor <paramref name="qr"/> of J.</summary>
    public static (Matrix Covariance, double[] StandardErrors) From(QrDecomposition qr, double sigma2)
    {
        var covariance = qr.InverseGram();
        var span = covariance.AsSpan();
        for (int i = 0; i < span.Length; i++) span[i] = double.IsFinite(span[i]) ? sigma2 * span[i] : double.NaN;
        return (covariance, StandardErrors(covariance));
    }

    /// <summary>As <see cref="From(QrDecomposition, double)"/> for the Jacobian <paramref name="j"/>; all NaN when J is not finite.</summary>
    public static (Matrix Covariance, double[] StandardErrors) From(Matrix j, double sigma2)
    {
        if (j.IsFinite()) return From(QrDecomposition.Decompose(j), sigma2);
        var covariance = new Matrix(j.Columns, j.Columns);
        covariance.AsSpan().Fill(double.NaN);
        return (covariance, StandardErrors(covariance));
    }

    private static double[] StandardErrors(Matrix covariance)
    {
        var se = new double[covariance.Rows];
        for (int j = 0; j < se.Length; j++) se[j] = Math.Sqrt(covariance[j, j]);
        return se;
    }
}
