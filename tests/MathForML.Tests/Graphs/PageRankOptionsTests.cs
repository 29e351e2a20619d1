using MathForML.Graphs;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Graphs;

/// <summary>The settings are checked as they are set, naming the setting, so a bad one is reported before any graph is read.</summary>
public class PageRankOptionsTests
{
    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void DampingOutsideZeroToOneIsRejected(double damping)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PageRankOptions { Damping = damping });
        Assert.Equal(nameof(PageRankOptions.Damping), e.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-10)]
    [InlineData(double.NaN)]
    public void ANonPositiveToleranceIsRejected(double tolerance)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PageRankOptions { Tolerance = tolerance });
        Assert.Equal(nameof(PageRankOptions.Tolerance), e.ParamName);
    }

    [Fact]
    public void AnIterationLimitBelowOneIsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PageRankOptions { MaxIterations = 0 });
        Assert.Equal(nameof(PageRankOptions.MaxIterations), e.ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => PageRank.Course(Matrix.FromRows([0, 1], [1, 0]), maxIterations: 0)).ParamName);
    }

    [Fact]
    public void ValidSettingsAreKept()
    {
        var o = new PageRankOptions { Damping = 1, Tolerance = 1e-3, MaxIterations = 1 };
        Assert.Equal((1.0, 1e-3, 1), (o.Damping, o.Tolerance, o.MaxIterations));
    }

    [Fact]
    public void APersonalizationThatDoesNotSumToOneIsRejectedByName()
    {
        var graph = CsrGraph.FromEdges([0, 1], [1, 0], 2);
        var e = Assert.Throws<ArgumentException>(() => PageRank.Compute(graph, new PageRankOptions { Personalization = [0.2, 0.3] }));
        Assert.Equal("personalization", e.ParamName);
        Assert.Contains("sums to 0.5, not 1", e.Message, StringComparison.Ordinal);
    }
}
