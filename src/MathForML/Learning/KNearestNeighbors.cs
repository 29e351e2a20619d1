using System.Numerics.Tensors;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Kernels;

namespace MathForML.Learning;

/// <summary>
/// k-nearest-neighbour classification by brute force: a query is given the label held by most of its k nearest
/// training samples in Euclidean distance (ties between labels go to the smaller label; ties in distance to the
/// training sample that comes first).
/// </summary>
/// <remarks>
/// <para>
/// Distances use ‖q − x‖² = ‖q‖² + ‖x‖² − 2·qᵀx. ‖q‖² is the same for every candidate of a query, so ranking needs
/// only ‖x‖² − 2·qᵀx: one GEMM Q·Xᵀ (2·M·N·D flops for M queries, N training samples) plus a bounded selection of
/// the k smallest per query (N·log k). Queries are processed <see cref="BlockRows"/> at a time, so the work memory is
/// one BlockRows×N block of scores, whatever M is.
/// </para>
/// <para>Reference: Deisenroth, Faisal and Ong, Mathematics for Machine Learning (2020), §3.3; scikit-learn's
/// brute-force <c>KNeighborsClassifier</c> makes the same choices (the smaller label wins a tie of votes).</para>
/// </remarks>
public sealed class KNearestNeighbors
{
    /// <summary>Queries scored together against all training samples.</summary>
    internal const int BlockRows = 256;

    private readonly Matrix _train;
    private readonly int[] _labels;
    private readonly double[] _trainNorms;
    private readonly int _labelCount;

    private KNearestNeighbors(Matrix train, int[] labels)
    {
        _train = train;
        _labels = labels;
        _trainNorms = new double[train.Rows];
        for (int i = 0; i < train.Rows; i++) _trainNorms[i] = TensorPrimitives.SumOfSquares<double>(train.RowSpan(i));
        _labelCount = labels.Max() + 1;
    }

    /// <summary>Training samples N.</summary>
    public int Count => _train.Rows;

    /// <summary>Features D.</summary>
    public int Features => _train.Columns;

    /// <summary>Stores the training set X (N×D, one sample a row) and its labels (N non-negative integers).</summary>
    /// <exception cref="ArgumentException">No samples, NaN or ±∞ in X, a negative label.</exception>
    /// <exception cref="DimensionMismatchException">The label count differs from N.</exception>
    public static KNearestNeighbors Fit(Matrix train, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(labels);
        if (train.Rows == 0) throw new ArgumentException("The training set has no samples.", nameof(train));
        if (!train.IsFinite()) throw new ArgumentException("The training set holds NaN or infinite values.", nameof(train));
        if (labels.Count != train.Rows)
            throw new DimensionMismatchException($"There are {labels.Count} labels for {train.Rows} training samples.", nameof(labels));
        var copy = labels.ToArray();
        for (int i = 0; i < copy.Length; i++)
            if (copy[i] < 0) throw new ArgumentException($"Label {i} is {copy[i]}; labels must be non-negative.", nameof(labels));
        return new KNearestNeighbors(train, copy);
    }

    /// <summary>The predicted label of every row of <paramref name="queries"/> (M×D) by a vote of its k nearest neighbours.</summary>
    /// <exception cref="ArgumentOutOfRangeException">k is not between 1 and N.</exception>
    public int[] Predict(Matrix queries, int k)
    {
        var neighbours = Neighbors(queries, k);
        var predictions = new int[queries.Rows];
        var votes = new int[_labelCount];
        for (int q = 0; q < queries.Rows; q++)
        {
            Array.Clear(votes);
            var row = neighbours.AsSpan(q * k, k);
            foreach (int i in row) votes[_labels[i]]++;
            int best = 0;
            for (int label = 1; label < votes.Length; label++)
                if (votes[label] > votes[best]) best = label;   // strict: the smaller label keeps a tie
            predictions[q] = best;
        }

        return predictions;
    }

    /// <summary>
    /// Indices of the k nearest training samples of each query, nearest first: row q of the M×k result is at
    /// [q·k, (q + 1)·k).
    /// </summary>
    public int[] Neighbors(Matrix queries, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (k < 1 || k > Count) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the {Count} training samples.");
        if (queries.Columns != Features)
            throw new DimensionMismatchException($"Queries have {queries.Columns} features, the training samples {Features}.", nameof(queries));
        if (!queries.IsFinite()) throw new ArgumentException("The queries hold NaN or infinite values.", nameof(queries));
        int m = queries.Rows, n = Count, d = Features;
        var result = new int[m * k];
        int block = Math.Min(BlockRows, Math.Max(m, 1));
        var scores = new double[block * n];
        for (int start = 0; start < m; start += block)
        {
            int rows = Math.Min(block, m - start);
            // scores = −2·Q·Xᵀ, then + ‖x‖²: the squared distance less the query's own ‖q‖².
            Gemm.Multiply<double>(Op.None, Op.Transpose, rows, n, d, -2.0, queries.AsSpan().Slice(start * d, rows * d), d,
                _train.AsSpan(), d, 0.0, scores, n);
            int s = start;
            Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, r =>
            {
                var row = scores.AsSpan(r * n, n);
                TensorPrimitives.Add(row, _trainNorms, row);
                SelectSmallest(row, result.AsSpan((s + r) * k, k));
            });
        }

        return result;
    }

    /// <summary>The indices of the k smallest values of <paramref name="values"/>, smallest first (the lower index on ties).</summary>
    internal static void SelectSmallest(ReadOnlySpan<double> values, Span<int> best)
    {
        int k = best.Length, count = 0;
        Span<double> keys = k <= 64 ? stackalloc double[k] : new double[k];
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (count == k && !(v < keys[k - 1])) continue;
            int p = count < k ? count++ : k - 1;
            while (p > 0 && keys[p - 1] > v)
            {
                keys[p] = keys[p - 1];
                best[p] = best[p - 1];
                p--;
            }

            keys[p] = v;
            best[p] = i;
        }
    }
}
