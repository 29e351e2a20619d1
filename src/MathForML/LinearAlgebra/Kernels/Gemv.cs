using System.Numerics;

namespace MathForML.LinearAlgebra.Kernels;

/// <summary>Matrix-vector multiply, the BLAS routine xGEMV for row-major storage: y ← α·op(A)·x + β·y, A m×n.</summary>
public static class Gemv
{
    /// <summary>y ← α·op(A)·x + β·y. x has n elements (m when transposed) and y has m (n when transposed).</summary>
    public static void Multiply<T>(Op trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> x, T beta, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelArguments.Operand("A", m, n, lda, a.Length);
        int xl = trans == Op.None ? n : m, yl = trans == Op.None ? m : n;
        if (x.Length < xl) throw new DimensionMismatchException($"x needs {xl} elements, has {x.Length}.", nameof(x));
        if (y.Length < yl) throw new DimensionMismatchException($"y needs {yl} elements, has {y.Length}.", nameof(y));
        ReferenceKernels.Gemv(trans, m, n, alpha, a, lda, x, beta, y);
    }
}
