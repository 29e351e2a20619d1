namespace MathForML.Kernels;

/// <summary>The operation a kernel applies to an operand before using it (the TRANS argument of BLAS): op(A) = A or Aᵀ.</summary>
public enum Op
{
    /// <summary>op(A) = A, the operand as stored.</summary>
    None,

    /// <summary>op(A) = Aᵀ, the transpose of the operand.</summary>
    Transpose,
}
