using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathForML.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// Symmetric matrix-vector product from the lower triangle, the BLAS routine xSYMV with UPLO = 'L' for row-major data:
/// y ← A·u for the symmetric m×m matrix A whose lower triangle (diagonal included) is held row by row in
/// <c>a[i·lda + j]</c>, j ≤ i. The upper triangle is never read.
/// </summary>
/// <remarks>
/// <para>
/// Each stored element a_ij (j &lt; i) serves twice: in the row dot product y_i += a_ij·u_j and, by symmetry, in the
/// column axpy y_j += a_ij·u_i, so the triangle is read once (m²/2 loads) instead of twice. Rows go in blocks of four
/// (eight on the 512-bit path from order <see cref="OctetOrder"/> on), so one load of u_j and one load and store of y_j serve
/// four (eight) matrix elements: the loop then streams A and little else. The vector paths keep the dot products in
/// lane accumulators (fma(a, u, acc)) and sum the lanes at the end of the block; the leftover columns, the small
/// triangle on the block's own columns and the scalar path multiply then add. Cost: 2m² flops; memory bound on the
/// m²/2 elements of the triangle.
/// </para>
/// <para>
/// Measured in the tridiagonal reduction (eigenvalues only, random symmetric, 2-core Zen 5, medians of 7 warm calls):
/// pairs → blocks of four 0.364–0.371 → 0.321–0.328 s at n = 2000 and 0.037–0.039 → 0.032–0.035 s at 784; blocks of
/// eight a further 0.315–0.323 → 0.301–0.317 s at 2000 (eight from order 1024 on), but about 5 % slower at 784 (its
/// triangle fits the caches; the longer scalar corners cost more than the loads saved), hence the order where they start.
/// </para>
/// <para>
/// With two or more parts the rows are cut where the triangle's area divides evenly (row m·√(t/p)); each part after the
/// first accumulates its column axpys into a private vector that is added to y at the end (one fork/join per product).
/// This is the symmetric product inside each panel column of the blocked tridiagonal reduction (LAPACK dlatrd).
/// </para>
/// </remarks>
internal static class LowerSymmetricProduct
{
    /// <summary>The order from which the 512-bit path takes rows in blocks of eight (a triangle this large no longer sits in a core's caches).</summary>
    internal const int OctetOrder = 1024;

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
            Rows(a, lda, 0, m, u, y, path, m >= OctetOrder, firstColumn);
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
            KernelTeam.For(0, parts, part =>
            {
                int start = Syrk.RowCut(m, part, parts, 1), end = Syrk.RowCut(m, part + 1, parts, 1);
                var target = part == 0 ? new Span<double>((double*)yAddress, m) : partial.AsSpan((part - 1) * m, m);
                Rows(new ReadOnlySpan<double>((double*)aAddress, length), lda, start, end, new ReadOnlySpan<double>((double*)uAddress, m), target, path,
                    m >= OctetOrder, new Span<double>((double*)fAddress, firstLength));
            });
        }

        for (int part = 1; part < parts; part++)
        {
            var piece = partial.AsSpan((part - 1) * m, m);
            for (int j = 0; j < m; j++) y[j] += piece[j];
        }
    }

    /// <summary>
    /// Part <paramref name="part"/> of <paramref name="parts"/> of y ← A·u, split as <see cref="Multiply(ReadOnlySpan{double}, int, int, ReadOnlySpan{double}, Span{double}, int, KernelPath, Span{double})"/>
    /// splits it (rows cut where the triangle's area divides evenly): that part's row dots and column axpys are added to
    /// <paramref name="target"/> (m long, cleared by the caller), and the parts' targets summed give y. For callers that
    /// run the parts on threads of their own (the tridiagonal panel's <see cref="Numerics.SpinningPair"/>).
    /// </summary>
    public static void MultiplyPart(ReadOnlySpan<double> a, int lda, int m, ReadOnlySpan<double> u, Span<double> target, int part, int parts,
        KernelPath path, Span<double> firstColumn = default)
    {
        KernelArguments.Operand("A", m, m, lda, a.Length);
        if (u.Length < m || target.Length < m) throw new ArgumentException($"u and the target must hold at least {m} values.");
        if (!firstColumn.IsEmpty && firstColumn.Length < m) throw new ArgumentException($"firstColumn must hold at least {m} values.", nameof(firstColumn));
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(part, parts);
        int start = Syrk.RowCut(m, part, parts, 1), end = Syrk.RowCut(m, part + 1, parts, 1);
        Rows(a, lda, start, end, u, target, path, m >= OctetOrder, firstColumn);
    }

    /// <summary>Adds rows <paramref name="start"/> … <paramref name="end"/>−1 of the triangle's share of A·u to y (row dots and column axpys).</summary>
    private static void Rows(ReadOnlySpan<double> a, int lda, int start, int end, ReadOnlySpan<double> u, Span<double> y, KernelPath path,
        bool octets, Span<double> firstColumn)
    {
        switch (path)
        {
            case KernelPath.Vector512: Loop<Vector512<double>, Vector512Lanes<double>>(a, lda, start, end, u, y, octets, firstColumn); break;
            case KernelPath.Vector256: Loop<Vector256<double>, Vector256Lanes<double>>(a, lda, start, end, u, y, false, firstColumn); break;
            default: Loop<double, ScalarLanes<double>>(a, lda, start, end, u, y, false, firstColumn); break;
        }
    }

    /// <summary>
    /// Rows from <paramref name="start"/> up to <paramref name="end"/>: in blocks of eight when <paramref name="octets"/>
    /// (the 512-bit path on a large triangle), then of four, then the last pair and single row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Loop<TV, TLanes>(ReadOnlySpan<double> a, int lda, int start, int end, ReadOnlySpan<double> u, Span<double> y,
        bool octets, Span<double> firstColumn)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        ref double aRef = ref MemoryMarshal.GetReference(a);
        ref double uRef = ref MemoryMarshal.GetReference(u);
        ref double yRef = ref MemoryMarshal.GetReference(y);
        int i = start;
        if (octets && TLanes.Count == 8) i = Octets<TV, TLanes>(ref aRef, lda, i, end, ref uRef, ref yRef, firstColumn);

        i = Quads<TV, TLanes>(ref aRef, lda, i, end, ref uRef, ref yRef, firstColumn);
        Tail<TV, TLanes>(ref aRef, lda, i, end, ref uRef, ref yRef, firstColumn);
    }

    /// <summary>Rows i, i+1, i+2, i+3 together while four remain before <paramref name="end"/>; returns the first row left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Quads<TV, TLanes>(ref double aRef, int lda, int start, int end, ref double uRef, ref double yRef, Span<double> firstColumn)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        int count = TLanes.Count;
        bool capture = !firstColumn.IsEmpty;
        int i = start;
        for (; i + 3 < end; i += 4)
        {
            ref double row0 = ref Unsafe.Add(ref aRef, (nint)i * lda);
            ref double row1 = ref Unsafe.Add(ref row0, lda);
            ref double row2 = ref Unsafe.Add(ref row1, lda);
            ref double row3 = ref Unsafe.Add(ref row2, lda);
            double u0 = Unsafe.Add(ref uRef, i), u1 = Unsafe.Add(ref uRef, i + 1), u2 = Unsafe.Add(ref uRef, i + 2), u3 = Unsafe.Add(ref uRef, i + 3);
            if (capture)
            {
                firstColumn[i] = row0;
                firstColumn[i + 1] = row1;
                firstColumn[i + 2] = row2;
                firstColumn[i + 3] = row3;
            }

            var acc0 = TLanes.Zero;
            var acc1 = TLanes.Zero;
            var acc2 = TLanes.Zero;
            var acc3 = TLanes.Zero;
            var u0v = TLanes.Create(u0);
            var u1v = TLanes.Create(u1);
            var u2v = TLanes.Create(u2);
            var u3v = TLanes.Create(u3);
            int j = 0;
            for (; j + count <= i; j += count)
            {
                var uj = TLanes.Load(ref uRef, (nuint)j);
                var x0 = TLanes.Load(ref row0, (nuint)j);
                var x1 = TLanes.Load(ref row1, (nuint)j);
                var x2 = TLanes.Load(ref row2, (nuint)j);
                var x3 = TLanes.Load(ref row3, (nuint)j);
                acc0 = TLanes.MultiplyAdd(x0, uj, acc0);
                acc1 = TLanes.MultiplyAdd(x1, uj, acc1);
                acc2 = TLanes.MultiplyAdd(x2, uj, acc2);
                acc3 = TLanes.MultiplyAdd(x3, uj, acc3);
                var yj = TLanes.MultiplyAdd(x0, u0v, TLanes.Load(ref yRef, (nuint)j));
                yj = TLanes.MultiplyAdd(x1, u1v, yj);
                yj = TLanes.MultiplyAdd(x2, u2v, yj);
                TLanes.Store(TLanes.MultiplyAdd(x3, u3v, yj), ref yRef, (nuint)j);
            }

            double dot0 = TLanes.Sum(acc0), dot1 = TLanes.Sum(acc1), dot2 = TLanes.Sum(acc2), dot3 = TLanes.Sum(acc3);
            for (; j < i; j++)
            {
                double x0 = Unsafe.Add(ref row0, j), x1 = Unsafe.Add(ref row1, j), x2 = Unsafe.Add(ref row2, j), x3 = Unsafe.Add(ref row3, j);
                double uj = Unsafe.Add(ref uRef, j);
                dot0 += x0 * uj;
                dot1 += x1 * uj;
                dot2 += x2 * uj;
                dot3 += x3 * uj;
                Unsafe.Add(ref yRef, j) += (x0 * u0) + (x1 * u1) + (x2 * u2) + (x3 * u3);
            }

            // The 4×4 lower block on columns i … i+3: each below-diagonal element serves its row's dot and its column's y.
            double a10 = Unsafe.Add(ref row1, i);
            double a20 = Unsafe.Add(ref row2, i), a21 = Unsafe.Add(ref row2, i + 1);
            double a30 = Unsafe.Add(ref row3, i), a31 = Unsafe.Add(ref row3, i + 1), a32 = Unsafe.Add(ref row3, i + 2);
            dot1 += a10 * u0;
            dot2 += (a20 * u0) + (a21 * u1);
            dot3 += (a30 * u0) + (a31 * u1) + (a32 * u2);
            Unsafe.Add(ref yRef, i) += dot0 + (Unsafe.Add(ref row0, i) * u0) + (a10 * u1) + (a20 * u2) + (a30 * u3);
            Unsafe.Add(ref yRef, i + 1) += dot1 + (Unsafe.Add(ref row1, i + 1) * u1) + (a21 * u2) + (a31 * u3);
            Unsafe.Add(ref yRef, i + 2) += dot2 + (Unsafe.Add(ref row2, i + 2) * u2) + (a32 * u3);
            Unsafe.Add(ref yRef, i + 3) += dot3 + (Unsafe.Add(ref row3, i + 3) * u3);
        }

        return i;
    }

    /// <summary>The rows left after the blocks (at most three): a pair, then a single row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tail<TV, TLanes>(ref double aRef, int lda, int start, int end, ref double uRef, ref double yRef, Span<double> firstColumn)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        int count = TLanes.Count;
        bool capture = !firstColumn.IsEmpty;
        int i = start;
        for (; i + 1 < end; i += 2)
        {
            ref double row0 = ref Unsafe.Add(ref aRef, (nint)i * lda);
            ref double row1 = ref Unsafe.Add(ref aRef, (nint)(i + 1) * lda);
            double u0 = Unsafe.Add(ref uRef, i), u1 = Unsafe.Add(ref uRef, i + 1);
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
            Unsafe.Add(ref yRef, i) += dot0 + (Unsafe.Add(ref row0, i) * u0) + (below * u1);
            Unsafe.Add(ref yRef, i + 1) += dot1 + (Unsafe.Add(ref row1, i + 1) * u1);
        }

        if (i < end)
        {
            ref double row = ref Unsafe.Add(ref aRef, (nint)i * lda);
            double ui = Unsafe.Add(ref uRef, i), dot = 0;
            if (capture) firstColumn[i] = row;
            for (int j = 0; j < i; j++)
            {
                double x = Unsafe.Add(ref row, j);
                dot += x * Unsafe.Add(ref uRef, j);
                Unsafe.Add(ref yRef, j) += x * ui;
            }

            Unsafe.Add(ref yRef, i) += dot + (Unsafe.Add(ref row, i) * ui);
        }
    }

    /// <summary>
    /// Rows i … i+7 together while eight remain before <paramref name="end"/> (the 512-bit path: 8 accumulators, 8
    /// broadcasts and 8 rows' loads fit its 32 registers); each block's leftover columns and its own 8×8 corner go row by
    /// row. Returns the first row left.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Octets<TV, TLanes>(ref double aRef, int lda, int start, int end, ref double uRef, ref double yRef, Span<double> firstColumn)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        int count = TLanes.Count;
        Span<double> dots = stackalloc double[8];
        int i = start;
        for (; i + 7 < end; i += 8)
        {
            ref double r0 = ref Unsafe.Add(ref aRef, (nint)i * lda);
            ref double r1 = ref Unsafe.Add(ref r0, lda);
            ref double r2 = ref Unsafe.Add(ref r1, lda);
            ref double r3 = ref Unsafe.Add(ref r2, lda);
            ref double r4 = ref Unsafe.Add(ref r3, lda);
            ref double r5 = ref Unsafe.Add(ref r4, lda);
            ref double r6 = ref Unsafe.Add(ref r5, lda);
            ref double r7 = ref Unsafe.Add(ref r6, lda);
            var c0 = TLanes.Zero;
            var c1 = TLanes.Zero;
            var c2 = TLanes.Zero;
            var c3 = TLanes.Zero;
            var c4 = TLanes.Zero;
            var c5 = TLanes.Zero;
            var c6 = TLanes.Zero;
            var c7 = TLanes.Zero;
            var v0 = TLanes.Create(Unsafe.Add(ref uRef, i));
            var v1 = TLanes.Create(Unsafe.Add(ref uRef, i + 1));
            var v2 = TLanes.Create(Unsafe.Add(ref uRef, i + 2));
            var v3 = TLanes.Create(Unsafe.Add(ref uRef, i + 3));
            var v4 = TLanes.Create(Unsafe.Add(ref uRef, i + 4));
            var v5 = TLanes.Create(Unsafe.Add(ref uRef, i + 5));
            var v6 = TLanes.Create(Unsafe.Add(ref uRef, i + 6));
            var v7 = TLanes.Create(Unsafe.Add(ref uRef, i + 7));
            int j = 0;
            for (; j + count <= i; j += count)
            {
                // Rows 0–3, then rows 4–7: each half's loads, dot products and share of y_j.
                var uj = TLanes.Load(ref uRef, (nuint)j);
                var x0 = TLanes.Load(ref r0, (nuint)j);
                var x1 = TLanes.Load(ref r1, (nuint)j);
                var x2 = TLanes.Load(ref r2, (nuint)j);
                var x3 = TLanes.Load(ref r3, (nuint)j);
                c0 = TLanes.MultiplyAdd(x0, uj, c0);
                c1 = TLanes.MultiplyAdd(x1, uj, c1);
                c2 = TLanes.MultiplyAdd(x2, uj, c2);
                c3 = TLanes.MultiplyAdd(x3, uj, c3);
                var yj = TLanes.MultiplyAdd(x0, v0, TLanes.Load(ref yRef, (nuint)j));
                yj = TLanes.MultiplyAdd(x1, v1, yj);
                yj = TLanes.MultiplyAdd(x2, v2, yj);
                yj = TLanes.MultiplyAdd(x3, v3, yj);
                var x4 = TLanes.Load(ref r4, (nuint)j);
                var x5 = TLanes.Load(ref r5, (nuint)j);
                var x6 = TLanes.Load(ref r6, (nuint)j);
                var x7 = TLanes.Load(ref r7, (nuint)j);
                c4 = TLanes.MultiplyAdd(x4, uj, c4);
                c5 = TLanes.MultiplyAdd(x5, uj, c5);
                c6 = TLanes.MultiplyAdd(x6, uj, c6);
                c7 = TLanes.MultiplyAdd(x7, uj, c7);
                yj = TLanes.MultiplyAdd(x4, v4, yj);
                yj = TLanes.MultiplyAdd(x5, v5, yj);
                yj = TLanes.MultiplyAdd(x6, v6, yj);
                TLanes.Store(TLanes.MultiplyAdd(x7, v7, yj), ref yRef, (nuint)j);
            }

            dots[0] = TLanes.Sum(c0);
            dots[1] = TLanes.Sum(c1);
            dots[2] = TLanes.Sum(c2);
            dots[3] = TLanes.Sum(c3);
            dots[4] = TLanes.Sum(c4);
            dots[5] = TLanes.Sum(c5);
            dots[6] = TLanes.Sum(c6);
            dots[7] = TLanes.Sum(c7);

            // Row by row: the columns left over from the lane groups and the block's own lower corner, then the diagonal.
            for (int k = 0; k < 8; k++)
            {
                ref double row = ref Unsafe.Add(ref aRef, (nint)(i + k) * lda);
                if (!firstColumn.IsEmpty) firstColumn[i + k] = row;
                double uk = Unsafe.Add(ref uRef, i + k);
                double dot = dots[k];
                for (int jj = j; jj < i + k; jj++)
                {
                    double x = Unsafe.Add(ref row, jj);
                    dot += x * Unsafe.Add(ref uRef, jj);
                    Unsafe.Add(ref yRef, jj) += x * uk;
                }

                Unsafe.Add(ref yRef, i + k) += dot + (Unsafe.Add(ref row, i + k) * uk);
            }
        }

        return i;
    }
}
