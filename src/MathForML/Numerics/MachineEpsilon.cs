namespace MathForML.Numerics;

/// <summary>
/// Machine epsilon ε of the IEEE 754 binary formats: the gap between 1 and the next larger representable number,
/// ε = 2⁻⁵² ≈ 2.22·10⁻¹⁶ for <see cref="double"/> and 2⁻²³ ≈ 1.19·10⁻⁷ for <see cref="float"/>. One rounded operation
/// has a relative error of at most u = ε/2 (the unit roundoff), so tolerances of the form c·n·ε·‖A‖ say "the size of
/// the rounding errors of an n-step algorithm on A".
/// </summary>
/// <remarks>
/// This is LAPACK's <c>dlamch('P')</c> / <c>slamch('P')</c> ("precision", eps·base), numpy's <c>finfo(float64).eps</c>
/// and C's <c>DBL_EPSILON</c>. It is not <see cref="double.Epsilon"/>, which is the smallest positive subnormal
/// (4.9·10⁻³²⁴) and has nothing to do with relative precision.
/// Reference: Higham, Accuracy and Stability of Numerical Algorithms (2nd ed.), §2.1.
/// </remarks>
public static class MachineEpsilon
{
    /// <summary>2⁻⁵², the spacing of doubles in [1, 2).</summary>
    public const double Double = 2.220446049250313e-16;

    /// <summary>2⁻²³, the spacing of floats in [1, 2).</summary>
    public const float Single = 1.1920929e-7f;
}
