using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// Symmetric matrix-vector product from the lower triangle, the BLAS routine xSYMV with UPLO = 'L' for row-major data:
/// y ← A·u for the symmetric m×m matrix A whose lower triangle (diagonal included) is held row by row in
/// <c>a[i·lda + j]</c>, j ≤ i. The upper triangle is never read.
/// </summary>
/// <remarks>
/// <para>
/// Each stored element a_ij (j &lt; i) serves twice: in the row dot product y_i += a_ij·u_j and, by symmetry, in the
/// column axpy y_j += a_ij·u_i, so the triangle is read once (m²/2 loads) instead of twice. Rows go in pairs, so one load
/// and store of y_j serves two matrix elements. The vector paths keep the dot products in lane accumulators
/// (fma(a, u, acc)) and sum the lanes at the end of the row; the tail and the scalar path multiply then add.
/// Cost: 2m² flops; memory bound on the m²/2 elements of the triangle.
/// </para>
/// <para>
/// With two or more parts the rows are cut where the triangle's area divides evenly (row m·√(t/p)); each part after the
/// first accumulates its column axpys into a private vector that is added to y at the end (one fork/join per product).
/// This is the symmetric product inside each panel column of the blocked tridiagonal reduction (LAPACK dlatrd).
/// </para>
/// </remarks>
internal static class LowerSymmetricProduct
{
    /// <summary>y ← A·u on the best path and one thread; u and y at least m long.</summary>
    public static void Multiply(ReadOnlySpan<double> a, int lda, int m, ReadOnlySpan<double> u, Span<double> y) =>
        Multiply(a, lda, m, u, y, 1, KernelPathSelection.Best);

    /// <summary>
    /// y ← A·u on the given path, split by rows into <paramref name="parts"/> pieces run in parallel. When
    /// <paramref name="firstColumn"/> is not empty it also receives A's first column, a_i0 for i = 0 … m−1 (each row's
    /// first element, on a cache line the product loads anyway): the next column the tridiagonal reduction needs.
    /// </summary>
    public static void Multiply(ReadOnlySpan<double> a, int lda, int m, ReadOnlySpan<double> u, Span<double> y, int parts, KernelPath path,
        Span<double> firstColumn = default)
    {
        KernelArguments.Operand("A", m, m, lda, a.Length);
        if (u.Length < m || y.Length < m) throw new ArgumentException($"u and y must hold at least {m} values.");
        if (!firstColumn.IsEmpty && firstColumn.Length < m) throw new ArgumentException($"firstColumn must hold at least {m} values.", nameof(firstColumn));
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        y[..m].Clear();
        parts = Math.Min(parts, m / 64 + 1);
        if (parts == 1)
        {
            Rows(a, lda, 0, m, u, y, path, firstColumn);
            return;
        }

        Parallel(a, lda, m, u, y, parts, path, firstColumn);
    }

    private static unsafe void Parallel(ReadOnlySpan<double> a, int lda, int m, ReadOnlySpan<double> u, Span<double> y, int parts, KernelPath path,
        Span<double> firstColumn)
    {
        var partial = new double[(parts - 1) * m];
        fixed (double* pa = a, pu = u, py = y, pf = firstColumn)
        {
            nint aAddress = (nint)pa, uAddress = (nint)pu, yAddress = (nint)py, fAddress = (nint)pf;
            int length = a.Length, firstLength = firstColumn.Length;
            System.Threading.Tasks.Parallel.For(0, parts, part =>
            {
                int start = Syrk.RowCut(m, part, parts, 1), end = Syrk.RowCut(m, part + 1, parts, 1);
                var target = part == 0 ? new Span<double>((double*)yAddress, m) : partial.AsSpan((part - 1) * m, m);
                Rows(new ReadOnlySpan<double>((double*)aAddress, length), lda, start, end, new ReadOnlySpan<double>((double*)uAddress, m), target, path,
                    new Span<double>((double*)fAddress, firstLength));
            });
        }

        for (int part = 1; part < parts; part++)
        {
            var piece = partial.AsSpan((part - 1) * m, m);
            for (int j = 0; j < m; j++) y[j] += piece[j];
        }
    }

