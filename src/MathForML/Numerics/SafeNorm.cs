using System.Numerics.Tensors;

namespace MathForML.Numerics;

/// <summary>
/// The Euclidean norm ‖x‖₂ without overflow or underflow in the squares: when the largest magnitude m is outside
/// [2⁻⁴⁸⁰, 2⁴⁸⁰], ‖x‖ = m·‖x/m‖ (the scaling of LAPACK's dnrm2; Blue, ACM TOMS 4(1), 1978, for the thresholds), so
/// a vector of 1e200s has norm 1e200·√n instead of ∞, and one of 1e-200s a norm instead of 0. Otherwise it is
/// <see cref="TensorPrimitives.Norm{T}(ReadOnlySpan{T})"/> as it is.
/// </summary>
public static class SafeNorm
{
    private static readonly double Large = Math.ScaleB(1, 480);
    private static readonly double Small = Math.ScaleB(1, -480);

    /// <summary>‖<paramref name="x"/>‖₂, finite whenever every element is finite and the result is representable.</summary>
    public static double Of(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty) return 0;
        double m = TensorPrimitives.MaxMagnitude(x);
        m = Math.Abs(m);
        if (m == 0 || double.IsNaN(m) || (m <= Large && m >= Small)) return TensorPrimitives.Norm(x);
        // A power of two near m: dividing by it is exact, so the scaled elements lose nothing.
        int exponent = Math.ILogB(m);
        double sumOfSquares = 0;
        foreach (double v in x)
        {
            double s = Math.ScaleB(v, -exponent);
            sumOfSquares += s * s;
        }
        return Math.ScaleB(Math.Sqrt(sumOfSquares), exponent);
    }
}
