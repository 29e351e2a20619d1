namespace MathForML.DimensionalityReduction;

/// <summary>How <see cref="Pca"/> finds the principal components.</summary>
public enum PcaSolver
{
    /// <summary>Choose by shape: <see cref="Gram"/> when N &lt; D; <see cref="Randomized"/> when D ≥ 1000 and K ≤ D/10; <see cref="Covariance"/> otherwise.</summary>
    Auto,

    /// <summary>Eigendecomposition of the D×D covariance S = X̃ᵀX̃/N (SYRK + <see cref="LinearAlgebra.SymmetricEigen"/>): exact, N·D² + O(D³) flops.</summary>
    Covariance,

    /// <summary>Eigendecomposition of the N×N matrix X̃X̃ᵀ/N, eigenvectors mapped back by X̃ᵀ and normalised (the course's N &lt; D trick): N²·D + O(N³) flops.</summary>
    Gram,

    /// <summary>Randomized range finder with power iterations (Halko, Martinsson and Tropp 2011), seeded: about 4·(q + 1)·N·D·(K + p) flops.</summary>
    Randomized,
}
