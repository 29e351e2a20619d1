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

    private void ApplyToColumns(double[] x, int columns, int from, int to)
    {
        for (int c0 = from; c0 < to; c0 += StripWidth)
            ApplyToStrip(x, columns, c0, Math.Min(StripWidth, to - c0));
    }

    private void ApplyToStrip(double[] x, int columns, int c0, int width)
    {
        ref double origin = ref MemoryMarshal.GetArrayDataReference(x);
        for (int r = 0; r < Count; r++)
        {
            double c = _cs[2 * r], s = _cs[2 * r + 1];
            ref double upper = ref Unsafe.Add(ref origin, (nint)_index[r] * columns + c0);
            ref double lower = ref Unsafe.Add(ref upper, columns);
            Rotate(ref upper, ref lower, width, c, s);
        }
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
