using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
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
/// the k smallest per query (N·log k). Queries are processed up to <see cref="BlockRows"/> at a time, so the work memory
/// is one block of scores (at most <see cref="ScoreBudget"/> values), whatever M is.
/// </para>
/// <para>
/// When D ≥ <see cref="ScreenMinFeatures"/>, the GEMM runs in float32 (twice the throughput) as a screen that keeps the
/// k + <see cref="ScreenExtra"/> best candidates of each query; those get their distance ‖q − x‖² computed directly
/// in float64 (more accurate than the GEMM identity, which loses digits to cancellation when q and x are close), and
/// the answer is certified: with u = 2⁻²⁴, every float32 score is within E = (2D + 8)·u·(‖q‖ + maxⱼ‖xⱼ‖)² of the
/// exact one, so when the worst kept candidate's screened score exceeds the k-th candidate's distance (less ‖q‖²) by
/// more than E, no sample left out can be among, or tie with, the k nearest. A query that fails the check has all N
/// distances computed directly. <see cref="NeighborsExact"/> is the plain float64 GEMM method, kept as the reference;
/// the two differ only where distances tie to within about 10⁻¹⁶·‖x‖².
/// </para>
/// <para>Reference: Deisenroth, Faisal and Ong, Mathematics for Machine Learning (2020), §3.3; scikit-learn's
/// brute-force <c>KNeighborsClassifier</c> makes the same choices (the smaller label wins a tie of votes).</para>
/// </remarks>
public sealed class KNearestNeighbors
{
    /// <summary>Queries scored together against all training samples.</summary>
    internal const int BlockRows = 1024;

    /// <summary>
    /// Scores held at once: the query block is cut below <see cref="BlockRows"/> so that block·N stays under this
    /// (32 MB of float32). Large blocks matter: each block re-packs all N training rows for the GEMM (1024 rather
    /// than 256 queries a block measured ≈ 25% faster on MNIST's 2000×8000).
    /// </summary>
    internal const int ScoreBudget = 8 * 1024 * 1024;

    /// <summary>Smallest D for which the float32 screen is used (below it the GEMM is cheap anyway).</summary>
    internal const int ScreenMinFeatures = 32;

    /// <summary>Candidates kept by the screen beyond k.</summary>
    internal const int ScreenExtra = 16;

    private readonly Matrix _train;
    private readonly int[] _labels;
    private readonly double[] _trainNorms;
    private readonly int _labelCount;
    private readonly double _maxTrainNorm;
    private float[]? _trainNormsSingle;

    private KNearestNeighbors(Matrix train, int[] labels)
    {
        _train = train;
        _labels = labels;
        _trainNorms = new double[train.Rows];
        for (int i = 0; i < train.Rows; i++) _trainNorms[i] = TensorPrimitives.SumOfSquares<double>(train.RowSpan(i));
        _labelCount = labels.Max() + 1;
        _maxTrainNorm = Math.Sqrt(_trainNorms.Max());
    }

    /// <summary>Queries (since the last fit) whose float32 screen could not certify the answer and were scored again in full.</summary>
    internal int ScreenFallbacks => _screenFallbacks;

    private int _screenFallbacks;

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
    public int[] Neighbors(Matrix queries, int k) => Neighbors(queries, k, screen: true);

    /// <summary>The same neighbours as <see cref="Neighbors(Matrix, int)"/>, by the float64 GEMM alone (the reference method).</summary>
    public int[] NeighborsExact(Matrix queries, int k) => Neighbors(queries, k, screen: false);

