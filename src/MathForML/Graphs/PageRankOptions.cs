namespace MathForML.Graphs;

/// <summary>Settings of the sparse PageRank power iteration.</summary>
public sealed record PageRankOptions
{
    /// <summary>Damping d ∈ [0, 1]: the probability of following a link rather than jumping (default 0.85).</summary>
    public double Damping { get; init; } = 0.85;

    /// <summary>Stop when ‖x_new − x_old‖₁ falls below this (default 1e-10; must be positive).</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Iteration limit (default 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>The jump distribution v (length n, non-negative, sum 1); uniform when null.</summary>
    public IReadOnlyList<double>? Personalization { get; init; }
}
