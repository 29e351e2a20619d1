namespace MathForML.LinearAlgebra;

/// <summary>Which algorithm <see cref="Svd"/> uses.</summary>
public enum SvdAlgorithm
{
    /// <summary>
    /// One-sided Jacobi when min(m, n) ≤ <see cref="Svd.JacobiCrossover"/>, Householder bidiagonalisation with the
    /// Golub–Kahan divide and conquer above (the fast path for real sizes).
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
}
