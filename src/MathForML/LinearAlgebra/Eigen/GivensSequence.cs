using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// A recorded sequence of plane rotations G(i, c, s) acting on rows i and i+1 of a row-major matrix:
/// row_i ← c·row_i − s·row_{i+1}, row_{i+1} ← s·row_i + c·row_{i+1} (both on the old values).
/// </summary>
/// <remarks>
/// The implicit QL iteration decides its rotations from the tridiagonal alone, so they can be recorded first and
/// replayed on the eigenvector rows afterwards. Replaying the whole sequence on one narrow strip of columns at a time
/// keeps the strip (n rows × 64 columns) in the L2 cache instead of streaming the whole matrix from memory once per QL
/// sweep; strips are independent, so the two halves of the columns run on two threads.
/// Cost: 6 flops per rotation and column.
/// </remarks>
internal sealed class GivensSequence
{
    private const int StripWidth = 64;
    private const int ParallelColumns = 128;

    private int[] _index;
    private double[] _cs;

    /// <summary>Creates an empty sequence with room for <paramref name="capacity"/> rotations (QL needs about 1.1n²).</summary>
    public GivensSequence(int capacity = 1024)
    {
        capacity = Math.Max(capacity, 16);
        _index = new int[capacity];
        _cs = new double[2 * capacity];
    }

    /// <summary>Number of recorded rotations.</summary>
    public int Count { get; private set; }

    /// <summary>Records a rotation of rows i and i+1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int i, double c, double s)
    {
        if (Count == _index.Length)
        {
            Array.Resize(ref _index, Count * 2);
            Array.Resize(ref _cs, Count * 4);
        }

        _index[Count] = i;
        _cs[2 * Count] = c;
        _cs[2 * Count + 1] = s;
        Count++;
    }

    /// <summary>Applies the rotations, in recording order, to the rows of the n×columns row-major matrix <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ApplyToRows(double[] x, int columns)
    {
        if (Count == 0 || columns == 0) return;
        if (columns < ParallelColumns)
        {
            ApplyToColumns(x, columns, 0, columns);
            return;
        }

        int half = (columns / 2 + 7) / 8 * 8;
        Parallel.Invoke(
            () => ApplyToColumns(x, columns, 0, half),
            () => ApplyToColumns(x, columns, half, columns));
    }

