using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra;

public class RowEchelonTests
{
    public static IEnumerable<object[]> Cases => ReferenceData.LinalgCases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void RankMatchesNumpy(string name)
    {
        var c = ReferenceData.LinalgCase(name);
        var a = c.GetProperty("a").ToMatrix();
        Assert.Equal(c.GetProperty("rank").GetInt32(), RowEchelon.Rank(a));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReducedFormMatchesExactFractions(string name)
    {
        var c = ReferenceData.LinalgCase(name);
        if (!c.TryGetProperty("rref", out var expected)) return;   // only integer matrices have an exact reference
        var r = RowEchelon.Reduce(c.GetProperty("a").ToMatrix());
        Assert.True(r.Reduced.ApproximatelyEquals(expected.ToMatrix(), 1e-12), r.Reduced.ToString());
        Assert.Equal(c.GetProperty("pivots").ToInts(), r.PivotColumns);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReducedFormHasRowEchelonShape(string name)
    {
        var r = RowEchelon.Reduce(ReferenceData.LinalgCase(name).GetProperty("a").ToMatrix());
        for (int i = 0; i < r.Rank; i++)
        {
            int p = r.PivotColumns[i];
            Assert.Equal(1.0, r.Reduced[i, p]);
            for (int k = 0; k < r.Reduced.Rows; k++)
                if (k != i) Assert.Equal(0.0, r.Reduced[k, p]);
            for (int j = 0; j < p; j++) Assert.Equal(0.0, r.Reduced[i, j]);
        }
        for (int i = r.Rank; i < r.Reduced.Rows; i++)
            Assert.All(r.Reduced.RowSpan(i).ToArray(), x => Assert.Equal(0.0, x));
    }

    [Fact]
    public void FullRankSquareReducesToIdentity()
    {
        var a = ReferenceData.LinalgCase("random 12x12").GetProperty("a").ToMatrix();
        Assert.True(RowEchelon.Reduce(a).Reduced.ApproximatelyEquals(Matrix.Identity(12), 1e-12));
    }

    [Fact]
    public void NonFiniteEntriesAreRejected()
    {
        var a = Matrix.FromRows([1, double.NaN], [0, 1]);
        Assert.Equal("a contains NaN at row 0, column 1. (Parameter 'a')", Assert.Throws<NonFiniteValueException>(() => RowEchelon.Reduce(a)).Message);
        Assert.Throws<NonFiniteValueException>(() => RowEchelon.Rank(Matrix.FromRows([double.PositiveInfinity])));
    }

    [Fact]
    public void ZeroAndEmptyMatricesHaveRankZero()
    {
        Assert.Equal(0, RowEchelon.Rank(new Matrix(3, 4)));
        Assert.Equal(0, RowEchelon.Rank(new Matrix(0, 0)));
    }

    [Theory]
    [InlineData(-1e-12)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ANegativeOrNonFiniteToleranceIsRejected(double tolerance)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RowEchelon.Reduce(Matrix.Identity(2), tolerance));
        Assert.Equal("tolerance", e.ParamName);
    }
}
