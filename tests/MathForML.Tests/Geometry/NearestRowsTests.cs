using MathForML.Geometry;
using MathForML.LinearAlgebra;
using MathForML.Tests.DimensionalityReduction;
using static MathForML.Tests.PcaCourseReference;

namespace MathForML.Tests.Geometry;

/// <summary>The course's week-2 most_similar_image (the nearest other row) against numpy (Reference/pca-course).</summary>
public class NearestRowsTests
{
    [Fact]
    public void MostSimilarDigitsMatchNumpy()
    {
        var x = MnistSubset.Images;
        foreach (var c in Week(2).GetProperty("most_similar").EnumerateArray())
        {
            int row = c.GetProperty("row").GetInt32(), k = c.GetProperty("k").GetInt32();
            var found = NearestRows.Find(x, x.Row(row), k, exclude: row);
            Assert.Equal(c.GetProperty("indices").ToInts(), found.Select(f => f.Index).ToArray());
            AssertClose(c.GetProperty("distances").ToVector(), Vector.Of(found.Select(f => f.Distance).ToArray()), 1e-10, $"row {row}");
        }
    }

    [Fact]
    public void WithoutExclusionTheRowItselfComesFirstAtDistanceZero()
    {
        var x = Small;
        var found = NearestRows.Find(x, x.Row(4), 2);
        Assert.Equal(4, found[0].Index);
        Assert.Equal(0, found[0].Distance);
        Assert.Equal(NearestRows.Find(x, x.Row(4), 1, exclude: 4)[0], found[1]);
    }

    [Fact]
    public void EqualDistancesGoToTheSmallerIndex()
    {
        var x = Matrix.FromRows([0, 0], [2, 0], [0, 2], [-2, 0], [1, 1]);
        var found = NearestRows.Find(x, Vector.Of(0, 0), 4, exclude: 0);
        Assert.Equal([4, 1, 2, 3], found.Select(f => f.Index).ToArray());
        Assert.Equal(Math.Sqrt(2), found[0].Distance, 15);
        Assert.All(found.Skip(1), f => Assert.Equal(2, f.Distance));
    }

    [Fact]
    public void BadInputIsRejectedWithTheParameterName()
    {
        var x = Matrix.FromRows([1, 2], [3, 4], [5, 6]);
        Assert.Equal("query", Assert.Throws<DimensionMismatchException>(() => NearestRows.Find(x, Vector.Of(1, 2, 3), 1)).ParamName);
        Assert.Equal("exclude", Assert.Throws<ArgumentOutOfRangeException>(() => NearestRows.Find(x, Vector.Of(1, 2), 1, exclude: 3)).ParamName);
        Assert.Equal("exclude", Assert.Throws<ArgumentOutOfRangeException>(() => NearestRows.Find(x, Vector.Of(1, 2), 1, exclude: -1)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => NearestRows.Find(x, Vector.Of(1, 2), 3, exclude: 0)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => NearestRows.Find(x, Vector.Of(1, 2), 0)).ParamName);
        Assert.Equal("query", Assert.ThrowsAny<ArgumentException>(() => NearestRows.Find(x, Vector.Of(1, double.NaN), 1)).ParamName);
    }
}
