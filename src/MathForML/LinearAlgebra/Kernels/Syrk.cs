using System.Numerics;

namespace MathForML.LinearAlgebra.Kernels;

/// <summary>
/// Symmetric rank-k update, the BLAS routine xSYRK in its transposed form for row-major data:
/// C ← α·XᵀX + β·C with X k×n (k samples as rows, n features) and C n×n. Both triangles of C are written.
/// </summary>
public static class Syrk
{
    /// <summary>C ← α·XᵀX + β·C; C is n×n with leading dimension <paramref name="ldc"/>.</summary>
    public static void Compute<T>(int n, int k, T alpha, ReadOnlySpan<T> x, int ldx, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelArguments.Operand("X", k, n, ldx, x.Length);
        KernelArguments.Operand("C", n, n, ldc, c.Length);
        ReferenceKernels.Syrk(n, k, alpha, x, ldx, beta, c, ldc);
    }
}
