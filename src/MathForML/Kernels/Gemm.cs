using System.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// General matrix multiply, the BLAS routine xGEMM for row-major storage:
/// C ← α·op(A)·op(B) + β·C, with op(A) m×k, op(B) k×n and C m×n. One generic code path serves float and double.
/// </summary>
/// <remarks>
/// The algorithm is the GotoBLAS/BLIS one (Goto and van de Geijn, "Anatomy of High-Performance Matrix
/// Multiplication", ACM TOMS 34(3), 2008; Van Zee and van de Geijn, "BLIS: A Framework for Rapidly Instantiating BLAS
/// Functionality", ACM TOMS 41(3), 2015): C is updated by rank-kc products of an mc×kc block of op(A), packed into
/// mr-row panels, and a kc×nc block of op(B), packed into nr-column panels that sit in L2; a register-blocked
/// micro-kernel multiplies one A panel, held in L1, by one B panel after another along a row of C (see
/// <see cref="GemmDriver"/> for the loop nest and <see cref="GemmBlocking"/> for the block sizes, cut to the machine's
/// caches). Transposes are handled while packing, so all four combinations of
/// <see cref="Op"/> share the micro-kernel. The micro-kernel is chosen at run time: 8×(3·W) on
/// <see cref="System.Runtime.Intrinsics.Vector512{T}"/> when AVX-512 is accelerated, 6×(2·W) on
/// <see cref="System.Runtime.Intrinsics.Vector256{T}"/> with FMA otherwise, 4×4 scalar as the fallback.
/// Large products are split between all cores (<see cref="GemmPartition"/>). Cost: 2·m·n·k flops.
/// </remarks>
public static class Gemm
{
    /// <summary>C ← α·op(A)·op(B) + β·C. When β is zero, C is overwritten (its old contents, even NaN, are ignored).</summary>
    public static void Multiply<T>(Op transA, Op transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckOperands(transA, transB, m, n, k, lda, a.Length, ldb, b.Length, ldc, c.Length);
        Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, KernelPathSelection.Best);
    }

    /// <summary>C = A·B for dense row-major A (m×k) and B (k×n) stored contiguously.</summary>
    public static void Multiply<T>(int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Multiply(Op.None, Op.None, m, n, k, T.One, a, k, b, n, T.Zero, c, n);

    /// <summary>
    /// <see cref="Multiply{T}(Op, Op, int, int, int, T, ReadOnlySpan{T}, int, ReadOnlySpan{T}, int, T, Span{T}, int)"/>
    /// on the calling thread only, for callers that already run one product per core.
    /// </summary>
    internal static void MultiplySerial<T>(Op transA, Op transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckOperands(transA, transB, m, n, k, lda, a.Length, ldb, b.Length, ldc, c.Length);
        Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, KernelPathSelection.Best, serial: true);
    }

    /// <summary>Checks that op(A) is m×k, op(B) is k×n and C is m×n within their spans and leading dimensions.</summary>
    private static void CheckOperands(Op transA, Op transB, int m, int n, int k, int lda, int aLength, int ldb, int bLength, int ldc, int cLength)
    {
        KernelArguments.Operand("A", transA == Op.None ? m : k, transA == Op.None ? k : m, lda, aLength);
        KernelArguments.Operand("B", transB == Op.None ? k : n, transB == Op.None ? n : k, ldb, bLength);
        KernelArguments.Operand("C", m, n, ldc, cLength);
    }

    /// <summary>The checked-arguments entry point with the micro-kernel family given explicitly (tests force each one).</summary>
    internal static unsafe void Multiply<T>(Op transA, Op transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc, KernelPath path, bool serial = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == T.Zero)
        {
            BetaScaling.Apply(beta, c, m, n, ldc);
            return;
        }

        fixed (T* pa = a, pb = b, pc = c)
        {
            switch (path)
            {
                case KernelPath.Vector512:
                    GemmPartition.Run<T, GemmMicroKernel512<T>>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, path, serial);
                    break;
                case KernelPath.Vector256:
                    GemmPartition.Run<T, GemmMicroKernel256<T>>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, path, serial);
                    break;
                default:
                    GemmPartition.Run<T, GemmMicroKernelScalar<T>>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, path, serial);
                    break;
            }
        }
    }
}
