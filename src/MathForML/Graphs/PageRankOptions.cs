using MathForML.Numerics;

namespace MathForML.Graphs;

/// <summary>
/// Settings of the sparse PageRank power iteration. Each setting is checked when it is set, so a bad value is reported
/// before any graph is read or built.
/// </summary>
public sealed record PageRankOptions
{
    /// <summary>Damping d ∈ [0, 1]: the probability of following a link rather than jumping (default 0.85).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [0, 1] (or NaN).</exception>
    public double Damping
    {
        get;
        init => field = Setting.Fraction(value, nameof(Damping), "Damping");
    } = 0.85;

    /// <summary>Stop when ‖x_new − x_old‖₁ falls below this (default 1e-10; must be positive).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero, a negative number or NaN.</exception>
    public double Tolerance
    {
        get;
        init => field = Setting.Positive(value, nameof(Tolerance), "The tolerance");
    } = 1e-10;

    /// <summary>Iteration limit (default 1000; at least 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public int MaxIterations
    {
        get;
        init => field = Setting.AtLeast(value, 1, nameof(MaxIterations), "The iteration limit");
    } = 1000;

    /// <summary>The jump distribution v (length n, non-negative, sum 1); uniform when null.</summary>
    public IReadOnlyList<double>? Personalization { get; init; }
}
