namespace MathForML.Graphs;

/// <summary>
/// A directed graph in compressed sparse row form, stored by <em>target</em>: for each node v, the sources of its
/// incoming edges u → v lie in <c>Sources[Offsets[v] .. Offsets[v+1])</c> (the CSR of Aᵀ, what a pull-style PageRank
/// reads), plus each node's out-degree. Built from an edge list in O(E + n) by a counting sort on the targets, with
/// int32 indices (up to 2³¹ − 1 edges). Duplicate edges are kept as multi-edges (each counts in the out-degree and in the
/// sum) and self-loops are kept, as in SNAP's and scipy's readings of an edge list. Memory: 4 bytes per edge + 8 per node.
/// </summary>
public sealed class CsrGraph
{
    internal CsrGraph(int nodeCount, int[] offsets, int[] sources, int[] outDegree)
    {
        NodeCount = nodeCount;
        Offsets = offsets;
        Sources = sources;
        OutDegree = outDegree;
    }

    /// <summary>Number of nodes n (ids 0 … n−1).</summary>
    public int NodeCount { get; }

    /// <summary>Number of edges, duplicates included.</summary>
    public int EdgeCount => Sources.Length;

    /// <summary>n + 1 offsets into <see cref="Sources"/>, by target node.</summary>
    public int[] Offsets { get; }

    /// <summary>The sources of all edges, grouped by target node (in input order within a group).</summary>
    public int[] Sources { get; }

    /// <summary>Out-degree of every node (number of edges leaving it, duplicates included).</summary>
    public int[] OutDegree { get; }

    /// <summary>The sources of the edges into <paramref name="node"/>.</summary>
    public ReadOnlySpan<int> Predecessors(int node) => Sources.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);

    /// <summary>
    /// Builds the graph from edges sᵢ → tᵢ. <paramref name="nodeCount"/> defaults to the largest id + 1;
    /// an id that is negative or not below a given node count is an error.
    /// </summary>
    public static CsrGraph FromEdges(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, int? nodeCount = null)
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
        if (max >= n)
            throw new ArgumentException($"Node id {max} is not below the node count {n}.", nameof(nodeCount));
        var offsets = new int[n + 1];
        var outDegree = new int[n];
        for (int i = 0; i < targets.Length; i++)
        {
            offsets[targets[i] + 1]++;
            outDegree[sources[i]]++;
        }
        for (int v = 0; v < n; v++) offsets[v + 1] += offsets[v];
        var next = offsets.AsSpan(0, n).ToArray();
        var grouped = new int[sources.Length];
        for (int i = 0; i < sources.Length; i++) grouped[next[targets[i]]++] = sources[i];
        return new CsrGraph(n, offsets, grouped, outDegree);
    }
}
