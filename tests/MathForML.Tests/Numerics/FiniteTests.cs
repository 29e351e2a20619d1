using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.Numerics;

public class FiniteTests
{
    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+infinity")]
    [InlineData(double.NegativeInfinity, "-infinity")]
    public void TheMessageNamesTheValueRowAndColumn(double bad, string name)
    {
        var x = new Matrix(20, 7);
        x[12, 3] = bad;
        x[15, 1] = double.NaN;   // a later one is not reported
        var e = Assert.Throws<NonFiniteValueException>(() => Finite.Require(x, "X"));
        Assert.Equal($"X contains {name} at row 12, column 3. (Parameter 'X')", e.Message);
        Assert.Equal(("X", 12, 3), (e.ParamName, e.Row, e.Column));
        Assert.Equal(bad, e.Value);
        Assert.IsAssignableFrom<ArgumentException>(e);
    }

    [Fact]
    public void ARowMajorSpanIsSplitIntoRowAndColumnByTheColumnCount()
    {
        var values = new double[3 * 5];
        values[2 * 5 + 4] = double.NaN;
        var e = Assert.Throws<NonFiniteValueException>(() => Finite.Require(values, 5, "a"));
        Assert.Equal((2, 4), (e.Row, e.Column));
    }

    [Fact]
    public void AVectorNamesTheIndex()
    {
        var e = Assert.Throws<NonFiniteValueException>(() => Finite.Require([1.0, 2, double.NegativeInfinity, 4], "y"));
        Assert.Equal("y contains -infinity at index 2. (Parameter 'y')", e.Message);
        Assert.Equal((2, 0), (e.Row, e.Column));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(33)]
    [InlineData(1000)]
    public void FindsTheFirstNonFiniteValueAtAnyOffsetOfTheVectorisedPass(int length)
    {
        var values = Enumerable.Range(0, length).Select(i => (double)i).ToArray();
        Assert.True(Finite.All(values));
        Assert.Equal(-1, Finite.IndexOfNonFinite(values));
        Finite.Require(values, "v");
        for (int i = 0; i < length; i++)
        {
            var copy = (double[])values.Clone();
            copy[i] = double.NaN;
            if (i + 1 < length) copy[i + 1] = double.PositiveInfinity;
            Assert.False(Finite.All(copy));
            Assert.Equal(i, Finite.IndexOfNonFinite(copy));
        }
    }

    [Fact]
    public void EmptyAndExtremeFiniteValuesPass()
    {
        Finite.Require(new Matrix(0, 3), "x");
        Finite.Require(Matrix.FromRows([double.MaxValue, -double.MaxValue, double.Epsilon, 0]), "x");
        Assert.True(Finite.All([]));
        Assert.Throws<ArgumentNullException>(() => Finite.Require((Matrix)null!, "x"));
    }
}
