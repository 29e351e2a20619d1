using System.Numerics;
using MathForML.Randomness;

namespace MathForML.NeuralNetworks;

/// <summary>Labelled samples for a classifier: N rows of D features, row-major, and N class labels.</summary>
public sealed class Dataset<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// A data set from an N×D matrix of samples (rows are samples) and N labels, the features converted to
    /// <typeparamref name="T"/> (rounded to nearest, as NumPy's <c>astype(np.float32)</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The matrix has no rows or columns, or not as many rows as there are labels, or a
    /// value is beyond <typeparamref name="T"/>'s range.</exception>
    /// <exception cref="Numerics.NonFiniteValueException">A sample holds NaN or ±∞.</exception>
    public static Dataset<T> FromMatrix(LinearAlgebra.Matrix samples, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(labels);
        if (samples.Rows == 0 || samples.Columns == 0)
            throw new ArgumentException($"The data set is empty ({samples.Rows}×{samples.Columns}).", nameof(samples));
        if (labels.Length != samples.Rows)
            throw new ArgumentException($"{labels.Length} labels for {samples.Rows} samples.", nameof(labels));
        Numerics.Finite.Require(samples, nameof(samples));
        var values = samples.AsSpan();
        var features = new T[values.Length];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = T.CreateTruncating(values[i]);
            if (!T.IsFinite(features[i]))
                throw new ArgumentException($"Sample {i / samples.Columns}, feature {i % samples.Columns} is {values[i]:G6}, beyond the range of {typeof(T).Name} (scale the data first).", nameof(samples));
        }
        return new Dataset<T>(features, samples.Columns, labels);
    }

    /// <summary>A data set; features must hold rows × features values, all finite.</summary>
    /// <exception cref="Numerics.NonFiniteValueException">A feature is NaN or ±∞.</exception>
    public Dataset(T[] features, int featureCount, int[] labels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        if (features.Length != labels.Length * featureCount)
            throw new ArgumentException($"{features.Length} feature values for {labels.Length} labels of {featureCount} features each.", nameof(features));
        for (int i = 0; i < features.Length; i++)
        {
            // NaN features trained the network to NaN without a word.
            if (!T.IsFinite(features[i]))
                throw new Numerics.NonFiniteValueException(nameof(features), i / featureCount, i % featureCount, double.CreateTruncating(features[i]));
        }
        Features = features;
        FeatureCount = featureCount;
        Labels = labels;
    }

    /// <summary>Row-major features, one sample a row.</summary>
    public T[] Features { get; }

    /// <summary>Features per sample.</summary>
    public int FeatureCount { get; }

    /// <summary>Class label of each sample.</summary>
    public int[] Labels { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;

    /// <summary>The samples at <paramref name="rows"/>, in that order.</summary>
    public Dataset<T> Subset(ReadOnlySpan<int> rows)
    {
        var features = new T[rows.Length * FeatureCount];
        var labels = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            Features.AsSpan(rows[i] * FeatureCount, FeatureCount).CopyTo(features.AsSpan(i * FeatureCount));
            labels[i] = Labels[rows[i]];
        }
        return new Dataset<T>(features, FeatureCount, labels);
    }

    /// <summary>A seeded random split: a fraction <paramref name="testFraction"/> of the samples for testing, the rest for training.</summary>
    public (Dataset<T> Train, Dataset<T> Test) Split(double testFraction, ulong seed = 1)
    {
        if (!(testFraction >= 0 && testFraction < 1)) throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be in [0, 1).");
        var order = new SeededRandom(seed, 0x5350).Permutation(Count);
        int test = (int)Math.Round(Count * testFraction);
        return (Subset(order.AsSpan(test)), Subset(order.AsSpan(0, test)));
    }
}
