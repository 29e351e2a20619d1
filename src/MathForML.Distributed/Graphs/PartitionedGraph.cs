using MathForML.Data;
using MathForML.Graphs;

namespace MathForML.Distributed.Graphs;

/// <summary>
/// One rank's part of a directed graph split by target over the ranks of a job (1-D partitioning). The nodes are laid
/// out as the single process lays them out (<see cref="CsrGraph"/>: descending out-degree, ties by id), and each rank
/// owns a contiguous block of those positions [<see cref="First"/>, <see cref="End"/>) with the sources of all their
/// incoming edges (as positions), regrouped by source segment for a cache-friendly pull (<c>SourceSegments</c>). The
/// blocks hold about equal numbers of incoming edges plus nodes, so the ranks share the work of a step evenly.
/// </summary>
/// <remarks>
/// Read from an edge-list file in three passes, each checked on every rank together (<see cref="Agreement"/>): each
/// rank checks the ids of its own 1/P of the edges and finds their largest id (a maximum over the ranks gives n); it
/// counts the in- and out-degrees of those edges (summed over the ranks: 8 bytes per node sent); then it streams the
/// whole file and keeps the edges whose target falls in its block. Streaming the file on every rank costs P reads of
/// it but no exchange of edges (an all-to-all would send each edge once instead); on one machine the file is read from
/// the page cache. Memory per rank: 8 bytes per kept edge (the edges and their regrouped copy while it is built, then
/// 4 + 8 per pair), 12 per node for the layout, 8 per node while counting.
/// </remarks>
public sealed class PartitionedGraph
{
    private PartitionedGraph(int nodeCount, long edgeCount, int first, int end, int[] order, int[] outDegree, SourceSegments segments)
    {
        NodeCount = nodeCount;
        EdgeCount = edgeCount;
        First = first;
        End = end;
        Order = order;
        OutDegree = outDegree;
        Segments = segments;
    }

    /// <summary>n, the nodes of the whole graph.</summary>
    public int NodeCount { get; }

    /// <summary>The edges of the whole graph.</summary>
    public long EdgeCount { get; }

    /// <summary>The first position of this rank's block.</summary>
    public int First { get; }

    /// <summary>One past the last position of this rank's block.</summary>
    public int End { get; }

    /// <summary>The nodes of this rank's block.</summary>
    public int BlockSize => End - First;

    /// <summary>The incoming edges of this rank's block.</summary>
    public int BlockEdgeCount => Segments.Sources.Length;

    /// <summary>Every node's out-degree, by id (the whole graph's).</summary>
    public int[] OutDegree { get; }

    /// <summary>Position → node id, for the whole graph (the same on every rank).</summary>
    internal int[] Order { get; }

    /// <summary>The block's incoming edges, regrouped by source segment (targets are block-local, sources positions).</summary>
    internal SourceSegments Segments { get; }

    /// <summary>Reads this rank's part of the edge list at <paramref name="path"/> (every rank calls it).</summary>
    /// <param name="world">The ranks sharing the graph.</param>
    /// <param name="path">Text edge list, or binary int32 pairs when it ends in <c>.bin</c>.</param>
    /// <param name="nodeCount">Number of nodes; the largest id + 1 when null.</param>
    /// <param name="cancellationToken">Checked every block of edges read.</param>
    /// <exception cref="RankFailedException">Reading failed on this rank (a <see cref="DataFileException"/> inside for a malformed file).</exception>
    /// <exception cref="PeerRankFailedException">Reading failed on another rank.</exception>
    public static PartitionedGraph Read(ICommunicator world, string path, int? nodeCount = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (nodeCount is < 0 || nodeCount >= Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(nodeCount), nodeCount, $"The node count must be between 0 and {Array.MaxLength - 1}.");
        EdgeSource? opened = null;
        try
        {
            opened = Agreement.Run(world, () => EdgeSource.Open(path));
            return Read(world, opened, nodeCount, cancellationToken);
        }
        finally
        {
            opened?.Dispose();
        }
    }

