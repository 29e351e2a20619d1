using System.Numerics.Tensors;
using MathForML.LinearAlgebra;

namespace MathForML.Statistics;

/// <summary>
/// Normalisation of each feature as the course does before PCA: zⱼ = (xⱼ − μⱼ) / σⱼ with σⱼ the (biased) standard
/// deviation, and σⱼ replaced by 1 where the feature is constant (a constant feature is only centred, never divided by zero).
/// </summary>
/// <remarks>
/// The course's <c>normalize</c> comes in three versions: the 2019 PCA notebook only centres (Xbar = X − μ: use
/// <see cref="SampleStatistics.Mean(Matrix)"/>, or PCA with <c>Normalize = false</c>); a later one divides by σ with
/// σ = 0 → 1 (this class, and PCA with <c>Normalize = true</c>); the 2018 one divided by σ as it was, so a constant
/// pixel became 0/0 = NaN. That last variant is deliberately not offered: NaN would spread through the covariance and
/// every component; this class counts such features in <see cref="ConstantFeatures"/> instead.
/// </remarks>
public sealed class Standardization
{
    private Standardization(Vector mean, Vector scale, int constantFeatures)
    {
        Mean = mean;
        Scale = scale;
        ConstantFeatures = constantFeatures;
    }

    /// <summary>μ, the per-feature mean.</summary>
    public Vector Mean { get; }

    /// <summary>σ, the per-feature standard deviation, with 1 for constant features.</summary>
    public Vector Scale { get; }

    /// <summary>How many features were constant (σ = 0, replaced by 1).</summary>
    public int ConstantFeatures { get; }

    /// <summary>Learns μ and σ from <paramref name="x"/> (N×D).</summary>
    /// <exception cref="ArgumentException">X has no rows, or holds NaN or ±∞.</exception>
    public static Standardization Fit(Matrix x) => Fit(x, FeatureSummary.Of(x));

    /// <summary>Learns σ from <paramref name="x"/> given its one-pass summary (mean and constant features).</summary>
    internal static Standardization Fit(Matrix x, FeatureSummary summary)
    {
        var mean = Vector.Wrap((double[])summary.Mean.Clone());
        var scale = SampleStatistics.Variance(x, mean);
        var s = scale.AsSpan();
        TensorPrimitives.Sqrt<double>(s, s);
        int constant = 0;
        for (int j = 0; j < s.Length; j++)
        {
            // Constant: all values equal (the computed σ may then be a rounding error rather than 0).
            if (summary.Constant[j] || s[j] == 0)
            {
                s[j] = 1;
                constant++;
            }
        }

        return new Standardization(mean, scale, constant);
    }

    /// <summary>(X − 1μᵀ) / σ, row by row.</summary>
    public Matrix Transform(Matrix x)
    {
        Require(x);
        var z = new Matrix(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++)
        {
            TensorPrimitives.Subtract(x.RowSpan(i), Mean.AsSpan(), z.RowSpan(i));
            TensorPrimitives.Divide(z.RowSpan(i), Scale.AsSpan(), z.RowSpan(i));
        }

        return z;
    }

    /// <summary>Z·σ + 1μᵀ, the inverse of <see cref="Transform"/>.</summary>
    public Matrix InverseTransform(Matrix z)
    {
        Require(z);
        var x = new Matrix(z.Rows, z.Columns);
        for (int i = 0; i < z.Rows; i++)
            TensorPrimitives.MultiplyAdd(z.RowSpan(i), Scale.AsSpan(), Mean.AsSpan(), x.RowSpan(i));
        return x;
    }

    private void Require(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != Mean.Length)
            throw new DimensionMismatchException($"Expected {Mean.Length} features, found {x.Columns}.", nameof(x));
    }
}
