using MathForML.Graphs;

namespace MathForML.Tests.Graphs;

public class RmatGeneratorTests
{
    [Fact]
    public void HasTheRequestedSizeAndIdsInRange()
    {
        var (s, t) = RmatGenerator.Generate(10, edgeFactor: 8, seed: 3);
        Assert.Equal(8 << 10, s.Length);
        Assert.Equal(s.Length, t.Length);
        Assert.All(s, id => Assert.InRange(id, 0, 1023));
        Assert.All(t, id => Assert.InRange(id, 0, 1023));
        var g = RmatGenerator.GenerateGraph(10, 8, 3);
        Assert.Equal(1024, g.NodeCount);
        Assert.Equal(8 << 10, g.EdgeCount);
    }

    [Fact]
    public void SameSeedSameGraphWhateverTheThreadCount()
    {
        var one = RmatGenerator.Generate(14, seed: 7, maxThreads: 1);
        var two = RmatGenerator.Generate(14, seed: 7, maxThreads: 2);
        Assert.Equal(one.Sources, two.Sources);
        Assert.Equal(one.Targets, two.Targets);
        var other = RmatGenerator.Generate(14, seed: 8);
        Assert.NotEqual(one.Sources, other.Sources);
    }

    [Fact]
    public void QuadrantFrequenciesMatchGraph500Parameters()
    {
        // Unscrambled, each bit of (source, target) is (0,0) with probability a, (0,1) b, (1,0) c, (1,1) d.
        var (s, t) = RmatGenerator.Generate(12, seed: 11, scramble: false);
        int m = s.Length;   // 65536 edges: one standard deviation of a frequency is at most 0.002
        for (int bit = 0; bit < 12; bit++)
        {
            double sourceSet = s.Count(x => ((x >> bit) & 1) == 1) / (double)m;
            double targetSet = t.Count(x => ((x >> bit) & 1) == 1) / (double)m;
            double both = s.Zip(t).Count(p => ((p.First & p.Second) >> bit & 1) == 1) / (double)m;
            Assert.InRange(sourceSet, 0.24 - 0.01, 0.24 + 0.01);
            Assert.InRange(targetSet, 0.24 - 0.01, 0.24 + 0.01);
            Assert.InRange(both, 0.05 - 0.006, 0.05 + 0.006);
        }
    }

    [Fact]
    public void ScramblingRelabelsWithoutChangingTheDegreeDistribution()
    {
        var raw = CsrGraph.FromEdges(RmatGenerator.Generate(12, seed: 2, scramble: false).Sources, RmatGenerator.Generate(12, seed: 2, scramble: false).Targets, 4096);
        var (s, t) = RmatGenerator.Generate(12, seed: 2);
        var scrambled = CsrGraph.FromEdges(s, t, 4096);
        Assert.Equal(raw.OutDegree.Order(), scrambled.OutDegree.Order());
        // Node 0 is the hub of the raw graph (all its bits take the likely quadrant); scrambled, it lives elsewhere.
        Assert.Equal(raw.OutDegree.Max(), raw.OutDegree[0]);
        Assert.NotEqual(scrambled.OutDegree.Max(), scrambled.OutDegree[0]);
        // Skewed: the hub has about 16·2¹²·0.76¹² ≈ 2400 out-links against an average of 16.
        Assert.InRange(raw.OutDegree[0], 2000, 2900);
    }

    [Fact]
    public void BadParametersAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RmatGenerator.Generate(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RmatGenerator.Generate(31));
        Assert.Throws<ArgumentOutOfRangeException>(() => RmatGenerator.Generate(4, edgeFactor: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RmatGenerator.Generate(30, edgeFactor: 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => RmatGenerator.Generate(4, a: 0.6, b: 0.3, c: 0.3));
    }
}
