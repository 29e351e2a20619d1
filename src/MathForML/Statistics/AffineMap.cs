using MathForML.LinearAlgebra;

namespace MathForML.Statistics;

/// <summary>
/// An affine map x ↦ A·x + b from ℝᴰ to ℝᴹ (A M×D, b of length M), and its effect on a data set's statistics:
/// the mean maps to A·μ + b and the covariance to A·S·Aᵀ (the shift b drops out).
/// </summary>
public sealed record AffineMap
{
    /// <summary>Creates the map x ↦ A·x + b.</summary>
    /// <exception cref="DimensionMismatchException">b's length differs from A's row count.</exception>
    public AffineMap(Matrix a, Vector b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Length != a.Rows)
            throw new DimensionMismatchException($"b must have {a.Rows} elements (A is {a.Rows}×{a.Columns}), found {b.Length}.", nameof(b));
        A = a;
        B = b;
    }

    /// <summary>The linear part A (M×D).</summary>
    public Matrix A { get; }

    /// <summary>The shift b (length M).</summary>
    public Vector B { get; }

    /// <summary>Maps every row xₙ of <paramref name="x"/> (N×D) to A·xₙ + b: the N×M matrix X·Aᵀ + 1bᵀ.</summary>
    public Matrix Apply(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != A.Columns)
            throw new DimensionMismatchException($"The data has {x.Columns} features but A takes {A.Columns}.", nameof(x));
        var y = x.TimesTranspose(A);
        for (int i = 0; i < y.Rows; i++) System.Numerics.Tensors.TensorPrimitives.Add(y.RowSpan(i), B.AsSpan(), y.RowSpan(i));
        return y;
    }

    /// <summary>The mean of the mapped data, A·μ + b.</summary>
    public Vector MapMean(Vector mean) => A * mean + B;

    /// <summary>The covariance of the mapped data, A·S·Aᵀ.</summary>
    public Matrix MapCovariance(Matrix covariance) => (A * covariance).TimesTranspose(A);
}