    /// <summary>
    /// X ← R_1ᵀ ⋯ R_Nᵀ·X for the n×<paramref name="columns"/> row-major <paramref name="x"/>, i.e. the rotations transposed and in
    /// reverse order. If the columns of X are e_j, they become the rows j of R_N ⋯ R_1 (as columns).
    /// </summary>
    public void ApplyTransposeInReverse(double[] x, int columns)
    {
        if (columns == 0) return;
        ref double origin = ref MemoryMarshal.GetArrayDataReference(x);
        for (int r = Count - 1; r >= 0; r--)
        {
            ref double upper = ref Unsafe.Add(ref origin, (nint)_index[r] * columns);
            Rotate(ref upper, ref Unsafe.Add(ref upper, columns), columns, _cs[2 * r], -_cs[2 * r + 1]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyToColumns(double[] x, int columns, int from, int to)
    {
        for (int c0 = from; c0 < to; c0 += StripWidth)
            ApplyToStrip(x, columns, c0, Math.Min(StripWidth, to - c0));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyToStrip(double[] x, int columns, int c0, int width)
    {
        ref double origin = ref MemoryMarshal.GetArrayDataReference(x);
        bool fused = Vector512.IsHardwareAccelerated && width == StripWidth;
        for (int r = 0; r < Count;)
        {
            // A QL sweep is a run of rotations on rows (i, i+1), (i−1, i), (i−2, i−1), …
            int end = r + 1;
            if (fused)
                while (end < Count && _index[end] == _index[end - 1] - 1) end++;
            if (end - r > 1)
            {
                ApplyRun(ref Unsafe.Add(ref origin, c0), columns, r, end);
            }
            else
            {
                ref double upper = ref Unsafe.Add(ref origin, (nint)_index[r] * columns + c0);
                Rotate(ref upper, ref Unsafe.Add(ref upper, columns), width, _cs[2 * r], _cs[2 * r + 1]);
            }

            r = end;
        }
    }

    /// <summary>
    /// Rotations from..to−1 of one sweep on a 64-wide strip: the row shared by consecutive rotations stays in registers, so
    /// each rotation loads one row and stores one row (instead of two each), with eight independent vectors in flight.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyRun(ref double strip, int columns, int from, int to)
    {
        int first = _index[from];
        ref double lowerRow = ref Unsafe.Add(ref strip, (nint)(first + 1) * columns);
        var b0 = Vector512.LoadUnsafe(ref lowerRow, 0);
        var b1 = Vector512.LoadUnsafe(ref lowerRow, 8);
        var b2 = Vector512.LoadUnsafe(ref lowerRow, 16);
        var b3 = Vector512.LoadUnsafe(ref lowerRow, 24);
        var b4 = Vector512.LoadUnsafe(ref lowerRow, 32);
        var b5 = Vector512.LoadUnsafe(ref lowerRow, 40);
        var b6 = Vector512.LoadUnsafe(ref lowerRow, 48);
        var b7 = Vector512.LoadUnsafe(ref lowerRow, 56);
        for (int t = from; t < to; t++)
        {
            var c = Vector512.Create(_cs[2 * t]);
            var s = Vector512.Create(_cs[2 * t + 1]);
            ref double upperRow = ref Unsafe.Add(ref strip, (nint)_index[t] * columns);
            ref double finished = ref Unsafe.Add(ref upperRow, columns);
            b0 = Step(ref upperRow, ref finished, 0, b0, c, s);
            b1 = Step(ref upperRow, ref finished, 8, b1, c, s);
            b2 = Step(ref upperRow, ref finished, 16, b2, c, s);
            b3 = Step(ref upperRow, ref finished, 24, b3, c, s);
            b4 = Step(ref upperRow, ref finished, 32, b4, c, s);
            b5 = Step(ref upperRow, ref finished, 40, b5, c, s);
            b6 = Step(ref upperRow, ref finished, 48, b6, c, s);
            b7 = Step(ref upperRow, ref finished, 56, b7, c, s);
        }

        ref double lastRow = ref Unsafe.Add(ref strip, (nint)_index[to - 1] * columns);
        b0.StoreUnsafe(ref lastRow, 0);
        b1.StoreUnsafe(ref lastRow, 8);
        b2.StoreUnsafe(ref lastRow, 16);
        b3.StoreUnsafe(ref lastRow, 24);
        b4.StoreUnsafe(ref lastRow, 32);
        b5.StoreUnsafe(ref lastRow, 40);
        b6.StoreUnsafe(ref lastRow, 48);
        b7.StoreUnsafe(ref lastRow, 56);
    }

    /// <summary>a = row i (loaded), b = row i+1 (carried): stores s·a + c·b as the final row i+1, returns c·a − s·b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Step(ref double upperRow, ref double finished, nuint offset, Vector512<double> b,
        Vector512<double> c, Vector512<double> s)
    {
        var a = Vector512.LoadUnsafe(ref upperRow, offset);
        Vector512.FusedMultiplyAdd(s, a, c * b).StoreUnsafe(ref finished, offset);
        return Vector512.FusedMultiplyAdd(c, a, -(s * b));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rotate(ref double upper, ref double lower, int width, double c, double s)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var cv = Vector512.Create(c);
            var sv = Vector512.Create(s);
            for (; j + 8 <= width; j += 8)
            {
                var a = Vector512.LoadUnsafe(ref upper, (nuint)j);
                var b = Vector512.LoadUnsafe(ref lower, (nuint)j);
                Vector512.FusedMultiplyAdd(cv, a, -(sv * b)).StoreUnsafe(ref upper, (nuint)j);
                Vector512.FusedMultiplyAdd(sv, a, cv * b).StoreUnsafe(ref lower, (nuint)j);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var cv = Vector256.Create(c);
            var sv = Vector256.Create(s);
            for (; j + 4 <= width; j += 4)
            {
                var a = Vector256.LoadUnsafe(ref upper, (nuint)j);
                var b = Vector256.LoadUnsafe(ref lower, (nuint)j);
                Vector256.FusedMultiplyAdd(cv, a, -(sv * b)).StoreUnsafe(ref upper, (nuint)j);
                Vector256.FusedMultiplyAdd(sv, a, cv * b).StoreUnsafe(ref lower, (nuint)j);
            }
        }

        for (; j < width; j++)
        {
            double a = Unsafe.Add(ref upper, j), b = Unsafe.Add(ref lower, j);
            Unsafe.Add(ref upper, j) = c * a - s * b;
            Unsafe.Add(ref lower, j) = s * a + c * b;
        }
    }
}
