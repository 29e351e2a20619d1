namespace MathForML.Numerics;

/// <summary>
/// The checks of the settings records (<c>PageRankOptions</c>, <c>NewtonOptions</c>, <c>GradientDescentOptions</c>,
/// <c>NonlinearLeastSquaresOptions</c>): each setting is checked as it is set, in its <c>init</c> accessor, and a bad
/// value throws <see cref="ArgumentOutOfRangeException"/> whose parameter name is the setting's own (<c>"Tolerance"</c>),
/// so a caller can say which of its inputs was wrong before any work is done.
/// </summary>
internal static class Setting
{
    /// <summary>A finite number above zero.</summary>
    public static double Positive(double value, string name, string what) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{what} must be a positive number, got {value}.");

    /// <summary>A finite number not below zero.</summary>
    public static double NonNegative(double value, string name, string what) =>
        value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{what} must be a finite number ≥ 0, got {value}.");

    /// <summary>An integer not below <paramref name="minimum"/>.</summary>
    public static int AtLeast(int value, int minimum, string name, string what) =>
        value >= minimum ? value : throw new ArgumentOutOfRangeException(name, value, $"{what} must be at least {minimum}, got {value}.");

    /// <summary>A number in [0, 1].</summary>
    public static double Fraction(double value, string name, string what) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{what} must be in [0, 1], got {value}.");
}
