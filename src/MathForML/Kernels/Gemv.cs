using System.Numerics;
using System.Numerics.Tensors;

using MathForML.LinearAlgebra;

namespace MathForML.Kernels;

/// <summary>Matrix-vector multiply, the BLAS routine xGEMV for row-major storage: y ← α·op(A)·x + β·y, A m×n.</summary>
/// <remarks>
/// op(A) = A: yᵢ ← α·(Aᵢ·x) + β·yᵢ, one <see cref="TensorPrimitives.Dot{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> per row.
/// op(A) = Aᵀ: y ← β·y, then y ← y + (α·xᵢ)·Aᵢ for every row i (an axpy per row, so A is still read along its rows),
/// in column strips of <see cref="Strip"/> elements so the piece of y being updated stays in L1.
/// Both read A once (2·m·n flops, memory-bound); above <see cref="ParallelThreshold"/> elements the rows (or the column
/// strips) are shared between the cores.
/// </remarks>
public static class Gemv
{
    /// <summary>m·n below which the product runs on one thread.</summary>
    internal const long ParallelThreshold = 1L << 16;

    /// <summary>Columns of y updated together in the transposed product.</summary>
    internal const int Strip = 1024;

    /// <summary>y ← α·op(A)·x + β·y. x has n elements (m when transposed) and y has m (n when transposed).</summary>
    public static void Multiply<T>(Op trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> x, T beta, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelArguments.Operand("A", m, n, lda, a.Length);
        int xl = trans == Op.None ? n : m, yl = trans == Op.None ? m : n;
        if (x.Length < xl) throw new DimensionMismatchException($"x needs {xl} elements, has {x.Length}.", nameof(x));
        if (y.Length < yl) throw new DimensionMismatchException($"y needs {yl} elements, has {y.Length}.", nameof(y));
        if (m == 0 || n == 0 || alpha == T.Zero)
        {
            BetaScaling.Apply(beta, y, 1, yl, yl);
            return;
        }

        Compute(trans, m, n, alpha, a, lda, x, beta, y);
    }

    private static unsafe void Compute<T>(Op trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> x, T beta, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = m, columns = n;
        int units = trans == Op.None ? rows : (columns + Strip - 1) / Strip;
        int parts = (long)m * n < ParallelThreshold ? 1 : Math.Min(Environment.ProcessorCount, units);
        fixed (T* pa = a, px = x, py = y)
        {
            if (parts <= 1)
            {
                Part(trans, rows, columns, alpha, pa, lda, px, beta, py, 0, units);
                return;
            }

            int chunk = (units + parts - 1) / parts;
            T* sa = pa, sx = px, sy = py;
            Parallel.For(0, parts, part =>
                Part(trans, rows, columns, alpha, sa, lda, sx, beta, sy, part * chunk, Math.Min(units, (part + 1) * chunk)));
        }
    }

    /// <summary>Rows [first, last) of y (no transpose), or column strips [first, last) of y (transpose).</summary>
    private static unsafe void Part<T>(Op trans, int m, int n, T alpha, T* a, int lda, T* x, T beta, T* y, int first, int last)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (trans == Op.None)
        {
            for (int i = first; i < last; i++)
            {
                T dot = TensorPrimitives.Dot(new ReadOnlySpan<T>(a + ((nint)i * lda), n), new ReadOnlySpan<T>(x, n));
                y[i] = alpha * dot + (beta == T.Zero ? T.Zero : beta * y[i]);
            }

            return;
        }

        for (int s = first; s < last; s++)
        {
            int j0 = s * Strip, width = Math.Min(Strip, n - j0);
            var ys = new Span<T>(y + j0, width);
            if (beta == T.Zero) ys.Clear();
            else if (beta != T.One) TensorPrimitives.Multiply(ys, beta, ys);
            for (int i = 0; i < m; i++)
                TensorPrimitives.MultiplyAdd(new ReadOnlySpan<T>(a + ((nint)i * lda) + j0, width), alpha * x[i], ys, ys);
        }
    }
}
