using System.Numerics;
using System.Runtime.CompilerServices;

namespace MathForML.Kernels;

/// <summary>Completes a symmetric matrix from its lower triangle: C[i, j] ← C[j, i] for i &lt; j, in 32×32 tiles so reads and writes stay in L1.</summary>
internal static class SymmetricMirror
{
    private const int Tile = 32;

    /// <summary>Copies the strict lower triangle of the n×n row-major <paramref name="c"/> onto its upper triangle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LowerToUpper<T>(Span<T> c, int n, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i0 = 0; i0 < n; i0 += Tile)
            for (int j0 = i0; j0 < n; j0 += Tile)
            {
                int i1 = Math.Min(i0 + Tile, n), j1 = Math.Min(j0 + Tile, n);
                for (int i = i0; i < i1; i++)
                    for (int j = Math.Max(j0, i + 1); j < j1; j++)
                        c[(i * ldc) + j] = c[(j * ldc) + i];
            }
    }
}
