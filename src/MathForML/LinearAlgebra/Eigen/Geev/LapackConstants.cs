namespace MathForML.LinearAlgebra.Eigen.Geev;

/// <summary>LAPACK's machine constants (dlamch) as the ported dgeev steps use them, for IEEE double precision.</summary>
internal static class LapackConstants
{
    /// <summary>dlamch('S'): the safe minimum, 2⁻¹⁰²², the smallest number whose reciprocal does not overflow.</summary>
    public const double SafeMinimum = 2.2250738585072014e-308;

    /// <summary>dlamch('E'): the relative machine precision for rounding, 2⁻⁵³.</summary>
    public const double Epsilon = 1.1102230246251565e-16;

    /// <summary>dlamch('P') = ε·base: the spacing of doubles in [1, 2), 2⁻⁵² (LAPACK's ULP).</summary>
    public const double Precision = 2.220446049250313e-16;

    /// <summary>
    /// dlapy2: √(x² + y²) without needless overflow, w·√(1 + (z/w)²) with w = max(|x|, |y|), z = min(|x|, |y|).
    /// </summary>
    public static double Pythag(double x, double y)
    {
        double xa = Math.Abs(x), ya = Math.Abs(y);
        double w = Math.Max(xa, ya), z = Math.Min(xa, ya);
        if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
        if (z == 0 || w > double.MaxValue) return w;
        double q = z / w;
        return w * Math.Sqrt(1 + q * q);
    }
}