    private static PartitionedGraph Read(ICommunicator world, EdgeSource source, int? nodeCount, CancellationToken cancellationToken)
    {
        long edges = source.EdgeCount;
        long first = edges * world.Rank / world.Size, end = edges * (world.Rank + 1) / world.Size;
        var largestId = new long[] { Agreement.Run(world, () => LargestId(source, first, end, nodeCount, cancellationToken)) };
        world.Max(largestId);
        long largest = largestId[0];
        int n = Agreement.Run(world, () =>
        {
            if (edges > Array.MaxLength) throw new DataFileException(source.Path, $"binary edge list has {edges} edges, more than {Array.MaxLength}");
            if (nodeCount is null && largest + 1 > CsrGraphReader.MaxImpliedNodes(edges)) throw CsrGraphReader.TooSparse(source.Path, largest, edges);
            return nodeCount ?? (int)(largest + 1);
        });

        // In-degrees in [0, n), out-degrees in [n, 2n), of this rank's edges, then of all.
        var degrees = Agreement.Run(world, () =>
        {
            var counts = new int[2 * n];
            source.ForEachBlock(first, end, (pairs, _) =>
            {
                for (int i = 0; i < pairs.Length; i += 2)
                {
                    counts[n + pairs[i]]++;
                    counts[pairs[i + 1]]++;
                }
            }, cancellationToken);
            return counts;
        });
        world.Sum(degrees);
        var outDegree = degrees.AsSpan(n).ToArray();
        var layout = CsrLayout.Build(degrees.AsSpan(0, n), outDegree);
        degrees = null;
        var (blockFirst, blockEnd) = Block(layout.Offsets, world.Rank, world.Size);
        var position = layout.Position;
        int baseOffset = layout.Offsets[blockFirst];
        var offsets = new int[blockEnd - blockFirst + 1];
        for (int p = blockFirst; p <= blockEnd; p++) offsets[p - blockFirst] = layout.Offsets[p] - baseOffset;
        var sources = Agreement.Run(world, () =>
        {
            var placed = new int[offsets[^1]];
            var cursor = offsets[..^1];
            source.ForEachBlock(0, edges, (pairs, _) =>
            {
                for (int i = 0; i < pairs.Length; i += 2)
                {
                    uint local = (uint)(position[pairs[i + 1]] - blockFirst);
                    if (local < (uint)cursor.Length) placed[cursor[local]++] = position[pairs[i]];
                }
            }, cancellationToken);
            return placed;
        });
        var segments = SourceSegments.Build(n, offsets, sources, maxThreads: LocalRanks.ThreadsPerRank);
        return new PartitionedGraph(n, edges, blockFirst, blockEnd, layout.Order, outDegree, segments);
    }

    /// <summary>The largest id among edges [first, end), after checking every id (non-negative, below the node count when given).</summary>
    private static long LargestId(EdgeSource source, long first, long end, int? nodeCount, CancellationToken cancellationToken)
    {
        long limit = nodeCount ?? long.MaxValue;   // without a node count any non-negative id passes here; n is checked once agreed
        int largest = -1;
        source.ForEachBlock(first, end, (pairs, firstEdge) =>
        {
            for (int i = 0; i < pairs.Length; i++)
            {
                int id = pairs[i];
                if (id >= 0 && id < limit)
                {
                    if (id > largest) largest = id;
                    continue;
                }

                long edge = firstEdge + i / 2;
                string problem = id < 0 ? "a negative node id" : $"node id {id}, not below the node count {limit},";
                throw new DataFileException(source.Path, $"edge {edge} (byte offset {8L * edge}) has {problem} ({pairs[i & ~1]} → {pairs[i | 1]})");
            }
        }, cancellationToken);
        return largest;
    }

    /// <summary>
    /// Rank <paramref name="rank"/>'s block of positions: the blocks split the weights (in-degree + 1 per node, E + n in
    /// all) into <paramref name="ranks"/> nearly equal contiguous parts. <paramref name="offsets"/> are the in-edge
    /// offsets by position (n + 1), so the weight before position p is offsets[p] + p.
    /// </summary>
    internal static (int First, int End) Block(ReadOnlySpan<int> offsets, int rank, int ranks) =>
        (Boundary(offsets, rank, ranks), Boundary(offsets, rank + 1, ranks));

    /// <summary>The first position of block <paramref name="r"/>: where the running weight first reaches r/P of the total.</summary>
    private static int Boundary(ReadOnlySpan<int> offsets, int r, int ranks)
    {
        int n = offsets.Length - 1;
        if (r >= ranks) return n;
        long target = ((long)offsets[n] + n) * r / ranks;
        int lo = 0, hi = n;   // the least p with offsets[p] + p ≥ target
        while (lo < hi)
        {
            int mid = (int)(((long)lo + hi) / 2);
            if (offsets[mid] + (long)mid >= target) hi = mid;
            else lo = mid + 1;
        }

        return lo;
    }
}
