using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathForML.Kernels;
using MathForML.Numerics;

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
    private const int StripWidth = GivensRotation.SweepWidth;
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
    public void ApplyToRows(double[] x, int columns) => ApplyToRows(x, columns, KernelPathSelection.Best);

    /// <summary><see cref="ApplyToRows(double[], int)"/> on the given kernel path (tests force each one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void ApplyToRows(double[] x, int columns, KernelPath path)
    {
        if (Count == 0 || columns == 0) return;
        if (columns < ParallelColumns)
        {
            ApplyToColumns(x, columns, 0, columns, path);
            return;
        }

        int half = (columns / 2 + 7) / 8 * 8;
        KernelTeam.Invoke(
            () => ApplyToColumns(x, columns, 0, half, path),
            () => ApplyToColumns(x, columns, half, columns, path));
    }

    /// <summary>
    /// X ← R_1ᵀ ⋯ R_Nᵀ·X for the n×<paramref name="columns"/> row-major <paramref name="x"/>, i.e. the rotations transposed and in
    /// reverse order. If the columns of X are e_j, they become the rows j of R_N ⋯ R_1 (as columns).
    /// </summary>
    public void ApplyTransposeInReverse(double[] x, int columns) => ApplyTransposeInReverse(x, columns, KernelPathSelection.Best);

    /// <summary><see cref="ApplyTransposeInReverse(double[], int)"/> on the given kernel path (tests force each one).</summary>
    internal void ApplyTransposeInReverse(double[] x, int columns, KernelPath path)
    {
        if (columns == 0) return;
        for (int r = Count - 1; r >= 0; r--)
        {
            var upper = x.AsSpan(_index[r] * columns, 2 * columns);
            GivensRotation.Rotate(upper[..columns], upper[columns..], _cs[2 * r], -_cs[2 * r + 1], path);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyToColumns(double[] x, int columns, int from, int to, KernelPath path)
    {
        for (int c0 = from; c0 < to; c0 += StripWidth)
            ApplyToStrip(x, columns, c0, Math.Min(StripWidth, to - c0), path);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyToStrip(double[] x, int columns, int c0, int width, KernelPath path)
    {
        ref double origin = ref MemoryMarshal.GetArrayDataReference(x);
        bool fused = GivensRotation.CanSweep(path) && width == StripWidth;
        for (int r = 0; r < Count;)
        {
            // A QL sweep is a run of rotations on rows (i, i+1), (i−1, i), (i−2, i−1), …
            int end = r + 1;
            if (fused)
                while (end < Count && _index[end] == _index[end - 1] - 1) end++;
            if (end - r > 1)
            {
                GivensRotation.Sweep(ref Unsafe.Add(ref origin, c0), columns, _index, _cs, r, end);
            }
            else
            {
                ref double upper = ref Unsafe.Add(ref origin, (nint)_index[r] * columns + c0);
                GivensRotation.Rotate(MemoryMarshal.CreateSpan(ref upper, width),
                    MemoryMarshal.CreateSpan(ref Unsafe.Add(ref upper, columns), width), _cs[2 * r], _cs[2 * r + 1], path);
            }

            r = end;
        }
    }
}
