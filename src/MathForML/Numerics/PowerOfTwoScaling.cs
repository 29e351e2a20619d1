using System.Numerics.Tensors;
using MathForML.LinearAlgebra;

namespace MathForML.Numerics;

/// <summary>
/// Exact rescaling by powers of two for data whose squares would overflow or underflow: e = ⌊log₂ max|xᵢ|⌋ when it lies
/// outside ±safe, and copies multiplied by 2ᵏ (exact unless an element itself under- or overflows). Used by kNN, PCA
/// and the distances, which compute at 2⁻ᵉ and scale their results back.
/// </summary>
internal static class PowerOfTwoScaling
{
    /// <summary>⌊log₂ max|·|⌋ over both spans when its magnitude exceeds <paramref name="safeExponent"/>; null otherwise or when all are 0.</summary>
    public static int? ExtremeExponent(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int safeExponent)
    {
        double largest = Math.Max(LargestMagnitude(x), LargestMagnitude(y));
        if (largest == 0) return null;
        int e = Math.ILogB(largest);
        return Math.Abs(e) > safeExponent ? e : null;
    }

    /// <summary>max |xᵢ| (0 for an empty span).</summary>
    public static double LargestMagnitude(ReadOnlySpan<double> x) => x.IsEmpty ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(x));

    /// <summary>A copy of <paramref name="v"/> times 2^<paramref name="exponent"/>.</summary>
    public static double[] Scaled(ReadOnlySpan<double> v, int exponent)
    {
        var copy = new double[v.Length];
        for (int i = 0; i < v.Length; i++) copy[i] = Math.ScaleB(v[i], exponent);
        return copy;
    }

    /// <summary>A copy of <paramref name="m"/> times 2^<paramref name="exponent"/>.</summary>
    public static Matrix Scaled(Matrix m, int exponent) => Matrix.Wrap(m.Rows, m.Columns, Scaled(m.AsSpan(), exponent));

    /// <summary>Multiplies <paramref name="v"/> by 2^<paramref name="exponent"/> in place.</summary>
    public static void ScaleInPlace(Span<double> v, int exponent)
    {
        for (int i = 0; i < v.Length; i++) v[i] = Math.ScaleB(v[i], exponent);
    }
}
