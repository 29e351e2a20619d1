using MathForML.Geometry;
using MathForML.LinearAlgebra;
using MathForML.Numerics;
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

    [Theory]
    [InlineData(1e200)]
    [InlineData(1e-200)]
    [InlineData(1e300)]
    public void DistancesOfExtremeButFiniteDataAreScaledNotLost(double scale)
    {
        // Rows of 1e200 had distances of ∞ (their squares overflowed) and rows of 1e-200 distances of 0.
        var x = Matrix.FromRows([0, 0], [3, 4], [1, 1]);
        var y = Matrix.FromRows([3, 0], [0, 4]);
        var unit = Distances.Pairwise(x, y);
        foreach (var d in new[] { Distances.Pairwise(x * scale, y * scale), Distances.PairwiseNaive(x * scale, y * scale) })
            for (int i = 0; i < unit.Rows; i++)
                for (int j = 0; j < unit.Columns; j++) Assert.Equal(1, d[i, j] / (unit[i, j] * scale), 14);
        Assert.Equal(1, Distances.Euclidean(Vector.Of(0, 0) * scale, Vector.Of(3, 4) * scale) / (5 * scale), 15);
    }

    [Fact]
    public void NaNOrInfinityIsAnError()
    {
        var ok = Matrix.FromRows([1, 2]);
        Assert.Throws<NonFiniteValueException>(() => Distances.Pairwise(Matrix.FromRows([double.NaN, 0]), ok));
        Assert.Throws<NonFiniteValueException>(() => Distances.PairwiseSquared(ok, Matrix.FromRows([0, double.PositiveInfinity])));
        Assert.Throws<NonFiniteValueException>(() => Distances.PairwiseNaive(ok, Matrix.FromRows([0, double.NaN])));
        Assert.Throws<NonFiniteValueException>(() => Distances.Euclidean(Vector.Of(1, double.NaN), Vector.Of(1, 2)));
    }
}