    /// <summary>Adds rows <paramref name="start"/> … <paramref name="end"/>−1 of the triangle's share of A·u to y (row dots and column axpys).</summary>
    private static void Rows(ReadOnlySpan<double> a, int lda, int start, int end, ReadOnlySpan<double> u, Span<double> y, KernelPath path,
        Span<double> firstColumn)
    {
        switch (path)
        {
            case KernelPath.Vector512: Loop<Vector512<double>, Vector512Lanes<double>>(a, lda, start, end, u, y, firstColumn); break;
            case KernelPath.Vector256: Loop<Vector256<double>, Vector256Lanes<double>>(a, lda, start, end, u, y, firstColumn); break;
            default: Loop<double, ScalarLanes<double>>(a, lda, start, end, u, y, firstColumn); break;
        }
    }

    /// <summary>The one loop: rows in pairs (i, i+1) over their common columns j &lt; i in lane groups, then the leftovers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Loop<TV, TLanes>(ReadOnlySpan<double> a, int lda, int start, int end, ReadOnlySpan<double> u, Span<double> y,
        Span<double> firstColumn)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        ref double aRef = ref MemoryMarshal.GetReference(a);
        ref double uRef = ref MemoryMarshal.GetReference(u);
        ref double yRef = ref MemoryMarshal.GetReference(y);
        int count = TLanes.Count;
        bool capture = !firstColumn.IsEmpty;
        int i = start;
        for (; i + 1 < end; i += 2)
        {
            ref double row0 = ref Unsafe.Add(ref aRef, (nint)i * lda);
            ref double row1 = ref Unsafe.Add(ref aRef, (nint)(i + 1) * lda);
            double u0 = u[i], u1 = u[i + 1];
            if (capture)
            {
                firstColumn[i] = row0;
                firstColumn[i + 1] = row1;
            }

            var acc0 = TLanes.Zero;
            var acc1 = TLanes.Zero;
            var u0v = TLanes.Create(u0);
            var u1v = TLanes.Create(u1);
            int j = 0;
            for (; j + count <= i; j += count)
            {
                var x0 = TLanes.Load(ref row0, (nuint)j);
                var x1 = TLanes.Load(ref row1, (nuint)j);
                var uj = TLanes.Load(ref uRef, (nuint)j);
                acc0 = TLanes.MultiplyAdd(x0, uj, acc0);
                acc1 = TLanes.MultiplyAdd(x1, uj, acc1);
                var yj = TLanes.MultiplyAdd(x0, u0v, TLanes.Load(ref yRef, (nuint)j));
                TLanes.Store(TLanes.MultiplyAdd(x1, u1v, yj), ref yRef, (nuint)j);
            }

            double dot0 = TLanes.Sum(acc0), dot1 = TLanes.Sum(acc1);
            for (; j < i; j++)
            {
                double x0 = Unsafe.Add(ref row0, j), x1 = Unsafe.Add(ref row1, j);
                double uj = Unsafe.Add(ref uRef, j);
                dot0 += x0 * uj;
                dot1 += x1 * uj;
                Unsafe.Add(ref yRef, j) += (x0 * u0) + (x1 * u1);
            }

            // Column i of row i+1, then the two diagonal entries.
            double below = Unsafe.Add(ref row1, i);
            dot1 += below * u0;
            y[i] += dot0 + (Unsafe.Add(ref row0, i) * u0) + (below * u1);
            y[i + 1] += dot1 + (Unsafe.Add(ref row1, i + 1) * u1);
        }

        if (i < end)
        {
            ref double row = ref Unsafe.Add(ref aRef, (nint)i * lda);
            double ui = u[i], dot = 0;
            if (capture) firstColumn[i] = row;
            for (int j = 0; j < i; j++)
            {
                double x = Unsafe.Add(ref row, j);
                dot += x * Unsafe.Add(ref uRef, j);
                Unsafe.Add(ref yRef, j) += x * ui;
            }

            y[i] += dot + (Unsafe.Add(ref row, i) * ui);
        }
    }
}
