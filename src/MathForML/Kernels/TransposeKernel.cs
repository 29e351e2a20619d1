using System.Numerics;
using System.Runtime.CompilerServices;

namespace MathForML.Kernels;

/// <summary>Out-of-place transpose of a row-major matrix, blocked in 32×32 tiles so reads and writes both stay in L1.</summary>
internal static class TransposeKernel
{
    private const int Tile = 32;

    /// <summary>Writes the columns×rows transpose of the rows×columns row-major <paramref name="source"/> into <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transpose<T>(ReadOnlySpan<T> source, int rows, int columns, Span<T> destination)
        where T : unmanaged, INumberBase<T>
    {
        if (source.Length < rows * columns || destination.Length < rows * columns)
            throw new ArgumentException("Spans are shorter than rows·columns.");
        for (int i0 = 0; i0 < rows; i0 += Tile)
        {
            int i1 = Math.Min(i0 + Tile, rows);
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
