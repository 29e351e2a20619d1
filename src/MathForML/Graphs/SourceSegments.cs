using MathForML.Numerics;

namespace MathForML.Graphs;

/// <summary>
/// A <see cref="CsrGraph"/>'s edges regrouped for a cache-friendly pull (segmenting, as in Cagra: Zhang, Kiriansky,
/// Mendis, Amarasinghe, Zaharia, Shun, "Making Caches Work for Graph Analytics", IEEE BigData 2017). The source
/// positions are cut into segments of 2^<see cref="SegmentBits"/> nodes, small enough that a segment's scaled ranks
/// (8 bytes each) stay in a core's L2 cache; the targets are cut into <see cref="TileCount"/> tiles of about equal work.
/// Edges are ordered by (tile, segment, target), keeping the input order inside each group, and every run of edges
/// with one target inside one (tile, segment) is a <em>pair</em>: a target and the range of its sources.
/// </summary>
/// <remarks>
/// A step walks the segments in order and, inside each, every tile's pairs of that segment: for each pair,
/// sum[target] += Σ s[source] over its edges. While a segment is walked (both cores on it, tiles shared out) its scaled
/// ranks stay in each core's L2 and every gather hits there, and because the graph stores nodes in descending order of out-degree the first segment (the
/// nodes linked from most often) holds most edges: on R-MAT scale 20 the first of 16 segments of 2^16 nodes holds 83%
/// of the edges, and there are 0.07 pairs per edge. Each target's sum is built in the same order (segment by segment,
/// input order inside) whatever the tiles or threads, so the result is deterministic. Memory: 4 bytes per edge
/// (a regrouped copy of the sources) + 8 per pair + 4 per (tile, segment). Built in O(E + n + tiles·segments), the tiles on all cores.
/// </remarks>
internal sealed class SourceSegments
{
    /// <summary>log₂ of the segment width: 2^16 nodes, 512 KB of scaled ranks (Zen 3 to Zen 5 cores have 512 KB to 1 MB of L2).</summary>
    public const int DefaultSegmentBits = 16;

    /// <summary>
    /// Work (edges + nodes) a tile aims at: 2^16, so that a tile's sums (and the targets' end of each step) stay in L1/L2
    /// and the threads share many small tiles (R-MAT 20, Zen 5, 2 threads, interleaved: medians 0.36 s for 26 steps
    /// against 0.50 s with tiles of 2^19; segments of 2^17 measured the same as 2^16).
    /// </summary>
    public const int DefaultTileWork = 1 << 16;

    private readonly int[] tileNodes, tilePairs, keyPairs;
    private readonly long[] segmentPairs;

    private SourceSegments(int segmentBits, int segmentCount, int[] tileNodes, int[] tilePairs, int[] keyPairs, int[] pairTargets, int[] pairOffsets, int[] sources)
    {
        SegmentBits = segmentBits;
        SegmentCount = segmentCount;
        this.tileNodes = tileNodes;
        this.tilePairs = tilePairs;
        this.keyPairs = keyPairs;
        PairTargets = pairTargets;
        PairOffsets = pairOffsets;
        Sources = sources;
        segmentPairs = new long[segmentCount];
        for (int tile = 0; tile < tileNodes.Length - 1; tile++)
        {
            for (int segment = 0; segment < segmentCount; segment++)
            {
                int key = (tile * segmentCount) + segment;
                segmentPairs[segment] += keyPairs[key + 1] - keyPairs[key];
            }
        }
    }

    /// <summary>log₂ of the segment width in nodes.</summary>
    public int SegmentBits { get; }

    /// <summary>Number of segments (source ranges of 2^<see cref="SegmentBits"/> nodes).</summary>
    public int SegmentCount { get; }

    /// <summary>Number of tiles (target ranges).</summary>
    public int TileCount => tileNodes.Length - 1;

    /// <summary>The target (stored position) of every pair.</summary>
    public int[] PairTargets { get; }

    /// <summary>Pairs + 1 offsets into <see cref="Sources"/>: pair p's sources are [PairOffsets[p], PairOffsets[p + 1]).</summary>
    public int[] PairOffsets { get; }

    /// <summary>The sources (stored positions) of all edges, by (tile, segment, target).</summary>
    public int[] Sources { get; }

    /// <summary>
    /// The pairs, over all tiles, whose sources lie in segment <paramref name="segment"/>: 0 for a segment of nodes that
    /// link nowhere (the graph stores nodes by descending out-degree, so those are the last segments).
    /// </summary>
    public long SegmentPairCount(int segment) => segmentPairs[segment];

    /// <summary>The targets [Start, End) of tile <paramref name="tile"/>.</summary>
    public (int Start, int End) TileNodes(int tile) => (tileNodes[tile], tileNodes[tile + 1]);

    /// <summary>The pairs [Start, End) of tile <paramref name="tile"/>.</summary>
    public (int Start, int End) TilePairs(int tile) => (tilePairs[tile], tilePairs[tile + 1]);

