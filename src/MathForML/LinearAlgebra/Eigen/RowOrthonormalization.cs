using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Kernels;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Makes rows of a row-major matrix orthonormal in order, replacing those that carry no direction of their own by a
/// completion: the singular vectors of the SVD paths for negligible or lost singular values.
/// </summary>
/// <remarks>
/// Each row is normalised and re-orthogonalised by modified Gram-Schmidt, twice ("twice is enough"); a row whose
/// norm is at most the negligible norm, or that loses more than half its length, is replaced by the unit vector e_k with
/// the largest part outside the rows so far, orthogonalised against all of them. With q &lt; length orthonormal rows r,
/// Σ_k ‖e_k − Σ_r (r·e_k) r‖² = length − q, so the best e_k keeps at least √((length − q)/length) of its length: the
/// completion never fails. (A fixed threshold with e_0, e_1, … in turn can: with 4 rows in ℝ⁵ every e_k may keep less
/// than half its length.)
/// </remarks>
internal static class RowOrthonormalization
{
    /// <summary>
    /// Rows <paramref name="first"/> … <paramref name="count"/>−1 of <paramref name="rows"/> (rows of
    /// <paramref name="length"/> values, the earlier ones orthonormal), in order: a row with norm ≤
    /// <paramref name="negligibleNorm"/> is completed; else it is normalised and orthogonalised against the rows
    /// <paramref name="orthogonalizeFrom"/> … q−1 (the caller has made it orthogonal to the rows before those).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Orthonormalize(double[] rows, int first, int count, int length, double negligibleNorm, int orthogonalizeFrom = 0)
    {
        // Σ_r r_k² over the finished rows, made at the first completion and kept up to date after it.
        double[]? inside = null;
        for (int q = first; q < count; q++)
        {
            var u = rows.AsSpan(q * length, length);
            double norm = TensorPrimitives.Norm<double>(u);
            bool kept = false;
            if (norm > negligibleNorm && norm > 0)
            {
                TensorPrimitives.Multiply(u, 1 / norm, u);
                norm = OrthogonalizeAgainstPrior(rows, Math.Min(orthogonalizeFrom, q), q, length, u);
                kept = norm > 0.5;
            }

            if (!kept)
            {
                inside ??= Inside(rows, q, length);
                u.Clear();
                u[TensorPrimitives.IndexOfMin<double>(inside)] = 1;
                norm = OrthogonalizeAgainstPrior(rows, 0, q, length, u);
            }

            TensorPrimitives.Multiply(u, 1 / norm, u);
            if (inside is not null) TensorPrimitives.MultiplyAdd(u, u, inside, inside);
        }
    }

    /// <summary>Two passes of modified Gram-Schmidt of <paramref name="u"/> against rows from … q−1; returns the new norm.</summary>
    /// <remarks>Through <see cref="LowRankCorrection"/> (optimised from the first call) rather than TensorPrimitives, whose
    /// tier-0 code dominated a first decomposition with many vectors to complete.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double OrthogonalizeAgainstPrior(double[] rows, int from, int q, int length, Span<double> u)
    {
        var path = KernelPathSelection.Best;
        Span<double> coefficient = stackalloc double[2];
        for (int pass = 0; pass < 2; pass++)
            for (int r = from; r < q; r++)
            {
                var prior = rows.AsSpan(r * length, length);
                LowRankCorrection.Dots(prior, length, 1, length, u, coefficient, path);
                coefficient[1] = 0;
                LowRankCorrection.Subtract(prior, length, prior, length, 1, length, coefficient[..1], coefficient[1..], u, path);
            }

        LowRankCorrection.Dots(u, length, 1, length, u, coefficient, path);
        return Math.Sqrt(coefficient[0]);
    }

    /// <summary>
    /// Σ_r r_k² over the orthonormal rows 0…q−1: the part of e_k inside them is that, so the e_k with the smallest
    /// entry has the largest part 1 − Σ_r r_k² outside.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Inside(double[] rows, int q, int length)
    {
        var inside = new double[length];
        for (int r = 0; r < q; r++)
        {
            var prior = rows.AsSpan(r * length, length);
            TensorPrimitives.MultiplyAdd(prior, prior, inside, inside);
        }

        return inside;
    }
}
