using System.Numerics;

namespace MathForML.LinearAlgebra.Kernels;

/// <summary>
/// General matrix multiply, the BLAS routine xGEMM for row-major storage:
/// C ← α·op(A)·op(B) + β·C, with op(A) m×k, op(B) k×n and C m×n. One generic code path serves float and double.
/// </summary>
public static class Gemm
{
    /// <summary>C ← α·op(A)·op(B) + β·C. When β is zero, C is overwritten (its old contents, even NaN, are ignored).</summary>
    public static void Multiply<T>(Op transA, Op transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelArguments.Operand("A", transA == Op.None ? m : k, transA == Op.None ? k : m, lda, a.Length);
        KernelArguments.Operand("B", transB == Op.None ? k : n, transB == Op.None ? n : k, ldb, b.Length);
        KernelArguments.Operand("C", m, n, ldc, c.Length);
        ReferenceKernels.Gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <summary>C = A·B for dense row-major A (m×k) and B (k×n) stored contiguously.</summary>
    public static void Multiply<T>(int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Multiply(Op.None, Op.None, m, n, k, T.One, a, k, b, n, T.Zero, c, n);
}