    internal int[] Neighbors(Matrix queries, int k, bool screen)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (k < 1 || k > Count) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the {Count} training samples.");
        if (queries.Columns != Features)
            throw new DimensionMismatchException($"Queries have {queries.Columns} features, the training samples {Features}.", nameof(queries));
        if (!queries.IsFinite()) throw new ArgumentException("The queries hold NaN or infinite values.", nameof(queries));
        return screen && Features >= ScreenMinFeatures && k + ScreenExtra < Count ? Screened(queries, k) : Exact(queries, k);
    }

    private int[] Exact(Matrix queries, int k)
    {
        int m = queries.Rows, n = Count, d = Features;
        var result = new int[m * k];
        int block = QueryBlock(m);
        var scores = ArrayPool<double>.Shared.Rent(block * n);
        for (int start = 0; start < m; start += block)
        {
            int rows = Math.Min(block, m - start);
            // scores = −2·Q·Xᵀ, then + ‖x‖²: the squared distance less the query's own ‖q‖².
            Gemm.Multiply<double>(Op.None, Op.Transpose, rows, n, d, -2.0, queries.AsSpan().Slice(start * d, rows * d), d,
                _train.AsSpan(), d, 0.0, scores.AsSpan(0, rows * n), n);
            int s = start;
            Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, r =>
            {
                var row = scores.AsSpan(r * n, n);
                TensorPrimitives.Add(row, _trainNorms, row);
                SelectSmallest<double>(row, result.AsSpan((s + r) * k, k));
            });
        }

        ArrayPool<double>.Shared.Return(scores);
        return result;
    }

    /// <summary>Queries per block: at most <see cref="BlockRows"/>, fewer when N is large (block·N ≤ <see cref="ScoreBudget"/>), a multiple of 8.</summary>
    private int QueryBlock(int m) => Math.Min(Math.Max(m, 1), Math.Clamp(ScoreBudget / Count / 8 * 8, 8, BlockRows));

    private int[] Screened(Matrix queries, int k)
    {
        int m = queries.Rows, n = Count, d = Features, c = k + ScreenExtra;
        if (_trainNormsSingle is null)
        {
            var norms = new float[n];
            TensorPrimitives.ConvertTruncating<double, float>(_trainNorms, norms);
            _trainNormsSingle = norms;
        }

        // The float32 training set lives in a pooled buffer for this call only: converting warm memory costs ≈ 3 ms for
        // MNIST's 8000×784, while a fresh 25 MB array per model cost ≈ 80 ms of first-touch page faults on the test VM.
        var pooledTrain = ArrayPool<float>.Shared.Rent(n * d);
        var train = pooledTrain.AsSpan(0, n * d);
        TensorPrimitives.ConvertTruncating<double, float>(_train.AsSpan(), train);
        var trainNorms = _trainNormsSingle;
        var result = new int[m * k];
        int block = QueryBlock(m);
        // Pooled work arrays: a fresh multi-megabyte array per call measured costly (page faults, LOH collections).
        var scores = ArrayPool<float>.Shared.Rent(block * n);
        var querySingle = ArrayPool<float>.Shared.Rent(block * d);
        double unit = Math.ScaleB(1.0, -24);
        int fallbacks = 0;
        for (int start = 0; start < m; start += block)
        {
            int rows = Math.Min(block, m - start);
            var q = queries.AsSpan().Slice(start * d, rows * d);
            TensorPrimitives.ConvertTruncating<double, float>(q, querySingle.AsSpan(0, rows * d));
            Gemm.Multiply<float>(Op.None, Op.Transpose, rows, n, d, -2f, querySingle.AsSpan(0, rows * d), d, train, d, 0f, scores.AsSpan(0, rows * n), n);
            int s = start;
            Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => (Candidates: new int[c], Exact: new double[c], Difference: new double[d]),
                (r, _, buffers) =>
                {
                    var row = scores.AsSpan(r * n, n);
                    TensorPrimitives.Add(row, trainNorms, row);
                    var candidates = buffers.Candidates;
                    SelectSmallest<float>(row, candidates);
                    double threshold = row[candidates[c - 1]];
                    var query = queries.RowSpan(s + r);
                    // The candidates' distances ‖q − x‖², sorted by (distance, index).
                    for (int i = 0; i < c; i++) buffers.Exact[i] = SquaredDistance(query, _train.RowSpan(candidates[i]), buffers.Difference);
                    SortByScoreThenIndex(buffers.Exact, candidates);
                    double qNorm2 = TensorPrimitives.SumOfSquares(query), reach = Math.Sqrt(qNorm2) + _maxTrainNorm;
                    // The float32 error bound, plus float64 rounding of the comparison itself.
                    double bound = ((2.0 * d + 8) * unit + 1e-14) * reach * reach;
                    var answer = result.AsSpan((s + r) * k, k);
                    if (threshold - bound > buffers.Exact[k - 1] - qNorm2)
                    {
                        candidates.AsSpan(0, k).CopyTo(answer);
                    }
                    else
                    {
                        Interlocked.Increment(ref fallbacks);
                        var exact = new double[n];
                        for (int j = 0; j < n; j++) exact[j] = SquaredDistance(query, _train.RowSpan(j), buffers.Difference);
                        SelectSmallest<double>(exact, answer);
                    }

                    return buffers;
                },
                _ => { });
        }

        ArrayPool<float>.Shared.Return(pooledTrain);
        ArrayPool<float>.Shared.Return(scores);
        ArrayPool<float>.Shared.Return(querySingle);
        _screenFallbacks += fallbacks;
        return result;
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> difference)
    {
        TensorPrimitives.Subtract(a, b, difference);
        return TensorPrimitives.SumOfSquares<double>(difference);
    }

    /// <summary>Insertion sort of the (short) candidate list by score, the smaller index first on ties.</summary>
    private static void SortByScoreThenIndex(double[] scores, int[] indices)
    {
        for (int i = 1; i < scores.Length; i++)
        {
            double key = scores[i];
            int index = indices[i], p = i;
            while (p > 0 && (scores[p - 1] > key || (scores[p - 1] == key && indices[p - 1] > index)))
            {
                scores[p] = scores[p - 1];
                indices[p] = indices[p - 1];
                p--;
            }

            scores[p] = key;
            indices[p] = index;
        }
    }

    /// <summary>The indices of the k smallest values of <paramref name="values"/>, smallest first (the lower index on ties).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SelectSmallest<T>(ReadOnlySpan<T> values, Span<int> best)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int k = best.Length, count = 0;
        Span<T> keys = k <= 64 ? stackalloc T[k] : new T[k];
        for (int i = 0; i < values.Length; i++)
        {
            T v = values[i];
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
