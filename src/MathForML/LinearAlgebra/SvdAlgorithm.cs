namespace MathForML.LinearAlgebra;

/// <summary>Which algorithm <see cref="Svd"/> uses.</summary>
public enum SvdAlgorithm
{
    /// <summary>
    /// One-sided Jacobi when min(m, n) ≤ <see cref="Svd.JacobiCrossover"/>; above it <see cref="Gram"/> when A is
    /// clearly rectangular and well conditioned (its checks pass), else Householder bidiagonalisation with the
    /// Golub–Kahan divide and conquer (the general path for real sizes).
    /// </summary>
    Automatic,

    /// <summary>
    /// One-sided Jacobi (dgesvj) at every size: slower by a large factor on big matrices, but every singular value,
    /// however small, comes with high relative accuracy when A = B·D with B well conditioned and D diagonal (graded
    /// columns or rows), where the bidiagonal path gives only ε·σ_max absolute accuracy. Use it when the tiny singular
    /// values themselves matter (not just the rank or a least-squares solution).
    /// </summary>
    Jacobi,

    /// <summary>
    /// Householder bidiagonalisation (dgebrd) and the SVD of the bidiagonal (the route of dgesdd) at every size:
    /// singular values accurate to about ε·σ_max.
    /// </summary>
    Bidiagonalization,

    /// <summary>
    /// The eigendecomposition of the Gram matrix AᵀA (AAᵀ when m &lt; n), U from A·V with a first-order
    /// re-orthogonalisation: for matrices with condition number σ_max/σ_min ≤ 11.3, where it is as accurate as
    /// <see cref="Bidiagonalization"/> (σ to a few ε·σ_max, U and V orthonormal to about ε) and two to three times
    /// faster; the condition and the orthogonality are checked on every call. <see cref="Automatic"/> tries it on
    /// matrices with max(m, n) ≥ 1.5·min(m, n) and falls back to the bidiagonal path when a check fails; requested
    /// explicitly it runs on any shape and throws <see cref="ArgumentException"/> when a check fails.
    /// </summary>
    Gram,
}