    /// <summary>The pairs [Start, End) of tile <paramref name="tile"/> whose sources lie in segment <paramref name="segment"/>.</summary>
    public (int Start, int End) SegmentPairs(int tile, int segment)
    {
        int key = (tile * SegmentCount) + segment;
        return (keyPairs[key], keyPairs[key + 1]);
    }

    /// <summary>Regroups <paramref name="graph"/>'s edges (see the class remarks).</summary>
    public static SourceSegments Build(CsrGraph graph, int segmentBits = DefaultSegmentBits, int tileWork = DefaultTileWork, int? maxThreads = null) =>
        Build(graph.NodeCount, graph.Offsets, graph.Sources, segmentBits, tileWork, maxThreads);

    /// <summary>
    /// Regroups the in-edge lists of any range of targets: <paramref name="offsets"/> (targets + 1) into
    /// <paramref name="sources"/>, whose values are below <paramref name="sourceCount"/> (one rank's block of a graph
    /// split over the ranks of a job: local targets, global sources).
    /// </summary>
    public static SourceSegments Build(int sourceCount, int[] offsets, int[] sources, int segmentBits = DefaultSegmentBits, int tileWork = DefaultTileWork,
        int? maxThreads = null)
    {
        int n = sourceCount;
        int segments = (n >> segmentBits) + 1;
        var tileNodes = CutTiles(offsets, tileWork);
        int tiles = tileNodes.Length - 1;
        // Per (tile, segment) key: its edges and its pairs, counted tile by tile (each tile owns its keys).
        var edgeStart = new long[(tiles * segments) + 1];
        var pairStart = new long[(tiles * segments) + 1];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount };
        Parallel.For(0, tiles, parallel, t =>
        {
            int key0 = t * segments;
            var lastTarget = new int[segments];
            Array.Fill(lastTarget, -1);
            for (int w = tileNodes[t]; w < tileNodes[t + 1]; w++)
            {
                for (int e = offsets[w]; e < offsets[w + 1]; e++)
                {
                    int s = sources[e] >> segmentBits;
                    edgeStart[key0 + s + 1]++;
                    if (lastTarget[s] != w) { lastTarget[s] = w; pairStart[key0 + s + 1]++; }
                }
            }
        });
        for (int k = 0; k < tiles * segments; k++)
        {
            edgeStart[k + 1] += edgeStart[k];
            pairStart[k + 1] += pairStart[k];
        }

        long pairCount = pairStart[tiles * segments];
        if (pairCount >= Array.MaxLength) throw new InvalidOperationException($"{pairCount:N0} segment pairs are more than an array holds.");
        // Huge-page advice before the first touch (LargeArray): at R-MAT 24 these hold 1.3 GB. Every slot is written
        // below (the pairs and edges counted above, each once; the last offset after the loop), so none is cleared first.
        var pairTargets = LargeArray.Uninitialized<int>((int)pairCount);
        var pairOffsets = LargeArray.Uninitialized<int>((int)pairCount + 1);
        var regrouped = LargeArray.Uninitialized<int>(sources.Length);
        Parallel.For(0, tiles, parallel, t =>
        {
            int key0 = t * segments;
            var edgeCursor = new int[segments];
            var pairCursor = new int[segments];
            var lastTarget = new int[segments];
            for (int s = 0; s < segments; s++)
            {
                edgeCursor[s] = (int)edgeStart[key0 + s];
                pairCursor[s] = (int)pairStart[key0 + s];
            }

            Array.Fill(lastTarget, -1);
            for (int w = tileNodes[t]; w < tileNodes[t + 1]; w++)
            {
                for (int e = offsets[w]; e < offsets[w + 1]; e++)
                {
                    int source = sources[e], s = source >> segmentBits;
                    if (lastTarget[s] != w)
                    {
                        lastTarget[s] = w;
                        int p = pairCursor[s]++;
                        pairTargets[p] = w;
                        pairOffsets[p] = edgeCursor[s];
                    }

                    regrouped[edgeCursor[s]++] = source;
                }
            }
        });
        pairOffsets[pairCount] = sources.Length;
        var tilePairs = new int[tiles + 1];
        for (int t = 0; t <= tiles; t++) tilePairs[t] = (int)pairStart[t * segments];
        var keyPairs = new int[pairStart.Length];
        for (int k = 0; k < keyPairs.Length; k++) keyPairs[k] = (int)pairStart[k];
        return new SourceSegments(segmentBits, segments, tileNodes, tilePairs, keyPairs, pairTargets, pairOffsets, regrouped);
    }

    /// <summary>Tile boundaries over the targets: a new tile starts once the current one holds tileWork edges + nodes.</summary>
    private static int[] CutTiles(int[] offsets, int tileWork)
    {
        int n = offsets.Length - 1;
        var cuts = new List<int> { 0 };
        long start = 0;
        for (int w = 0; w < n; w++)
        {
            long work = offsets[w + 1] + (long)(w + 1) - start;
            if (work >= tileWork && w + 1 < n)
            {
                cuts.Add(w + 1);
                start = offsets[w + 1] + (long)(w + 1);
            }
        }

        cuts.Add(n);
        return [.. cuts];
    }
}
