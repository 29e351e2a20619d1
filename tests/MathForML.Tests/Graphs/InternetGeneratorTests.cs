using MathForML.Graphs;

namespace MathForML.Tests.Graphs;

public class InternetGeneratorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(100)]
    [InlineData(500)]
    public void EveryColumnIsAProbabilityDistribution(int pages)
    {
        var l = InternetGenerator.Generate(pages, seed: 4);
        for (int j = 0; j < pages; j++)
        {
            double sum = 0;
            for (int i = 0; i < pages; i++)
            {
                Assert.True(l[i, j] >= 0);
                sum += l[i, j];
            }
            Assert.Equal(1, sum, 12);
        }
    }

    [Fact]
    public void SeededAndReproducible()
    {
        Assert.Equal(InternetGenerator.Generate(50, 9).AsSpan().ToArray(), InternetGenerator.Generate(50, 9).AsSpan().ToArray());
        Assert.NotEqual(InternetGenerator.Generate(50, 9).AsSpan().ToArray(), InternetGenerator.Generate(50, 10).AsSpan().ToArray());
    }

    [Fact]
    public void SomePagesLinkOnlyToThemselves()
    {
        var l = InternetGenerator.Generate(100, 1);
        var selfLinking = InternetGenerator.SelfLinkingPages(100, 1);
        Assert.Equal(5, selfLinking.Length);
        foreach (int p in selfLinking) Assert.Equal(1.0, l[p, p]);
        Assert.Empty(InternetGenerator.ImportantPages(100, 1).Intersect(selfLinking));
    }

    [Fact]
    public void DampedRanksMatchTheEigenvectorAndFavourTheImportantPages()
    {
        var l = InternetGenerator.Generate(60, 3);
        var expected = PageRank.CourseEigenvector(l, 0.85);
        var ranks = PageRank.Course(l, 0.85, 1e-12).Ranks;
        for (int i = 0; i < 60; i++) Assert.Equal(expected[i], ranks[i], 9);
        Assert.Equal(100, ranks.Sum(), 9);
        // The important pages take the top places; the median page gets less than an even share.
        var important = InternetGenerator.ImportantPages(60, 3);
        var top = Enumerable.Range(0, 60).OrderByDescending(i => ranks[i]).Take(important.Length).Order().ToArray();
        Assert.Equal(important, top);
        Assert.True(ranks.Order().ElementAt(30) < 100.0 / 60);
    }

    [Fact]
    public void UndampedASelfLinkingPageNeverLosesSurfers()
    {
        // With d = 1 nobody leaves a page that links only to itself: it keeps its 100/n and gains whatever flows in.
        foreach (ulong seed in new ulong[] { 1, 2, 3, 4 })
        {
            var l = InternetGenerator.Generate(60, seed);
            var undamped = PageRank.Course(l, 1.0, 1e-10).Ranks;
            var damped = PageRank.Course(l, 0.5, 1e-10).Ranks;
            foreach (int p in InternetGenerator.SelfLinkingPages(60, seed))
            {
                Assert.True(undamped[p] >= 100.0 / 60 - 1e-9, $"seed {seed}, page {p}: {undamped[p]}");
                Assert.True(damped[p] < undamped[p]);
            }
        }
    }

    [Fact]
    public void SparseRanksOfTheEdgeListMatchTheDenseEigenvector()
    {
        foreach (ulong seed in new ulong[] { 1, 2, 3 })
        {
            var l = InternetGenerator.Generate(200, seed);
            var (s, t) = InternetGenerator.GenerateEdges(200, seed);
            var sparse = PageRank.Compute(CsrGraph.FromEdges(s, t, 200), new PageRankOptions { Tolerance = 1e-14 });
            var dense = PageRank.CourseEigenvector(l, 0.85);
            double l1 = dense.Zip(sparse.Ranks).Sum(p => Math.Abs(p.First / 100 - p.Second));
            Assert.True(l1 < 1e-10, $"seed {seed}: L1 {l1}");
        }
    }

    [Fact]
    public void SizeLimits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InternetGenerator.Generate(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => InternetGenerator.Generate(InternetGenerator.MaxPages + 1));
    }
}
