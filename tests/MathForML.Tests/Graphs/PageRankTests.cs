using MathForML.Data;
using MathForML.Graphs;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.Graphs;

public class PageRankTests
{
    private static readonly System.Text.Json.JsonElement Reference = ReferenceData.Json("pagerank", "reference.json");

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{i}: {actual[i]} vs {expected[i]}");
    }

    [Fact]
    public void CourseMicroInternetMatchesTheEigenvector()
    {
        var l = Reference.GetProperty("l6").ToMatrix();
        var expected = Reference.GetProperty("l6_d1").ToVector().ToArray();
        var r = PageRank.Course(l);
        Assert.True(r.Converged);
        // The course's rule ‖Δr‖₂ < 0.01 leaves the ranks within about that of the eigenvector.
        AssertClose(expected, r.Ranks, 0.05);
        Assert.Equal(100, r.Ranks.Sum(), 9);
        AssertClose(expected, PageRank.CourseEigenvector(l), 1e-10);
        var tight = PageRank.Course(l, tolerance: 1e-12);
        AssertClose(expected, tight.Ranks, 1e-9);
        AssertClose(Reference.GetProperty("l6_d085").ToVector().ToArray(), PageRank.Course(l, 0.85, 1e-12).Ranks, 1e-9);
    }

    [Theory]
    [InlineData("micro", 1.0, 18)]
    [InlineData("L2", 1.0, 131)]
    [InlineData("L2", 0.5, 8)]
    public void CountsIterationsAsTheCoursesLoop(string internet, double damping, int courseIterations)
    {
        // The PageRank assignment prints "18 iterations to convergence." for L, "131 …" for L2 and "8 …" for L2 with
        // d = 0.5: its loop makes one product before it starts counting. The library used to report the products
        // (19, 132, 9); Iterations is now the course's count and MatrixProducts the products.
        var l = internet == "micro" ? CourseInternet.Micro() : CourseInternet.MicroWithPageG();
        var r = PageRank.Course(l, damping);
        Assert.True(r.Converged);
        Assert.Equal(courseIterations, r.Iterations);
        Assert.Equal(courseIterations + 1, r.MatrixProducts);
        Assert.Equal(r.MatrixProducts, r.Residuals.Count);
        Assert.True(r.Residuals[^1] <= 0.01 && r.Residuals[^2] > 0.01);
    }

    [Fact]
    public void CourseMicroInternetGivesTheNotebooksVector()
    {
        // The course notebook's r after its loop: [16.00149917, 5.33252025, 39.99916911, 25.3324738, 0, 13.33433767].
        var r = PageRank.Course(CourseInternet.Micro()).Ranks;
        AssertClose([16.00149917, 5.33252025, 39.99916911, 25.3324738, 0, 13.33433767], r, 1e-8);
    }

    [Fact]
    public void StopsAtTheFirstChangeNotAboveTheTolerance()
    {
        // The course loops while ‖Δr‖ > tol, so a change equal to the tolerance stops it (a `<` rule would go on).
        var l = CourseInternet.Micro();
        var loose = PageRank.Course(l, 1.0, 1e-6);
        double exact = loose.Residuals[5];
        var r = PageRank.Course(l, 1.0, exact);
        Assert.Equal(5, r.Iterations);
        Assert.Equal(6, r.MatrixProducts);
        Assert.Equal(exact, r.Residuals[^1]);
    }

    [Fact]
    public void IterationLimitBoundsTheCoursesCount()
    {
        var r = PageRank.Course(CourseInternet.MicroWithPageG(), 1.0, 0.01, maxIterations: 10);
        Assert.False(r.Converged);
        Assert.Equal(10, r.Iterations);
        Assert.Equal(11, r.MatrixProducts);
        var sparse = PageRank.Compute(CsrGraph.FromEdges([0, 1, 2], [1, 2, 0]), new PageRankOptions { Tolerance = 1e-3 });
        Assert.Equal(sparse.Iterations, sparse.MatrixProducts);
    }

    [Fact]
    public void SelfLinkingPageSwallowsSurfersUntilDamped()
    {
        var l = Reference.GetProperty("l7").ToMatrix();
        var undamped = PageRank.Course(l, 1.0, 1e-10);
        Assert.Equal(100, undamped.Ranks[6], 6);
        AssertClose(Reference.GetProperty("l7_d1").ToVector().ToArray(), PageRank.CourseEigenvector(l, 1.0), 1e-9);
        var damped = PageRank.Course(l, 0.1, 1e-12);
        AssertClose(Reference.GetProperty("l7_d01").ToVector().ToArray(), damped.Ranks, 1e-9);
    }

    [Fact]
    public void SparseAgreesWithTheDenseGoogleMatrix()
    {
        // Random graph with dangling nodes, self-loops and duplicate edges.
        var rng = new Random(3);
        int n = 60, m = 240;
        var s = new int[m];
        var t = new int[m];
        for (int i = 0; i < m; i++) { s[i] = rng.Next(n - 5); t[i] = rng.Next(n); }   // the last five nodes are dangling
        var graph = CsrGraph.FromEdges(s, t);
        Assert.Equal(n, graph.NodeCount);
        var result = PageRank.Compute(graph, new PageRankOptions { Tolerance = 1e-14 });
        Assert.True(result.Converged);
        Assert.Equal(1, result.Ranks.Sum(), 12);
        // G = d·(AᵀD⁻¹ + dangling columns 1/n) + (1−d)/n·J; its eigenvector for λ = 1, scaled to sum 1.
        var g = new Matrix(n, n);
        for (int i = 0; i < m; i++) g[t[i], s[i]] += 1.0 / graph.OutDegree[s[i]];
        for (int u = 0; u < n; u++)
            if (graph.OutDegree[u] == 0)
                for (int w = 0; w < n; w++) g[w, u] = 1.0 / n;
        var expected = PageRank.CourseEigenvector(g, 0.85).Select(x => x / 100).ToArray();
        Assert.True(expected.Zip(result.Ranks).Sum(p => Math.Abs(p.First - p.Second)) < 1e-12);
    }

    [Fact]
    public void SameAnswerWhateverTheThreadCount()
    {
        var rng = new Random(5);
        int n = 50_000, m = 400_000;
        var s = new int[m];
        var t = new int[m];
        for (int i = 0; i < m; i++) { s[i] = rng.Next(n); t[i] = (int)(Math.Pow(rng.NextDouble(), 3) * n); }
        var graph = CsrGraph.FromEdges(s, t);
        var one = PageRank.Compute(graph, maxThreads: 1);
        var two = PageRank.Compute(graph, maxThreads: 2);
        Assert.Equal(one.Iterations, two.Iterations);
        Assert.Equal(one.Ranks, two.Ranks);
    }

    [Fact]
    public void EdgeCases()
    {
        var single = PageRank.Compute(CsrGraph.FromEdges([], [], nodeCount: 1));
        Assert.Equal([1.0], single.Ranks);
        var empty = PageRank.Compute(CsrGraph.FromEdges([], [], nodeCount: 4));
        Assert.All(empty.Ranks, r => Assert.Equal(0.25, r, 15));
        Assert.Empty(PageRank.Compute(CsrGraph.FromEdges([], [])).Ranks);
        var selfLoops = PageRank.Compute(CsrGraph.FromEdges([0, 1], [0, 1]));
        Assert.Equal(0.5, selfLoops.Ranks[0], 12);
        var personalized = PageRank.Compute(CsrGraph.FromEdges([0, 1, 2], [1, 2, 0]), new PageRankOptions { Personalization = [1.0, 0, 0] });
        Assert.True(personalized.Ranks[0] > personalized.Ranks[2]);
        Assert.Equal(1, personalized.Ranks.Sum(), 12);
        Assert.Equal(0, personalized.Top(1)[0].Node);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        var g = CsrGraph.FromEdges([0, 1], [1, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRank.Compute(g, new PageRankOptions { Damping = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRank.Compute(g, new PageRankOptions { Tolerance = 0 }));
        Assert.Contains("sums to 0.9", Assert.Throws<ArgumentException>(() => PageRank.Compute(g, new PageRankOptions { Personalization = [0.5, 0.4] })).Message);
        Assert.Throws<DimensionMismatchException>(() => PageRank.Compute(g, new PageRankOptions { Personalization = [1.0] }));
        var bad = Matrix.FromRows([0, 1], [0.5, 0]);
        var unnormalised = Assert.Throws<ArgumentException>(() => PageRank.Course(bad)).Message;
        Assert.Contains("Column 0", unnormalised);
        Assert.Contains("PageRank.NormalizeColumns", unnormalised);
        Assert.DoesNotContain("--", unnormalised);   // the library speaks of parameters, not of the CLI's flags
        var e = Assert.Throws<NonFiniteValueException>(() => PageRank.Course(Matrix.FromRows([0, 1], [double.NaN, 0])));
        Assert.Equal(("l", 1, 0), (e.ParamName, e.Row, e.Column));
        Assert.Equal(1.0, PageRank.NormalizeColumns(Matrix.FromRows([0, 2], [3, 0]))[1, 0]);
        Assert.Throws<ArgumentException>(() => CsrGraph.FromEdges([0, 5], [1, 0], nodeCount: 3));
        Assert.Throws<ArgumentException>(() => CsrGraph.FromEdges([0, -1], [1, 0]));
    }
}

public class PageRankScipyTests
{
    [Fact]
    public void RmatScale12MatchesScipy()
    {
        var (s, t) = EdgeListFile.Read(ReferenceData.PathOf("pagerank", "rmat12.bin"));
        var graph = CsrGraph.FromEdges(s, t);
        var (_, expected) = NpyFile.Read<double>(ReferenceData.PathOf("pagerank", "rmat12.bin.scipy-ranks.npy"));
        var result = PageRank.Compute(graph);
        Assert.True(result.Converged);
        Assert.Equal(expected.Length, result.Ranks.Length);
        double l1 = expected.Zip(result.Ranks).Sum(p => Math.Abs(p.First - p.Second));
        Assert.True(l1 < 1e-12, $"L1 distance to scipy {l1}");
    }

    [Fact]
    public void NormalizeColumnsRefusesNaNAndNegativeLinks()
    {
        // NaN made its whole column NaN without a word; a negative "link" is not a count or a weight.
        Assert.Throws<NonFiniteValueException>(() => PageRank.NormalizeColumns(Matrix.FromRows([0, double.NaN], [1, 1])));
        var e = Assert.Throws<ArgumentException>(() => PageRank.NormalizeColumns(Matrix.FromRows([0, 2], [-1, 1])));
        Assert.Contains("row 1, column 0", e.Message, StringComparison.Ordinal);
        var normalized = PageRank.NormalizeColumns(Matrix.FromRows([0, 2], [5, 1]));
        Assert.Equal([0, 2.0 / 3, 1, 1.0 / 3], normalized.ToArray());
    }
}
