using MathForML.Numerics;
namespace MathForML.Graphs;

/// <summary>
/// A directed graph in compressed sparse row form, stored by <em>target</em>: for each node, the sources of its
/// incoming edges u → v (the CSR of Aᵀ, what a pull-style PageRank reads), plus each node's out-degree. Built from an
/// edge list in O(E + n) by a counting sort on the targets, with int32 indices (up to <see cref="Array.MaxLength"/>
/// edges). Duplicate edges are kept as multi-edges (each counts in the out-degree and in the sum) and self-loops are
/// kept, as in SNAP's and scipy's readings of an edge list. Memory: 4 bytes per edge + 20 per node.
/// </summary>
/// <remarks>
/// Inside, the nodes are stored in descending order of out-degree (ties by id): the nodes that are linked <em>from</em>
/// most often come first, so the values PageRank gathers for them sit together in cache (on R-MAT graphs, whose ids
/// are scrambled, this makes a step about 25% faster). The public members speak node ids only. The first
/// <see cref="PageRank.Compute"/> on a graph adds a regrouped copy of its edges (about 4 bytes per edge), kept with it.
/// </remarks>
public sealed class CsrGraph
{
    internal CsrGraph(CsrLayout layout, int[] sources, int[] outDegree)
    {
        NodeCount = layout.Order.Length;
        Order = layout.Order;
        Position = layout.Position;
        Offsets = layout.Offsets;
        Sources = sources;
        OutDegree = outDegree;
    }

    /// <summary>Number of nodes n (ids 0 … n−1).</summary>
    public int NodeCount { get; }

    /// <summary>Number of edges, duplicates included.</summary>
    public int EdgeCount => Sources.Length;

    /// <summary>Out-degree of every node, by id (number of edges leaving it, duplicates included).</summary>
    public int[] OutDegree { get; }

    /// <summary>Stored position p → node id.</summary>
    internal int[] Order { get; }

    /// <summary>Node id → stored position.</summary>
    internal int[] Position { get; }

    /// <summary>n + 1 offsets into <see cref="Sources"/>, by stored position of the target.</summary>
    internal int[] Offsets { get; }

    /// <summary>The stored positions of the sources of all edges, grouped by target (in input order within a group).</summary>
    internal int[] Sources { get; }

    /// <summary>The edges regrouped by source segment for <see cref="PageRank.Compute"/>, built on first use and kept.</summary>
    internal SourceSegments Segments => LazyInitializer.EnsureInitialized(ref segments, () => SourceSegments.Build(this));

    private SourceSegments? segments;

    /// <summary>1/out-degree by stored position (0 for a dangling node), built on first use and kept.</summary>
    internal double[] InverseOutDegree => LazyInitializer.EnsureInitialized(ref inverseOutDegree, () =>
    {
        var inverse = LargeArray.Uninitialized<double>(NodeCount);
        for (int u = 0; u < inverse.Length; u++)
        {
            int degree = OutDegree[Order[u]];
            inverse[u] = degree == 0 ? 0 : 1.0 / degree;
        }

        return inverse;
    });

    private double[]? inverseOutDegree;

    /// <summary>The vectors of the last PageRank run, kept for the next (see <see cref="PageRankWorkspace"/>); null while a run holds them.</summary>
    internal PageRankWorkspace? Workspace;

    /// <summary>Number of edges into <paramref name="node"/>.</summary>
    public int InDegree(int node)
    {
        int p = Position[node];
        return Offsets[p + 1] - Offsets[p];
    }

    /// <summary>The sources of the edges into <paramref name="node"/>, in input order (a new array).</summary>
    public int[] Predecessors(int node)
    {
        int p = Position[node];
        var result = new int[Offsets[p + 1] - Offsets[p]];
        for (int i = 0; i < result.Length; i++) result[i] = Order[Sources[Offsets[p] + i]];
        return result;
    }

    /// <summary>
    /// Builds the graph from edges sᵢ → tᵢ. <paramref name="nodeCount"/> defaults to the largest id + 1;
    /// an id that is negative or not below a given node count is an error.
    /// </summary>
    public static CsrGraph FromEdges(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, int? nodeCount = null) =>
        FromEdges(sources, targets, nodeCount, sources.Length >= ParallelEdges ? Environment.ProcessorCount : 1);

    /// <summary>Edges from which the counting sort runs on every core.</summary>
    internal const int ParallelEdges = 1 << 22;

