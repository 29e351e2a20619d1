using System.Numerics;
using System.Numerics.Tensors;

namespace MathForML.Kernels;

/// <summary>C ← β·C on an m×n row-major block, the whole of GEMM/SYRK when α = 0 or k = 0. β = 0 clears C (NaN included).</summary>
internal static class BetaScaling
{
    /// <summary>C ← β·C, rows of <paramref name="n"/> elements <paramref name="ldc"/> apart.</summary>
    public static void Apply<T>(T beta, Span<T> c, int m, int n, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.One) return;
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == T.Zero) row.Clear();
            else TensorPrimitives.Multiply(row, beta, row);
        }
    }
}
