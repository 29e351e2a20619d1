using System.Numerics.Tensors;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Numerics;

namespace MathForML.DimensionalityReduction;

/// <summary>Shared steps of the PCA solvers: the centred (and scaled) copy of X, and completing a set of orthonormal rows.</summary>
internal static class PcaCentering
{
    /// <summary>Z̃ = (X − 1μᵀ)·diag(1/σ) as a new row-major array (no scaling when <paramref name="scale"/> is empty).</summary>
    public static double[] Centered(LinearAlgebra.Matrix x, ReadOnlySpan<double> mean, ReadOnlySpan<double> scale)
    {
        int n = x.Rows, d = x.Columns;
        var z = LargeArray.Uninitialized<double>(n * d);   // every row is written below
        var data = x.AsSpan();
        for (int i = 0; i < n; i++)
        {
            var row = z.AsSpan(i * d, d);
            TensorPrimitives.Subtract(data.Slice(i * d, d), mean, row);
            if (!scale.IsEmpty) TensorPrimitives.Divide(row, scale, row);
        }

        return z;
    }

    /// <summary>
    /// Fills rows <paramref name="from"/> … <paramref name="to"/> − 1 of <paramref name="rows"/> (each of length
    /// <paramref name="d"/>) with unit vectors orthogonal to all rows before them: Gram–Schmidt (twice) on the
    /// standard basis vector with the largest residual.
    /// </summary>
    public static void CompleteOrthonormalRows(double[] rows, int from, int to, int d)
    {
        var candidate = new double[d];
        for (int r = from; r < to; r++)
        {
            double bestNorm = -1;
            int best = 0;
            for (int e = 0; e < d; e++)
            {
                // Residual norm² of eₑ = 1 − Σ_previous (row_p[e])².
                double s = 1;
                for (int p = 0; p < r; p++) s -= rows[p * d + e] * rows[p * d + e];
                if (s > bestNorm) { bestNorm = s; best = e; }
            }

            Array.Clear(candidate);
            candidate[best] = 1;
            for (int pass = 0; pass < 2; pass++)
            {
                for (int p = 0; p < r; p++)
                {
                    var prev = rows.AsSpan(p * d, d);
                    double dot = TensorPrimitives.Dot<double>(prev, candidate);
                    TensorPrimitives.MultiplyAdd(prev, -dot, candidate, candidate);
                }
            }

            TensorPrimitives.Divide(candidate, TensorPrimitives.Norm<double>(candidate), candidate);
            if (SignConvention.NeedsFlip(candidate)) TensorPrimitives.Negate<double>(candidate, candidate);
            candidate.CopyTo(rows.AsSpan(r * d, d));
        }
    }
}