    /// <summary>
    /// <see cref="FromEdges(ReadOnlySpan{int}, ReadOnlySpan{int}, int?)"/> with the edge list cut into
    /// <paramref name="parts"/> ranges counted and placed in parallel (the parallel counting sort): each part counts the
    /// in- and out-degrees of its own edges; part p's first slot for target v is v's offset plus the counts of parts
    /// 0 … p−1 at v, so every part writes its edges where the sequential sort would, and the graph is the same whatever
    /// the part count. Memory: 8 bytes per node per part beyond the sequential sort (fewer parts when that does not fit).
    /// </summary>
    internal static CsrGraph FromEdges(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, int? nodeCount, int parts)
    {
        if (sources.Length != targets.Length)
            throw new ArgumentException($"{sources.Length} sources but {targets.Length} targets.", nameof(targets));
        int max = -1;
        for (int i = 0; i < sources.Length; i++)
        {
            int s = sources[i], t = targets[i];
            if (s < 0 || t < 0) throw new ArgumentException($"Edge {i} ({s} → {t}) has a negative node id.", nameof(sources));
            max = Math.Max(max, Math.Max(s, t));
        }
        int n = nodeCount ?? max + 1;
        ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(nodeCount));
        // Five int arrays of n (+1) entries are built (degrees, offsets, order): refuse what cannot be held before any is.
        MemoryBudget.Require(5.0 * ((long)n + 1) * sizeof(int), (long)n + 1, nameof(nodeCount), $"The node arrays of {n:N0} nodes");
        if (max >= n)
            throw new ArgumentException($"Node id {max} is not below the node count {n}.", nameof(nodeCount));
        // Each part beyond the first holds two more int arrays of n: no more parts than half the budget, less the five
        // arrays above, holds; and no more parts than edges.
        long spare = MemoryBudget.Bytes / 2 - 5L * ((long)n + 1) * sizeof(int);
        long affordable = 1 + Math.Max(0, spare) / (2L * ((long)n + 1) * sizeof(int));
        parts = (int)Math.Max(1, Math.Min(Math.Min(parts, affordable), sources.Length));
        if (parts == 1) return Sequential(sources, targets, n);
        unsafe
        {
            fixed (int* s = sources, t = targets) return Parallel((nint)s, (nint)t, sources.Length, n, parts);
        }
    }

    private static CsrGraph Sequential(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, int n)
    {
        var inDegree = new int[n];
        var outDegree = new int[n];
        for (int i = 0; i < targets.Length; i++)
        {
            inDegree[targets[i]]++;
            outDegree[sources[i]]++;
        }
        var layout = CsrLayout.Build(inDegree, outDegree);
        var cursor = layout.Offsets.AsSpan(0, n).ToArray();
        var position = layout.Position;
        var grouped = LargeArray.Uninitialized<int>(sources.Length);   // every slot is written below
        for (int i = 0; i < sources.Length; i++) grouped[cursor[position[targets[i]]]++] = position[sources[i]];
        return new CsrGraph(layout, grouped, outDegree);
    }

    /// <summary>The parallel sort on the pinned edge arrays at <paramref name="sourceAddress"/> and <paramref name="targetAddress"/>.</summary>
    private static unsafe CsrGraph Parallel(nint sourceAddress, nint targetAddress, int edges, int n, int parts)
    {
        int Cut(int p) => (int)((long)edges * p / parts);
        var inCounts = new int[parts][];
        var outCounts = new int[parts][];
        System.Threading.Tasks.Parallel.For(0, parts, p =>
        {
            var (ic, oc) = (new int[n], new int[n]);
            int* sources = (int*)sourceAddress, targets = (int*)targetAddress;
            for (int i = Cut(p), end = Cut(p + 1); i < end; i++)
            {
                ic[targets[i]]++;
                oc[sources[i]]++;
            }
            (inCounts[p], outCounts[p]) = (ic, oc);
        });
        var inDegree = new int[n];
        var outDegree = new int[n];
        NodeRanges(n, parts, (lo, hi) =>
        {
            for (int v = lo; v < hi; v++)
            {
                int din = 0, dout = 0;
                for (int p = 0; p < parts; p++)
                {
                    din += inCounts[p][v];
                    dout += outCounts[p][v];
                }
                (inDegree[v], outDegree[v]) = (din, dout);
            }
        });
        var layout = CsrLayout.Build(inDegree, outDegree);
        var position = layout.Position;
        var offsets = layout.Offsets;
        // inCounts[p][v] becomes part p's first slot for target v.
        NodeRanges(n, parts, (lo, hi) =>
        {
            for (int v = lo; v < hi; v++)
            {
                int slot = offsets[position[v]];
                for (int p = 0; p < parts; p++)
                {
                    int count = inCounts[p][v];
                    inCounts[p][v] = slot;
                    slot += count;
                }
            }
        });
        var grouped = LargeArray.Uninitialized<int>(edges);   // every slot is written below
        System.Threading.Tasks.Parallel.For(0, parts, p =>
        {
            var cursor = inCounts[p];
            int* sources = (int*)sourceAddress, targets = (int*)targetAddress;
            for (int i = Cut(p), end = Cut(p + 1); i < end; i++) grouped[cursor[targets[i]]++] = position[sources[i]];
        });
        return new CsrGraph(layout, grouped, outDegree);
    }

    /// <summary>Runs <paramref name="body"/> on <paramref name="parts"/> contiguous ranges of the n nodes in parallel.</summary>
    private static void NodeRanges(int n, int parts, Action<int, int> body) =>
        System.Threading.Tasks.Parallel.For(0, parts, p => body((int)((long)n * p / parts), (int)((long)n * (p + 1) / parts)));
}
