using MathForML.Graphs;

namespace MathForML.Tests.Graphs;

public class CsrGraphTests
{
    [Fact]
    public void PredecessorsAndDegreesSpeakNodeIds()
    {
        // 0 → 1, 0 → 2, 0 → 2 (duplicate), 2 → 2 (self-loop), 3 → 1; node 4 is isolated.
        var g = CsrGraph.FromEdges([0, 0, 0, 2, 3], [1, 2, 2, 2, 1], nodeCount: 5);
        Assert.Equal(5, g.NodeCount);
        Assert.Equal(5, g.EdgeCount);
        Assert.Equal([3, 0, 1, 1, 0], g.OutDegree);
        Assert.Equal([0, 3], g.Predecessors(1));
        Assert.Equal([0, 0, 2], g.Predecessors(2));
        Assert.Empty(g.Predecessors(0));
        Assert.Equal(3, g.InDegree(2));
        Assert.Equal(0, g.InDegree(4));
    }

    [Fact]
    public void StoredByDescendingOutDegreeTiesById()
    {
        var g = CsrGraph.FromEdges([0, 0, 0, 2, 3, 3], [1, 2, 2, 2, 1, 0], nodeCount: 5);
        Assert.Equal([0, 3, 2, 1, 4], g.Order);
        for (int p = 0; p < 5; p++) Assert.Equal(p, g.Position[g.Order[p]]);
    }

    [Fact]
    public void RandomGraphsKeepEveryEdge()
    {
        var rng = new Random(12);
        int n = 300, m = 3000;
        var s = Enumerable.Range(0, m).Select(_ => (int)(n * Math.Pow(rng.NextDouble(), 2))).ToArray();
        var t = Enumerable.Range(0, m).Select(_ => rng.Next(n)).ToArray();
        var g = CsrGraph.FromEdges(s, t);
        for (int v = 0; v < n; v++)
        {
            var expected = Enumerable.Range(0, m).Where(i => t[i] == v).Select(i => s[i]).ToArray();
            Assert.Equal(expected, g.Predecessors(v));
            Assert.Equal(s.Count(x => x == v), g.OutDegree[v]);
        }
    }

    /// <summary>
    /// The parallel counting sort gives the sequential one's graph array for array (stored order, offsets, sources in
    /// input order within each target, out-degrees) for 2, 3 and 7 parts, on a skewed random graph with duplicates,
    /// self-loops, isolated nodes and more parts than some targets have edges; and with more parts than edges.
    /// </summary>
    [Fact]
    public void ParallelCountingSortBuildsTheSameGraph()
    {
        var rng = new Random(31);
        int n = 500, m = 20011;
        var s = Enumerable.Range(0, m).Select(_ => (int)(n * Math.Pow(rng.NextDouble(), 3))).ToArray();
        var t = Enumerable.Range(0, m).Select(i => i % 97 == 0 ? s[i] : (int)(n * 0.9 * Math.Pow(rng.NextDouble(), 2))).ToArray();
        var expected = CsrGraph.FromEdges(s, t, n + 7, parts: 1);
        foreach (int parts in new[] { 2, 3, 7 })
        {
            var g = CsrGraph.FromEdges(s, t, n + 7, parts);
            Assert.Equal(expected.Order, g.Order);
            Assert.Equal(expected.Position, g.Position);
            Assert.Equal(expected.Offsets, g.Offsets);
            Assert.Equal(expected.Sources, g.Sources);
            Assert.Equal(expected.OutDegree, g.OutDegree);
        }

        var (rs, rt) = (new int[3], new int[3]);
        Assert.Equal(CsrGraph.FromEdges(rs, rt, 4, parts: 1).Sources, CsrGraph.FromEdges(rs, rt, 4, parts: 5).Sources);
    }
}
