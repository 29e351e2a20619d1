using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

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
/// the k smallest per query (N·log k). The float64 path takes queries up to <see cref="BlockRows"/> at a time, so its work
/// memory is one block of scores (at most <see cref="ScoreBudget"/> values), whatever M is; the float32 screen below
/// stores no scores at all, only k + <see cref="ScreenExtra"/> candidates for each of up to <see cref="QueryGroup"/>
/// queries and one packed training chunk (<see cref="NeighborScreen.ChunkBytes"/>).
/// </para>
/// <para>
/// When D ≥ <see cref="ScreenMinFeatures"/> and k ≤ <see cref="ScreenMaxK"/>, a float32 screen
/// (<see cref="NeighborScreen"/>: twice the GEMM throughput, the selection fused into the GEMM so no score matrix is
/// stored, features constant over the training set left out) keeps the k + <see cref="ScreenExtra"/> best candidates
/// of each query. Those get ‖q − x‖² computed directly in float64 (more accurate than the GEMM identity, which loses
/// digits to cancellation when q and x are close), nearest-screened first, only as long as one could still be among
/// the k nearest; and the answer is certified: with u = 2⁻²⁴, every float32 score is within
/// E = (2D + 8)·u·(‖q‖ + maxⱼ‖xⱼ‖)² of the exact one, so once a screened score less E exceeds the k-th distance
/// found (in the same frame), no sample screened at or above it can be among, or tie with, the k nearest. A query
/// that fails the check has all N distances computed directly. <see cref="NeighborsExact"/> is the plain float64 GEMM
/// method, kept as the reference; the two differ only where distances tie to within about 10⁻¹⁶·‖x‖².
/// </para>
/// <para>
/// Extreme finite data: when the largest magnitude M of the training samples and the queries lies outside
/// [2⁻⁴⁰, 2⁴⁰], both are multiplied by the power of two 2⁻ᵉ with e = ⌊log₂ M⌋ (exact, so every distance is scaled by
/// the same 2⁻²ᵉ and the neighbours are the same) before the squares are taken: rows of 1e160 no longer overflow to ∞
/// (they predicted the wrong class), nor do rows of 1e-170 underflow to 0.
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

    /// <summary>Queries whose candidate lists are held at once (memory: 8 bytes per query per candidate).</summary>
    internal const int QueryGroup = 16384;

    /// <summary>Largest k screened in float32 (beyond it the candidate lists get long and the float64 GEMM is used).</summary>
    internal const int ScreenMaxK = 256;

    private readonly Matrix _train;
    private readonly int[] _labels;   // class indices into _classes
    private readonly int[] _classes;  // the distinct labels, ascending
    private readonly double[] _trainNorms;
    private readonly float[] _trainNormsSingle;
    private readonly double _maxTrainNorm;
    private readonly int[] _active;
    private readonly int[] _constantFeatures;
    private readonly double[] _constantValues;
    private readonly double _maxMagnitude;
    private (int Exponent, KNearestNeighbors Model)? _rescaled;

    /// <summary>Data whose largest magnitude lies in [2⁻⁴⁰, 2⁴⁰] is used as it is (see the type's remarks).</summary>
    internal const int SafeExponent = 40;

    private KNearestNeighbors(Matrix train, int[] labels)
    {
        _train = train;
        // Labels are classes, not indices: any ints (2·10⁹, −7) map to 0…C−1 in ascending order, so a vote tie still
        // goes to the smaller label and the vote table has C entries whatever the values.
        _classes = [.. labels.Distinct().Order()];
        _labels = [.. labels.Select(l => Array.BinarySearch(_classes, l))];
        int n = train.Rows, d = train.Columns;
        _trainNorms = new double[n];
        // One pass over X: ‖xᵢ‖², NaN/∞ (they make the norm non-finite), and each feature's range (constant features).
        var lo = train.Row(0).ToArray();
        var hi = train.Row(0).ToArray();
        for (int i = 0; i < n; i++)
        {
            var row = train.RowSpan(i);
            double norm = RangeAccumulation.SquaredNormAndRange<double>(row, lo, hi);
            if (!double.IsFinite(norm) && Finite.IndexOfNonFinite(row) is var j and >= 0)
                throw new NonFiniteValueException(nameof(train), i, j, row[j]);
            _trainNorms[i] = norm;
        }
        _maxMagnitude = d == 0 ? 0 : Math.Max(Math.Abs(TensorPrimitives.MaxMagnitude<double>(lo)), Math.Abs(TensorPrimitives.MaxMagnitude<double>(hi)));

        _trainNormsSingle = new float[n];
        TensorPrimitives.ConvertTruncating<double, float>(_trainNorms, _trainNormsSingle);
        _active = [.. Enumerable.Range(0, d).Where(j => lo[j] != hi[j])];
        _constantFeatures = [.. Enumerable.Range(0, d).Where(j => lo[j] == hi[j])];
        _constantValues = [.. _constantFeatures.Select(j => lo[j])];
        _maxTrainNorm = Math.Sqrt(_trainNorms.Max());
    }

    /// <summary>The micro-kernel family of the float32 screen (tests force each one).</summary>
    internal KernelPath ScreenPath { get; set; } = KernelPathSelection.Best;

    /// <summary>Queries (since the last fit) whose float32 screen could not certify the answer and were scored again in full.</summary>
    internal int ScreenFallbacks => _screenFallbacks;

    private int _screenFallbacks;

    /// <summary>Training samples N.</summary>
    public int Count => _train.Rows;

    /// <summary>Features D.</summary>
    public int Features => _train.Columns;

    /// <summary>Stores the training set X (N×D, one sample a row) and its labels (N integers, any values: they name classes).</summary>
    /// <exception cref="ArgumentException">No samples, or NaN or ±∞ in X.</exception>
    /// <exception cref="DimensionMismatchException">The label count differs from N.</exception>
    public static KNearestNeighbors Fit(Matrix train, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(labels);
        if (train.Rows == 0) throw new ArgumentException("The training set has no samples.", nameof(train));
        if (labels.Count != train.Rows)
            throw new DimensionMismatchException($"There are {labels.Count} labels for {train.Rows} training samples.", nameof(labels));
        return new KNearestNeighbors(train, labels.ToArray());
    }

    /// <summary>The predicted label of every row of <paramref name="queries"/> (M×D) by a vote of its k nearest neighbours.</summary>
    /// <exception cref="ArgumentOutOfRangeException">k is not between 1 and N.</exception>
    public int[] Predict(Matrix queries, int k)
    {
        var neighbours = Neighbors(queries, k);
        var predictions = new int[queries.Rows];
        var votes = new int[_classes.Length];
        for (int q = 0; q < queries.Rows; q++)
        {
            Array.Clear(votes);
            var row = neighbours.AsSpan(q * k, k);
            foreach (int i in row) votes[_labels[i]]++;
            int best = 0;
            for (int c = 1; c < votes.Length; c++)
                if (votes[c] > votes[best]) best = c;   // strict: the smaller label keeps a tie
            predictions[q] = _classes[best];
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
        Finite.Require(queries, nameof(queries));
        if (PowerOfTwoScaling.ExtremeExponent([_maxMagnitude], queries.AsSpan(), SafeExponent) is int e)
            return Rescaled(e).Neighbors(PowerOfTwoScaling.Scaled(queries, -e), k, screen);
        return screen && Features >= ScreenMinFeatures && k <= ScreenMaxK && k + ScreenExtra < Count && _active.Length > 0
            ? Screened(queries, k) : Exact(queries, k);
    }

    /// <summary>This model on the training samples times 2⁻ᵉ (kept for the next queries of the same scale).</summary>
    private KNearestNeighbors Rescaled(int e)
    {
        if (_rescaled is { } kept && kept.Exponent == e) return kept.Model;
        var labels = _labels.Select(c => _classes[c]).ToArray();
        var model = new KNearestNeighbors(PowerOfTwoScaling.Scaled(_train, -e), labels) { ScreenPath = ScreenPath };
        _rescaled = (e, model);
        return model;
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
                SmallestK.Select<double>(row, result.AsSpan((s + r) * k, k));
            });
        }

        ArrayPool<double>.Shared.Return(scores);
        return result;
    }

    /// <summary>Queries per block: at most <see cref="BlockRows"/>, fewer when N is large (block·N ≤ <see cref="ScoreBudget"/>), a multiple of 8.</summary>
    private int QueryBlock(int m) => Math.Min(Math.Max(m, 1), Math.Clamp(ScoreBudget / Count / 8 * 8, 8, BlockRows));

    private int[] Screened(Matrix queries, int k)
    {
        int m = queries.Rows, n = Count, c = k + ScreenExtra;
        var result = new int[m * k];
        int group = Math.Min(m, QueryGroup);
        var candidates = ArrayPool<int>.Shared.Rent(group * c);
        var screened = ArrayPool<float>.Shared.Rent(group * c);
        int fallbacks = 0;
        for (int start = 0; start < m; start += group)
        {
            int rows = Math.Min(group, m - start);
            NeighborScreen.Run(_train, _active, _trainNormsSingle, queries, start, rows, c, candidates, screened, ScreenPath);
            int s = start;
            Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => new RerankBuffers(k),
                (r, _, buffers) =>
                {
                    var answer = result.AsSpan((s + r) * k, k);
                    if (!Rerank(queries.RowSpan(s + r), candidates.AsSpan(r * c, c), screened.AsSpan(r * c, c), buffers, answer))
                    {
                        Interlocked.Increment(ref fallbacks);
                        var exact = new double[n];
                        for (int j = 0; j < n; j++) exact[j] = SquaredDistance.Compute<double>(queries.RowSpan(s + r), _train.RowSpan(j));
                        SmallestK.Select<double>(exact, answer);
                    }

                    return buffers;
                },
                _ => { });
        }

        ArrayPool<int>.Shared.Return(candidates);
        ArrayPool<float>.Shared.Return(screened);
        _screenFallbacks += fallbacks;
        return result;
    }

    /// <summary>Per-thread scratch of <see cref="Rerank"/>: the best k exact distances so far and their indices.</summary>
    private sealed class RerankBuffers(int k)
    {
        public double[] Distances { get; } = new double[k];

        public int[] Indices { get; } = new int[k];
    }

    /// <summary>
    /// The k nearest of one query from its screened candidates (ascending screened score s̃), or false when the screen
    /// cannot certify them. With u = 2⁻²⁴, every s̃ⱼ is within E = (2D + 8)·u·(‖q‖ + maxⱼ‖xⱼ‖)² of the exact
    /// sⱼ = ‖xⱼ‖² − 2·qᵀxⱼ over the kept features, and ‖q − xⱼ‖² = sⱼ + o with o = ‖q‖² − 2·Σ q_f·v_f over the
    /// constant features f (value v_f). Candidates get ‖q − xⱼ‖² computed in float64, in screened order, until the
    /// next one has s̃ − E above the k-th distance so far less o: it, and every later candidate and every sample the
    /// screen dropped (s̃ at least the last candidate's), is then strictly farther. If the list runs out first, the
    /// last candidate's s̃ − E must clear that bar instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Rerank(ReadOnlySpan<double> query, ReadOnlySpan<int> candidates, ReadOnlySpan<float> screened,
        RerankBuffers buffers, Span<int> answer)
    {
        int k = answer.Length, c = candidates.Length;
        double qNorm2 = SquaredDistance.Norm(query);
        double reach = Math.Sqrt(qNorm2) + _maxTrainNorm, reach2 = reach * reach;
        // Outside this range float32 could overflow or lose relative precision to underflow: no certificate.
        if (!(reach2 <= 1e30 && reach2 >= 1e-20) || candidates[c - 1] < 0 || !float.IsFinite(screened[c - 1])) return false;
        double offset = qNorm2;
        for (int i = 0; i < _constantFeatures.Length; i++) offset -= 2 * query[_constantFeatures[i]] * _constantValues[i];
        // The float32 error bound, plus float64 rounding of the comparison itself.
        double bound = (((2.0 * Features) + 8) * Math.ScaleB(1.0, -24) + 1e-14) * reach2;
        var distances = buffers.Distances;
        var indices = buffers.Indices;
        int count = 0, next = 0;
        for (; next < c; next++)
        {
            if (count == k && screened[next] - bound > distances[k - 1] - offset) break;
            int j = candidates[next];
            count = SmallestK.Offer<double>(distances, indices, count, SquaredDistance.Compute<double>(query, _train.RowSpan(j)), j);
        }

        if (next == c && !(screened[c - 1] - bound > distances[k - 1] - offset)) return false;
        indices.AsSpan(0, k).CopyTo(answer);
        return true;
    }

    /// <summary>The indices of the k smallest values of <paramref name="values"/>, smallest first (the lower index on ties).</summary>
    internal static void SelectSmallest<T>(ReadOnlySpan<T> values, Span<int> best)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        SmallestK.Select(values, best);
}
