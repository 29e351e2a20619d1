using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Geometry;

/// <summary>A row of a data set and its Euclidean distance from a query.</summary>
/// <param name="Index">The row's 0-based index.</param>
/// <param name="Distance">‖xᵢ − q‖₂.</param>
public readonly record struct RowDistance(int Index, double Distance);

/// <summary>
/// The rows of a data set X (N×D) nearest to one query q in Euclidean distance, ‖xᵢ − q‖₂, nearest first — the PCA
/// course's week-2 <c>most_similar_image</c>: the digit closest to a given one, leaving that one out (it is trivially
/// closest to itself).
/// </summary>
/// <remarks>
/// One exact float64 pass: ‖xᵢ − q‖² for every row by the <see cref="SquaredDistance"/> kernel (the difference form,
/// not ‖x‖² + ‖q‖² − 2xᵀq, so near-duplicates keep their digits), and a bounded selection of the k smallest
/// (<see cref="SmallestK"/>: equal distances go to the smaller index, as numpy's stable argsort). Cost 3·N·D flops plus
/// N·log k comparisons; a single query gains nothing from the GEMM of <see cref="Learning.KNearestNeighbors"/>, which
/// scores many queries at once and needs labels.
/// </remarks>
public static class NearestRows
{
    /// <summary>The <paramref name="k"/> rows of <paramref name="x"/> nearest to <paramref name="query"/>, nearest first.</summary>
    /// <param name="x">The data set, one sample a row.</param>
    /// <param name="query">The query, D elements.</param>
    /// <param name="k">How many rows, 1 … N (N − 1 with <paramref name="exclude"/>).</param>
    /// <param name="exclude">A row left out (the query's own row), or null.</param>
    /// <exception cref="DimensionMismatchException">The query's length is not D.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exclude"/> is not a row of X, or k is out of range.</exception>
    /// <exception cref="ArgumentException">X has no rows, or X or the query holds NaN or ±∞.</exception>
    public static RowDistance[] Find(Matrix x, Vector query, int k, int? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(query);
        if (x.Rows == 0) throw new ArgumentException("The data set has no samples (0 rows).", nameof(x));
        if (query.Length != x.Columns)
            throw new DimensionMismatchException($"The query has {query.Length} elements, the rows of the data set {x.Columns}.", nameof(query));
        if (exclude is { } e && (e < 0 || e >= x.Rows))
            throw new ArgumentOutOfRangeException(nameof(exclude), e, $"Row {e} is not a row of the data set (0 … {x.Rows - 1}).");
        int candidates = x.Rows - (exclude is null ? 0 : 1);
        if (k < 1 || k > candidates)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the {candidates} rows that can be neighbours.");
        Finite.Require(x, nameof(x));
        Finite.Require(query.AsSpan(), nameof(query));

        var squared = new double[x.Rows];
        for (int i = 0; i < x.Rows; i++) squared[i] = SquaredDistance.Compute<double>(x.RowSpan(i), query.AsSpan());
        if (exclude is { } skip) squared[skip] = double.PositiveInfinity;   // behind every finite distance
        var best = new int[k];
        SmallestK.Select<double>(squared, best);
        return [.. best.Select(i => new RowDistance(i, Math.Sqrt(squared[i])))];
    }
}
