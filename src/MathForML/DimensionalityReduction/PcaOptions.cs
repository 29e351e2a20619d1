namespace MathForML.DimensionalityReduction;

/// <summary>Options of <see cref="Pca.Fit"/>.</summary>
public sealed record PcaOptions
{
    /// <summary>K, the number of principal components kept, 1 … min(N, D); null keeps min(N, D).</summary>
    public int? Components { get; init; }

    /// <summary>The solver; <see cref="PcaSolver.Auto"/> picks one by shape and K (<see cref="Pca.Solver"/> says which).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value that is not one of <see cref="PcaSolver"/>'s (checked when set).</exception>
    public PcaSolver Solver
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Solver), value, $"Not a PCA solver; use one of {string.Join(", ", Enum.GetNames<PcaSolver>())}.");
    } = PcaSolver.Auto;

    /// <summary>Divide each centred feature by its standard deviation (1 where it is 0) before the decomposition.</summary>
    public bool Normalize { get; init; }

    /// <summary>Randomized solver: extra random directions p beyond K (default 20).</summary>
    public int Oversampling { get; init; } = 20;

    /// <summary>Randomized solver: power iterations q, each one pass over X and one over Xᵀ (default 4).</summary>
    public int PowerIterations { get; init; } = 4;

    /// <summary>Randomized solver: seed of the Gaussian test matrix (same seed, same components).</summary>
    public ulong Seed { get; init; }
}
