using MathForML.Graphs;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.Tests.Graphs;

/// <summary>
/// The segmented pull (<see cref="PageRank.Compute"/>) against the readable pull it replaced
/// (<see cref="PageRank.ComputeReference"/>): R-MAT graphs (about half their nodes dangling), uniform and personalized
/// jumps, 1, 2 and 3 threads. Small segments and tiles (2^9 nodes, 2^12 of work) make even scale 12 cross many of both.
/// </summary>
public class SegmentedPageRankTests
{
    private static readonly PageRankOptions Tight = new() { Tolerance = 1e-13 };

    private static double L1(double[] a, double[] b) => a.Zip(b).Sum(p => Math.Abs(p.First - p.Second));

    private static PageRankOptions Personalized(int n, int seed)
    {
        // A jump to a random tenth of the nodes, uneven weights, summing to 1.
        var random = new Random(seed);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = random.Next(10) == 0 ? random.NextDouble() : 0;
        double total = v.Sum();
        return Tight with { Personalization = [.. v.Select(x => x / total)] };
    }

    [Theory]
    [InlineData(12, false)]
    [InlineData(12, true)]
    [InlineData(14, false)]
    [InlineData(14, true)]
    [InlineData(16, false)]
    [InlineData(16, true)]
    public void MatchesTheReferenceWhateverTheThreadCount(int scale, bool personalized)
    {
        var graph = RmatGenerator.GenerateGraph(scale, 16, (ulong)scale);
        Assert.Contains(graph.OutDegree, degree => degree == 0);
        var options = personalized ? Personalized(graph.NodeCount, scale) : Tight;
        var reference = PageRank.ComputeReference(graph, options, maxThreads: 1);
        Assert.True(reference.Converged);
        var layout = SourceSegments.Build(graph, segmentBits: 9, tileWork: 1 << 12);
        Assert.True(layout.TileCount > 4);
        PageRankResult? first = null;
        foreach (int threads in new[] { 1, 2, 3 })
        {
            var fast = SparsePageRank.Run(graph, options, threads, null, SparsePageRank.Method.Segmented, KernelPathSelection.Best, layout, CancellationToken.None);
            Assert.True(fast.Converged);
            double l1 = L1(reference.Ranks, fast.Ranks);
            Assert.True(l1 <= 1e-12, $"{threads} threads: L1 distance to the reference {l1}");
            first ??= fast;
            Assert.Equal(first.Ranks, fast.Ranks);
            Assert.Equal(first.Residuals, fast.Residuals);
        }

        // The public entry point (the default layout, the best path) agrees too.
        var compute = PageRank.Compute(graph, options, maxThreads: 3);
        Assert.True(L1(reference.Ranks, compute.Ranks) <= 1e-12);
        Assert.Equal(compute.Ranks, PageRank.Compute(graph, options, maxThreads: 1).Ranks);
    }

    [Fact]
    public void EveryKernelPathGivesTheSameRanksToRounding()
    {
        var graph = RmatGenerator.GenerateGraph(12, 16, 7);
        var layout = SourceSegments.Build(graph, segmentBits: 8, tileWork: 1 << 11);
        var reference = PageRank.ComputeReference(graph, Tight);
        foreach (var path in KernelPathSelection.Supported)
        {
            var fast = SparsePageRank.Run(graph, Tight, 2, null, SparsePageRank.Method.Segmented, path, layout, CancellationToken.None);
            Assert.True(L1(reference.Ranks, fast.Ranks) <= 1e-12, $"{path}: {L1(reference.Ranks, fast.Ranks)}");
        }
    }

    [Fact]
    public void LayoutHoldsEveryEdgeOnceGroupedBySegment()
    {
        var graph = RmatGenerator.GenerateGraph(10, 8, 11);
        const int bits = 6;
        var layout = SourceSegments.Build(graph, bits, tileWork: 1 << 9);
        Assert.Equal(graph.EdgeCount, layout.Sources.Length);
        var seen = new Dictionary<int, List<int>>();
        int previousTileEnd = 0;
        for (int t = 0; t < layout.TileCount; t++)
        {
            var (start, end) = layout.TileNodes(t);
            Assert.Equal(previousTileEnd, start);
            previousTileEnd = end;
            var (pairStart, pairEnd) = layout.TilePairs(t);
            (int Segment, int Target) last = (-1, -1);
            for (int p = pairStart; p < pairEnd; p++)
            {
                int target = layout.PairTargets[p];
                Assert.InRange(target, start, end - 1);
                Assert.True(layout.PairOffsets[p + 1] > layout.PairOffsets[p], "a pair without edges");
                int segment = layout.Sources[layout.PairOffsets[p]] >> bits;
                Assert.True((segment, target).CompareTo(last) > 0, $"pair {p} is out of (segment, target) order");
                last = (segment, target);
                for (int e = layout.PairOffsets[p]; e < layout.PairOffsets[p + 1]; e++)
                {
                    Assert.Equal(segment, layout.Sources[e] >> bits);
                    (seen.TryGetValue(target, out var list) ? list : seen[target] = []).Add(layout.Sources[e]);
                }
            }
        }

        Assert.Equal(graph.NodeCount, previousTileEnd);
        for (int w = 0; w < graph.NodeCount; w++)
        {
            // Same sources, in segment order and input order inside a segment: a stable sort of the in-list by segment.
            var expected = graph.Sources[graph.Offsets[w]..graph.Offsets[w + 1]].OrderBy(s => s >> bits).ToArray();
            Assert.Equal(expected, seen.TryGetValue(w, out var list) ? list : []);
        }
    }

