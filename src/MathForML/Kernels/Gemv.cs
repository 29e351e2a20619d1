using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Kernels;

/// <summary>Matrix-vector multiply, the BLAS routine xGEMV for row-major storage: y ← α·op(A)·x + β·y, A m×n.</summary>
/// <remarks>
/// <para>
/// Both forms read A once along its rows (2·m·n flops, memory bound) and take the rows four at a time, so that one
/// load of x (op(A) = A) or one load and store of y (op(A) = Aᵀ) serves four elements of A:
/// op(A) = A: yᵢ ← α·(Aᵢ·x) + β·yᵢ, four rows' dot products in lane accumulators that share each load of x_j;
/// op(A) = Aᵀ: y ← β·y, then y_j += Σ_{i in the block} a_ij·(α·xᵢ), in column strips of <see cref="Strip"/> elements so the
/// piece of y being updated stays in L1 (as in LAPACK's reference dgemv, which adds one column of its column-major A per
/// axpy; here a block of four rows of the row-major A per pass over the strip).
/// </para>
/// <para>
/// From <see cref="ParallelThreshold"/> elements the rows are shared between the cores in contiguous ranges; in the
/// transposed form each range after the first adds into a private y that is summed into y at the end (so a matrix of
/// any width uses every core: the bidiagonalisation's products are 1000 columns wide or less). Measured in the Householder
/// bidiagonalisation of a random 1000×1000 matrix (2-core Zen 5): 0.145–0.18 s with one TensorPrimitives dot or axpy per
/// row (the transposed product on one core below 1024 columns) before.
/// </para>
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
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Multiply(trans, m, n, alpha, a, lda, x, beta, y, KernelPathSelection.Best, Environment.ProcessorCount);

    /// <summary>y ← α·op(A)·x + β·y on the given path and at most <paramref name="parts"/> threads.</summary>
    internal static void Multiply<T>(Op trans, int m, int n, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> x, T beta, Span<T> y, KernelPath path, int parts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelArguments.Operand("A", m, n, lda, a.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        int xl = trans == Op.None ? n : m, yl = trans == Op.None ? m : n;
        if (x.Length < xl) throw new DimensionMismatchException($"x needs {xl} elements, has {x.Length}.", nameof(x));
        if (y.Length < yl) throw new DimensionMismatchException($"y needs {yl} elements, has {y.Length}.", nameof(y));
        if (m == 0 || n == 0 || alpha == T.Zero)
        {
            BetaScaling.Apply(beta, y, 1, yl, yl);
            return;
        }

        if ((long)m * n < ParallelThreshold) parts = 1;
        parts = Math.Min(parts, Math.Max(1, m / 4));
        if (trans == Op.None) Rows(m, n, alpha, a, lda, x, beta, y, path, parts);
        else Columns(m, n, alpha, a, lda, x, beta, y, path, parts);
    }

    /// <summary>op(A) = A: the rows cut into <paramref name="parts"/> ranges, each writing its own entries of y.</summary>
    private static unsafe void Rows<T>(int m, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, T beta, Span<T> y,
        KernelPath path, int parts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (parts == 1)
        {
            RowRange(0, m, n, alpha, a, lda, x, beta, y, path);
            return;
        }

        fixed (T* pa = a, px = x, py = y)
        {
            nint aAddress = (nint)pa, xAddress = (nint)px, yAddress = (nint)py;
            int length = a.Length;
            KernelTeam.For(0, parts, part =>
            {
                int first = Cut(m, part, parts), last = Cut(m, part + 1, parts);
                RowRange(first, last, n, alpha, new ReadOnlySpan<T>((T*)aAddress, length), lda, new ReadOnlySpan<T>((T*)xAddress, n), beta,
                    new Span<T>((T*)yAddress, m), path);
            });
        }
    }

    /// <summary>op(A) = Aᵀ: y scaled by β, then the rows cut into ranges; ranges after the first add into private vectors.</summary>
    private static unsafe void Columns<T>(int m, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, T beta, Span<T> y,
        KernelPath path, int parts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        BetaScaling.Apply(beta, y, 1, n, n);
        if (parts == 1)
        {
            ColumnRange(0, m, n, alpha, a, lda, x, y, path);
            return;
        }

        var partial = new T[(parts - 1) * n];
        fixed (T* pa = a, px = x, py = y)
        {
            nint aAddress = (nint)pa, xAddress = (nint)px, yAddress = (nint)py;
            int length = a.Length;
            KernelTeam.For(0, parts, part =>
            {
                int first = Cut(m, part, parts), last = Cut(m, part + 1, parts);
                var target = part == 0 ? new Span<T>((T*)yAddress, n) : partial.AsSpan((part - 1) * n, n);
                ColumnRange(first, last, n, alpha, new ReadOnlySpan<T>((T*)aAddress, length), lda, new ReadOnlySpan<T>((T*)xAddress, m), target, path);
            });
        }

        for (int part = 1; part < parts; part++)
        {
            var piece = partial.AsSpan((part - 1) * n, n);
            for (int j = 0; j < n; j++) y[j] += piece[j];
        }
    }

    /// <summary>Row <paramref name="part"/>·m/<paramref name="parts"/>, rounded down to a multiple of four.</summary>
    private static int Cut(int m, int part, int parts) => part == parts ? m : (int)((long)m * part / parts) & ~3;

    private static void RowRange<T>(int first, int last, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, T beta, Span<T> y,
        KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (path)
        {
            case KernelPath.Vector512: Dots<T, Vector512<T>, Vector512Lanes<T>>(first, last, n, alpha, a, lda, x, beta, y); break;
            case KernelPath.Vector256: Dots<T, Vector256<T>, Vector256Lanes<T>>(first, last, n, alpha, a, lda, x, beta, y); break;
            default: Dots<T, T, ScalarLanes<T>>(first, last, n, alpha, a, lda, x, beta, y); break;
        }
    }

    private static void ColumnRange<T>(int first, int last, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, Span<T> y,
        KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (path)
        {
            case KernelPath.Vector512: Axpys<T, Vector512<T>, Vector512Lanes<T>>(first, last, n, alpha, a, lda, x, y); break;
            case KernelPath.Vector256: Axpys<T, Vector256<T>, Vector256Lanes<T>>(first, last, n, alpha, a, lda, x, y); break;
            default: Axpys<T, T, ScalarLanes<T>>(first, last, n, alpha, a, lda, x, y); break;
        }
    }

    /// <summary>yᵢ ← α·(Aᵢ·x) + β·yᵢ for rows first … last−1, four rows per pass over x, then one at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dots<T, TV, TLanes>(int first, int last, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, T beta, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TLanes : ILanes<T, TV>
    {
        ref T aRef = ref MemoryMarshal.GetReference(a);
        ref T xRef = ref MemoryMarshal.GetReference(x);
        int count = TLanes.Count;
        int i = first;
        for (; i + 3 < last; i += 4)
        {
            ref T row0 = ref Unsafe.Add(ref aRef, (nint)i * lda);
            ref T row1 = ref Unsafe.Add(ref row0, lda);
            ref T row2 = ref Unsafe.Add(ref row1, lda);
            ref T row3 = ref Unsafe.Add(ref row2, lda);
            var acc0 = TLanes.Zero;
            var acc1 = TLanes.Zero;
            var acc2 = TLanes.Zero;
            var acc3 = TLanes.Zero;
            int j = 0;
            for (; j + count <= n; j += count)
            {
                var xj = TLanes.Load(ref xRef, (nuint)j);
                acc0 = TLanes.MultiplyAdd(TLanes.Load(ref row0, (nuint)j), xj, acc0);
                acc1 = TLanes.MultiplyAdd(TLanes.Load(ref row1, (nuint)j), xj, acc1);
                acc2 = TLanes.MultiplyAdd(TLanes.Load(ref row2, (nuint)j), xj, acc2);
                acc3 = TLanes.MultiplyAdd(TLanes.Load(ref row3, (nuint)j), xj, acc3);
            }

            T dot0 = TLanes.Sum(acc0), dot1 = TLanes.Sum(acc1), dot2 = TLanes.Sum(acc2), dot3 = TLanes.Sum(acc3);
            for (; j < n; j++)
            {
                T xj = Unsafe.Add(ref xRef, j);
                dot0 += Unsafe.Add(ref row0, j) * xj;
                dot1 += Unsafe.Add(ref row1, j) * xj;
                dot2 += Unsafe.Add(ref row2, j) * xj;
                dot3 += Unsafe.Add(ref row3, j) * xj;
            }

            y[i] = Scaled(alpha, dot0, beta, y[i]);
            y[i + 1] = Scaled(alpha, dot1, beta, y[i + 1]);
            y[i + 2] = Scaled(alpha, dot2, beta, y[i + 2]);
            y[i + 3] = Scaled(alpha, dot3, beta, y[i + 3]);
        }

        for (; i < last; i++)
        {
            ref T row = ref Unsafe.Add(ref aRef, (nint)i * lda);
            var acc = TLanes.Zero;
            int j = 0;
            for (; j + count <= n; j += count) acc = TLanes.MultiplyAdd(TLanes.Load(ref row, (nuint)j), TLanes.Load(ref xRef, (nuint)j), acc);
            T dot = TLanes.Sum(acc);
            for (; j < n; j++) dot += Unsafe.Add(ref row, j) * Unsafe.Add(ref xRef, j);
            y[i] = Scaled(alpha, dot, beta, y[i]);
        }
    }

    /// <summary>α·dot + β·y, with β = 0 ignoring y (BLAS: y need not be initialised then).</summary>
    private static T Scaled<T>(T alpha, T dot, T beta, T y)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (alpha * dot) + (beta == T.Zero ? T.Zero : beta * y);

    /// <summary>y_j += Σᵢ a_ij·(α·xᵢ) for rows first … last−1, strip by strip, four rows per pass over the strip, then one at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Axpys<T, TV, TLanes>(int first, int last, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TLanes : ILanes<T, TV>
    {
        ref T aRef = ref MemoryMarshal.GetReference(a);
        ref T yRef = ref MemoryMarshal.GetReference(y);
        int count = TLanes.Count;
        for (int j0 = 0; j0 < n; j0 += Strip)
        {
            int end = Math.Min(n, j0 + Strip);
            int i = first;
            for (; i + 3 < last; i += 4)
            {
                ref T row0 = ref Unsafe.Add(ref aRef, (nint)i * lda);
                ref T row1 = ref Unsafe.Add(ref row0, lda);
                ref T row2 = ref Unsafe.Add(ref row1, lda);
                ref T row3 = ref Unsafe.Add(ref row2, lda);
                T s0 = alpha * x[i], s1 = alpha * x[i + 1], s2 = alpha * x[i + 2], s3 = alpha * x[i + 3];
                var w0 = TLanes.Create(s0);
                var w1 = TLanes.Create(s1);
                var w2 = TLanes.Create(s2);
                var w3 = TLanes.Create(s3);
                int j = j0;
                for (; j + count <= end; j += count)
                {
                    var yj = TLanes.MultiplyAdd(TLanes.Load(ref row0, (nuint)j), w0, TLanes.Load(ref yRef, (nuint)j));
                    yj = TLanes.MultiplyAdd(TLanes.Load(ref row1, (nuint)j), w1, yj);
                    yj = TLanes.MultiplyAdd(TLanes.Load(ref row2, (nuint)j), w2, yj);
                    TLanes.Store(TLanes.MultiplyAdd(TLanes.Load(ref row3, (nuint)j), w3, yj), ref yRef, (nuint)j);
                }

                for (; j < end; j++)
                {
                    Unsafe.Add(ref yRef, j) += (Unsafe.Add(ref row0, j) * s0) + (Unsafe.Add(ref row1, j) * s1)
                        + (Unsafe.Add(ref row2, j) * s2) + (Unsafe.Add(ref row3, j) * s3);
                }
            }

            for (; i < last; i++)
            {
                ref T row = ref Unsafe.Add(ref aRef, (nint)i * lda);
                T s = alpha * x[i];
                var w = TLanes.Create(s);
                int j = j0;
                for (; j + count <= end; j += count)
                    TLanes.Store(TLanes.MultiplyAdd(TLanes.Load(ref row, (nuint)j), w, TLanes.Load(ref yRef, (nuint)j)), ref yRef, (nuint)j);
                for (; j < end; j++) Unsafe.Add(ref yRef, j) += Unsafe.Add(ref row, j) * s;
            }
        }
    }
}
