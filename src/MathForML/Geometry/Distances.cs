using System.Numerics.Tensors;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Geometry;

/// <summary>
/// Euclidean distances between the rows of data sets: ‖xᵢ − yⱼ‖ for X (N×D) and Y (M×D).
/// </summary>
/// <remarks>
/// The matrix of all pairwise distances uses ‖x − y‖² = ‖x‖² + ‖y‖² − 2·xᵀy, so its work is one GEMM X·Yᵀ (2NMD flops)
/// instead of N·M difference loops; rounding can make the formula a little negative for (nearly) equal rows, so it is
/// clamped at 0. <see cref="PairwiseNaive"/> is the course's double loop, for reading and testing. A single distance is
/// √(Σⱼ (xⱼ − yⱼ)²) by the <see cref="SquaredDistance"/> kernel (the one k-nearest-neighbours uses).
/// Distances (not their squares) of data whose largest magnitude is outside 2^±250 are computed on the data times the
/// power of two 2⁻ᵉ and scaled back by 2ᵉ (exact), so rows of 1e200 have distances of about 1e200 instead of ∞, and rows of
/// 1e-200 instead of 0; squared distances beyond the largest double are ∞, as they are. NaN or ±∞ in the data is an error.
/// </remarks>
public static class Distances
{
    /// <summary>‖x − y‖₂.</summary>
    public static double Euclidean(Vector x, Vector y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
            throw new DimensionMismatchException($"Vectors have lengths {x.Length} and {y.Length}.", nameof(y));
        Finite.Require(x.AsSpan(), nameof(x));
        Finite.Require(y.AsSpan(), nameof(y));
        if (PowerOfTwoScaling.ExtremeExponent(x.AsSpan(), y.AsSpan(), SafeExponent) is int e)
            return Math.ScaleB(Math.Sqrt(SquaredDistance.Compute<double>(PowerOfTwoScaling.Scaled(x.AsSpan(), -e), PowerOfTwoScaling.Scaled(y.AsSpan(), -e))), e);
        return Math.Sqrt(SquaredDistance.Compute<double>(x.AsSpan(), y.AsSpan()));
    }

    /// <summary>Dᵢⱼ = ‖xᵢ − yⱼ‖ by the double loop over rows.</summary>
    public static Matrix PairwiseNaive(Matrix x, Matrix y)
    {
        RequireSameWidth(x, y);
        if (PowerOfTwoScaling.ExtremeExponent(x.AsSpan(), y.AsSpan(), SafeExponent) is int e) return Rescaled(PairwiseNaive(PowerOfTwoScaling.Scaled(x, -e), PowerOfTwoScaling.Scaled(y, -e)), e);
        var d = new Matrix(x.Rows, y.Rows);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < y.Rows; j++)
                d[i, j] = Math.Sqrt(SquaredDistance.Compute<double>(x.RowSpan(i), y.RowSpan(j)));
        return d;
    }

    /// <summary>Dᵢⱼ = ‖xᵢ − yⱼ‖ (N×M) through the GEMM X·Yᵀ.</summary>
    public static Matrix Pairwise(Matrix x, Matrix y)
    {
        RequireSameWidth(x, y);
        if (PowerOfTwoScaling.ExtremeExponent(x.AsSpan(), y.AsSpan(), SafeExponent) is int e) return Rescaled(Pairwise(PowerOfTwoScaling.Scaled(x, -e), PowerOfTwoScaling.Scaled(y, -e)), e);
        var d = PairwiseSquared(x, y);
        TensorPrimitives.Sqrt<double>(d.AsSpan(), d.AsSpan());
        return d;
    }

    /// <summary>Dᵢⱼ = ‖xᵢ − yⱼ‖² (N×M) = ‖xᵢ‖² + ‖yⱼ‖² − 2·xᵢᵀyⱼ, clamped at 0.</summary>
    public static Matrix PairwiseSquared(Matrix x, Matrix y)
    {
        RequireSameWidth(x, y);
        int n = x.Rows, m = y.Rows, dim = x.Columns;
        var d = new Matrix(n, m);
        var yNorms = RowSquaredNorms(y);
        var data = d.AsSpan();
        Gemm.Multiply<double>(Op.None, Op.Transpose, n, m, dim, -2.0, x.AsSpan(), dim, y.AsSpan(), dim, 0.0, data, m);
        for (int i = 0; i < n; i++)
        {
            var row = data.Slice(i * m, m);
            double xi = TensorPrimitives.SumOfSquares<double>(x.RowSpan(i));
            TensorPrimitives.Add(row, yNorms, row);
            TensorPrimitives.Add(row, xi, row);
            TensorPrimitives.Max(row, 0.0, row);
        }

        return d;
    }

    /// <summary>‖xᵢ‖² for every row of <paramref name="x"/>.</summary>
    public static double[] RowSquaredNorms(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var norms = new double[x.Rows];
        for (int i = 0; i < x.Rows; i++) norms[i] = TensorPrimitives.SumOfSquares<double>(x.RowSpan(i));
        return norms;
    }

    private static void RequireSameWidth(Matrix x, Matrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Columns != y.Columns)
            throw new DimensionMismatchException($"Rows of X have {x.Columns} features, rows of Y have {y.Columns}.", nameof(y));
        Finite.Require(x, nameof(x));
        Finite.Require(y, nameof(y));
    }

    /// <summary>Data whose largest magnitude is outside 2^±250 is measured rescaled (see the type's remarks).</summary>
    private const int SafeExponent = 250;

    private static Matrix Rescaled(Matrix distances, int exponent)
    {
        PowerOfTwoScaling.ScaleInPlace(distances.AsSpan(), exponent);
        return distances;
    }
}
