using System.Numerics;
using System.Runtime.CompilerServices;
using MathForML.Numerics;

namespace MathForML.Kernels;

/// <summary>Out-of-place transpose of a row-major matrix, blocked in 32×32 tiles so reads and writes both stay in L1.</summary>
internal static class TransposeKernel
{
    private const int Tile = 32;

    /// <summary>Elements from which the transpose splits its tile rows between two threads (a 512×512 matrix: 2 MB each way).</summary>
    internal const int ParallelElements = 1 << 18;

    /// <summary>
    /// Writes the columns×rows transpose of the rows×columns row-major <paramref name="source"/> into
    /// <paramref name="destination"/>; from <see cref="ParallelElements"/> elements the source's tile rows are split
    /// between two threads (memory-bound: a 2000×2000 transpose 15 → 8 ms on the 2-core Xeon).
    /// </summary>
    public static unsafe void Transpose<T>(ReadOnlySpan<T> source, int rows, int columns, Span<T> destination)
        where T : unmanaged, INumberBase<T>
    {
        if (source.Length < rows * columns || destination.Length < rows * columns)
            throw new ArgumentException("Spans are shorter than rows·columns.");
        int tileRows = (rows + Tile - 1) / Tile;
        if ((long)rows * columns < ParallelElements || tileRows < 2 || Environment.ProcessorCount < 2)
        {
            Tiles(source, rows, columns, destination, 0, rows);
            return;
        }

        int middle = tileRows / 2 * Tile;
        fixed (T* ps = source, pd = destination)
        {
            nint sAddress = (nint)ps, dAddress = (nint)pd;
            int sLength = source.Length, dLength = destination.Length;
            KernelTeam.Invoke(
                () => Tiles(new ReadOnlySpan<T>((T*)sAddress, sLength), rows, columns, new Span<T>((T*)dAddress, dLength), 0, middle),
                () => Tiles(new ReadOnlySpan<T>((T*)sAddress, sLength), rows, columns, new Span<T>((T*)dAddress, dLength), middle, rows));
        }
    }

    /// <summary>
    /// The transpose of the source's rows taken in <paramref name="order"/> and scaled: destination[j·rows + q] =
    /// scale[q]·source[order[q]·columns + j] for q &lt; rows (= order's length), j &lt; columns — a reordering, a sign
    /// flip and a transpose in one pass (tiled and split between two threads as <see cref="Transpose{T}"/>).
    /// </summary>
    public static unsafe void TransposeRows(ReadOnlySpan<double> source, ReadOnlySpan<int> order, ReadOnlySpan<double> scale, int columns, Span<double> destination)
    {
        int rows = order.Length;
        if (scale.Length < rows || destination.Length < rows * columns)
            throw new ArgumentException("scale or destination is shorter than the rows asked for.");
        foreach (int r in order)
            if (r < 0 || (long)(r + 1) * columns > source.Length) throw new ArgumentOutOfRangeException(nameof(order), r, "A row index is outside the source.");
        int tileRows = (rows + Tile - 1) / Tile;
        if ((long)rows * columns < ParallelElements || tileRows < 2 || Environment.ProcessorCount < 2)
        {
            OrderedTiles(source, order, scale, columns, destination, 0, rows);
            return;
        }

        int middle = tileRows / 2 * Tile;
        fixed (double* ps = source, pd = destination, pScale = scale)
        fixed (int* po = order)
        {
            nint sAddress = (nint)ps, dAddress = (nint)pd, scaleAddress = (nint)pScale, oAddress = (nint)po;
            int sLength = source.Length, dLength = destination.Length;
            KernelTeam.Invoke(
                () => OrderedTiles(new ReadOnlySpan<double>((double*)sAddress, sLength), new ReadOnlySpan<int>((int*)oAddress, rows),
                    new ReadOnlySpan<double>((double*)scaleAddress, rows), columns, new Span<double>((double*)dAddress, dLength), 0, middle),
                () => OrderedTiles(new ReadOnlySpan<double>((double*)sAddress, sLength), new ReadOnlySpan<int>((int*)oAddress, rows),
                    new ReadOnlySpan<double>((double*)scaleAddress, rows), columns, new Span<double>((double*)dAddress, dLength), middle, rows));
        }
    }

    /// <summary>The tiles of <see cref="TransposeRows"/> for output columns (source rows in order) <paramref name="from"/> … <paramref name="to"/>−1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OrderedTiles(ReadOnlySpan<double> source, ReadOnlySpan<int> order, ReadOnlySpan<double> scale, int columns, Span<double> destination,
        int from, int to)
    {
        int rows = order.Length;
        for (int q0 = from; q0 < to; q0 += Tile)
        {
            int q1 = Math.Min(q0 + Tile, to);
            for (int j0 = 0; j0 < columns; j0 += Tile)
            {
                int j1 = Math.Min(j0 + Tile, columns);
                for (int q = q0; q < q1; q++)
                {
                    var row = source.Slice(order[q] * columns, columns);
                    double factor = scale[q];
                    for (int j = j0; j < j1; j++) destination[j * rows + q] = factor * row[j];
                }
            }
        }
    }

    /// <summary>The tiles of source rows <paramref name="from"/> … <paramref name="to"/>−1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tiles<T>(ReadOnlySpan<T> source, int rows, int columns, Span<T> destination, int from, int to)
        where T : unmanaged, INumberBase<T>
    {
        for (int i0 = from; i0 < to; i0 += Tile)
        {
            int i1 = Math.Min(i0 + Tile, to);
            for (int j0 = 0; j0 < columns; j0 += Tile)
            {
                int j1 = Math.Min(j0 + Tile, columns);
                for (int i = i0; i < i1; i++)
                    for (int j = j0; j < j1; j++)
                        destination[j * rows + i] = source[i * columns + j];
            }
        }
    }
}
