using MathForML.Numerics;
using MathForML.Randomness;

namespace MathForML.Graphs;

/// <summary>
/// R-MAT random graphs (Chakrabarti, Zhan &amp; Faloutsos, "R-MAT: A Recursive Model for Graph Mining", SDM 2004) with
/// the Graph500 parameters a = 0.57, b = 0.19, c = 0.19, d = 0.05: each of edgeFactor·2^scale edges picks one quadrant
/// of the adjacency matrix per bit of its endpoints (a: top-left, b: top-right, c: bottom-left, d: bottom-right), so a
/// few nodes get most of the edges. Vertex ids are then scrambled by a seeded permutation, as Graph500 does, so that
/// degree is not correlated with id. Duplicates and self-loops are kept.
/// </summary>
/// <remarks>
/// Deterministic: the edges are generated in fixed chunks, each from its own stream of the seed, so the same seed gives
/// the same graph whatever the thread count. Quadrant probabilities are resolved to 1/65536 (16 random bits per level).
/// Cost O(E·scale), on all cores.
/// </remarks>
public static class RmatGenerator
{
    /// <summary>The largest scale accepted (2³⁰ nodes).</summary>
    public const int MaxScale = 30;

    private const int Chunk = 1 << 16;

    /// <summary>Generates the edge list sᵢ → tᵢ of an R-MAT graph on 2^<paramref name="scale"/> nodes.</summary>
    /// <param name="scale">log₂ of the node count.</param>
    /// <param name="edgeFactor">Edges per node (Graph500: 16).</param>
    /// <param name="seed">The seed: the same seed gives the same graph.</param>
    /// <param name="a">Probability of the top-left quadrant (source bit 0, target bit 0).</param>
    /// <param name="b">Probability of the top-right quadrant (target bit 1).</param>
    /// <param name="c">Probability of the bottom-left quadrant (source bit 1); d = 1 − a − b − c.</param>
    /// <param name="scramble">Relabel the vertices by a seeded permutation (Graph500 does); false keeps the raw ids.</param>
    /// <param name="maxThreads">Threads to use (default: all cores); the graph does not depend on it.</param>
    /// <param name="cancellationToken">Stops the generation between chunks of 2^16 edges.</param>
    /// <exception cref="ArgumentOutOfRangeException">A scale outside [0, 30], an edge factor below 1, more than
    /// <see cref="Array.MaxLength"/> edges, or quadrant probabilities that are negative or sum above 1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static (int[] Sources, int[] Targets) Generate(int scale, int edgeFactor = 16, ulong seed = 1,
        double a = 0.57, double b = 0.19, double c = 0.19, bool scramble = true, int? maxThreads = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);
        ArgumentOutOfRangeException.ThrowIfLessThan(edgeFactor, 1);
        long edgeCount = (long)edgeFactor << scale;
        MemoryBudget.Require(8.0 * edgeCount, edgeCount, nameof(edgeFactor), $"An R-MAT edge list of {edgeFactor}·2^{scale} = {edgeCount:N0} edges");
        if (!(a >= 0 && b >= 0 && c >= 0 && a + b + c <= 1))
            throw new ArgumentOutOfRangeException(nameof(a), $"Quadrant probabilities a={a}, b={b}, c={c} must be non-negative with a + b + c ≤ 1.");
        long ta = Threshold(a), tab = Threshold(a + b), tabc = Threshold(a + b + c);
        int m = (int)edgeCount;
        cancellationToken.ThrowIfCancellationRequested();
        var sources = GC.AllocateUninitializedArray<int>(m);   // every entry is written below
        var targets = GC.AllocateUninitializedArray<int>(m);
        int[]? permutation = scramble ? new SeededRandom(seed, ulong.MaxValue).Permutation(1 << scale) : null;
        int chunks = (m + Chunk - 1) / Chunk;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        var thresholds = (ta, tab, tabc);
        Parallel.For(0, chunks, parallel, k =>
        {
            int lo = k * Chunk, hi = Math.Min(m, lo + Chunk);
            FillChunk(new SeededRandom(seed, (ulong)k), scale, thresholds.ta, thresholds.tab, thresholds.tabc, permutation,
                sources.AsSpan(lo, hi - lo), targets.AsSpan(lo, hi - lo));
        });
        return (sources, targets);
    }

    /// <summary>The R-MAT graph as a <see cref="CsrGraph"/> on exactly 2^<paramref name="scale"/> nodes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Generate"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CsrGraph GenerateGraph(int scale, int edgeFactor = 16, ulong seed = 1, int? maxThreads = null, CancellationToken cancellationToken = default)
    {
        if (scale is >= 0 and <= MaxScale && edgeFactor >= 1)
        {
            long edges = (long)edgeFactor << scale;
            // The edge list (8 bytes an edge) and the graph built from it (4 more, and its node arrays) live together.
            MemoryBudget.Require(12.0 * edges + 20.0 * (1L << scale), edges, nameof(edgeFactor), $"An R-MAT graph of {edgeFactor}·2^{scale} = {edges:N0} edges");
        }

        var (s, t) = Generate(scale, edgeFactor, seed, maxThreads: maxThreads, cancellationToken: cancellationToken);
        return CsrGraph.FromEdges(s, t, 1 << scale);
    }

    private static void FillChunk(SeededRandom random, int scale, long ta, long tab, long tabc, int[]? permutation,
        Span<int> sources, Span<int> targets)
    {
        for (int e = 0; e < sources.Length; e++)
        {
            int s = 0, t = 0;
            ulong bits = 0;
            for (int level = 0; level < scale; level++)
            {
                if ((level & 3) == 0) bits = random.NextUInt64();
                long r = (long)(bits & 0xFFFF);
                bits >>= 16;
                // Branch-free (the draws are random, so branches would mispredict half the time): with
                // ge(x) = [r ≥ x], the source bit is ge(a+b) and the target bit ge(a) − ge(a+b) + ge(a+b+c).
                int down = AtLeast(r, tab);
                int right = AtLeast(r, ta) - down + AtLeast(r, tabc);
                s |= down << level;
                t |= right << level;
            }
            sources[e] = permutation is null ? s : permutation[s];
            targets[e] = permutation is null ? t : permutation[t];
        }
    }

    /// <summary>1 when r ≥ threshold, else 0, without a branch.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int AtLeast(long r, long threshold) => (int)((ulong)(threshold - 1 - r) >> 63);

    private static long Threshold(double p) => (long)Math.Round(Math.Min(p, 1) * 65536);
}
