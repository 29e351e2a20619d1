using System.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// The textbook definitions of GEMM, SYRK and GEMV as plain loops: C ← α·op(A)·op(B) + β·C,
/// C ← α·XᵀX + β·C and y ← α·op(A)·x + β·y, all row-major. Slow and obviously right; the tests hold the
/// fast kernels to these.
/// </summary>
internal static class ReferenceKernels
{
    /// <summary>C ← α·op(A)·op(B) + β·C with op(A) m×k, op(B) k×n, C m×n (row-major, leading dimensions lda, ldb, ldc).</summary>
    public static void Gemm<T>(Op transA, Op transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T sum = T.Zero;
                for (int p = 0; p < k; p++)
                {
                    T aip = transA == Op.None ? a[i * lda + p] : a[p * lda + i];
                    T bpj = transB == Op.None ? b[p * ldb + j] : b[j * ldb + p];
                    sum += aip * bpj;
                }
                ref T cij = ref c[i * ldc + j];
                cij = alpha * sum + (beta == T.Zero ? T.Zero : beta * cij);
            }
    }

    /// <summary>C ← α·XᵀX + β·C with X k×n (k samples as rows), C n×n, both triangles written.</summary>
    public static void Syrk<T>(int n, int k, T alpha, ReadOnlySpan<T> x, int ldx, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Gemm(Op.Transpose, Op.None, n, n, k, alpha, x, ldx, x, ldx, beta, c, ldc);

    /// <summary>y ← α·op(A)·x + β·y with A m×n row-major.</summary>
    public static void Gemv<T>(Op trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> x, T beta, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = trans == Op.None ? m : n, inner = trans == Op.None ? n : m;
        for (int i = 0; i < rows; i++)
        {
            T sum = T.Zero;
            for (int p = 0; p < inner; p++)
                sum += (trans == Op.None ? a[i * lda + p] : a[p * lda + i]) * x[p];
            y[i] = alpha * sum + (beta == T.Zero ? T.Zero : beta * y[i]);
        }
    }
}