    [Theory]
    [InlineData(12, false)]
    [InlineData(14, true)]
    [InlineData(16, false)]
    public void SegmentBySegmentEqualsTileByTileBitForBit(int scale, bool personalized)
    {
        // The default step walks segment by segment (both cores on one segment's scaled ranks); a distributed rank's
        // step walks tile by tile. Each target adds its pairs in segment order either way, so the ranks are identical.
        var graph = RmatGenerator.GenerateGraph(scale, 16, (ulong)scale + 100);
        var options = personalized ? Personalized(graph.NodeCount, scale) : Tight;
        var layout = SourceSegments.Build(graph, segmentBits: 9, tileWork: 1 << 12);
        Assert.True(layout.SegmentCount > 4);
        foreach (int threads in new[] { 1, 2, 3 })
        {
            var bySegment = SparsePageRank.Run(graph, options, threads, null, SparsePageRank.Method.Segmented, KernelPathSelection.Best, layout, CancellationToken.None);
            var byTile = SparsePageRank.Run(graph, options, threads, null, SparsePageRank.Method.SegmentedByTile, KernelPathSelection.Best, layout, CancellationToken.None);
            Assert.Equal(byTile.Ranks, bySegment.Ranks);
            Assert.Equal(byTile.Residuals, bySegment.Residuals);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AThreadCountBelowOneIsRefused(int threads)
    {
        var graph = RmatGenerator.GenerateGraph(8, 8, 3);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SparsePageRank.Run(graph, null, threads, null, SparsePageRank.Method.Segmented, KernelPathSelection.Best, null, CancellationToken.None));
        Assert.Equal("maxThreads", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRank.Compute(graph, maxThreads: threads));
    }

    [Fact]
    public void SegmentPairsCutEachTilesPairsBySegment()
    {
        var graph = RmatGenerator.GenerateGraph(11, 8, 5);
        const int bits = 7;
        var layout = SourceSegments.Build(graph, bits, tileWork: 1 << 10);
        Assert.Equal((graph.NodeCount >> bits) + 1, layout.SegmentCount);
        for (int t = 0; t < layout.TileCount; t++)
        {
            var (start, end) = layout.TilePairs(t);
            int at = start;
            for (int s = 0; s < layout.SegmentCount; s++)
            {
                var (segmentStart, segmentEnd) = layout.SegmentPairs(t, s);
                Assert.Equal(at, segmentStart);
                for (int p = segmentStart; p < segmentEnd; p++) Assert.Equal(s, layout.Sources[layout.PairOffsets[p]] >> bits);
                at = segmentEnd;
            }

            Assert.Equal(end, at);
        }

        // Each segment's pair count over all tiles; the nodes that link nowhere come last, so their segments hold none.
        for (int s = 0; s < layout.SegmentCount; s++)
        {
            long pairs = 0;
            for (int t = 0; t < layout.TileCount; t++) pairs += layout.SegmentPairs(t, s).End - layout.SegmentPairs(t, s).Start;
            Assert.Equal(pairs, layout.SegmentPairCount(s));
        }

        int linking = graph.OutDegree.Count(degree => degree > 0);
        Assert.True(layout.SegmentPairCount(layout.SegmentCount - 1) == 0, "the last segment holds only nodes that link nowhere");
        Assert.True(layout.SegmentPairCount((linking - 1) >> bits) > 0);
        for (int s = ((linking - 1) >> bits) + 1; s < layout.SegmentCount; s++) Assert.Equal(0, layout.SegmentPairCount(s));
    }

    [Fact]
    public async Task TheKeptWorkspaceGivesTheSameRanksRunAfterRunSideBySideAndAfterACancelledRun()
    {
        // The vectors stay with the graph between runs; a run that finds them taken allocates its own.
        var graph = RmatGenerator.GenerateGraph(13, 16, 3);
        var layout = SourceSegments.Build(graph, segmentBits: 9, tileWork: 1 << 12);
        PageRankResult Run(PageRankOptions options) =>
            SparsePageRank.Run(graph, options, 2, null, SparsePageRank.Method.Segmented, KernelPathSelection.Best, layout, CancellationToken.None);
        var first = Run(Tight);
        var personalized = Run(Personalized(graph.NodeCount, 9));
        Assert.NotEqual(first.Ranks, personalized.Ranks);
        Assert.Equal(first.Ranks, Run(Tight).Ranks);
        var side = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Run(Tight))));
        Assert.All(side, result => Assert.Equal(first.Ranks, result.Ranks));

        // Cancelled after three steps: the next run starts from clean vectors all the same.
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress<WorkProgress>(p => { if (p.Step == 3) cancel.Cancel(); });
        Assert.Throws<OperationCanceledException>(() =>
            SparsePageRank.Run(graph, Tight, 2, progress, SparsePageRank.Method.Segmented, KernelPathSelection.Best, layout, cancel.Token));
        Assert.Equal(first.Ranks, Run(Tight).Ranks);
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
