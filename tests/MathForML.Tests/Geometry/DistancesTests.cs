using MathForML.Geometry;
using MathForML.LinearAlgebra;
using MathForML.Tests.Statistics;

namespace MathForML.Tests.Geometry;

public class DistancesTests
{
    [Fact]
    public void GemmTrickMatchesTheLoop()
    {
        var x = SampleStatisticsTests.Random(37, 11, 1, offset: 3);
        var y = SampleStatisticsTests.Random(53, 11, 2);
        var fast = Distances.Pairwise(x, y);
        var naive = Distances.PairwiseNaive(x, y);
        Assert.Equal(37, fast.Rows);
        Assert.Equal(53, fast.Columns);
        Assert.True(fast.ApproximatelyEquals(naive, 1e-12));
        Assert.Equal(Distances.Euclidean(x.Row(4), y.Row(7)), fast[4, 7], 12);
    }

    [Fact]
    public void EqualRowsAreAtDistanceZeroNotNaN()
    {
        var x = SampleStatisticsTests.Random(20, 5, 3, offset: 1e3);
        var d = Distances.Pairwise(x, x);
        Assert.True(d.IsFinite());
        for (int i = 0; i < 20; i++) Assert.True(d[i, i] < 1e-5);
    }

    [Fact]
    public void RejectsDifferentWidths() =>
        Assert.Throws<DimensionMismatchException>(() => Distances.Pairwise(new Matrix(2, 3), new Matrix(2, 4)));
}
