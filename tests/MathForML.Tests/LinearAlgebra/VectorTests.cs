using MathForML.LinearAlgebra;

namespace MathForML.Tests.LinearAlgebra;

public class VectorTests
{
    [Fact]
    public void NormsAndDot()
    {
        var v = Vector.Of(3, -4);
        Assert.Equal(5, v.Norm(), 15);
        Assert.Equal(7, v.NormL1(), 15);
        Assert.Equal(4, v.NormInfinity(), 15);
        Assert.Equal(-5, v.Dot(Vector.Of(1, 2)), 15);
        Assert.Equal(1, v.Normalize().Norm(), 15);
    }

    [Fact]
    public void OperatorsAreElementWise()
    {
        var a = Vector.Of(1, 2, 3);
        var b = Vector.Of(4, 5, 6);
        Assert.Equal(Vector.Of(5, 7, 9), a + b);
        Assert.Equal(Vector.Of(-3, -3, -3), a - b);
        Assert.Equal(Vector.Of(2, 4, 6), 2 * a);
        Assert.Equal(Vector.Of(-1, -2, -3), -a);
        Assert.Equal("[1, 2, 3]", a.ToString());
    }

    [Fact]
    public void BadInputIsRejected()
    {
        Assert.Throws<DimensionMismatchException>(() => Vector.Of(1, 2) + Vector.Of(1));
        Assert.Throws<InvalidOperationException>(() => new Vector(3).Normalize());
        Assert.Throws<ArgumentOutOfRangeException>(() => Vector.Unit(3, 3));
    }
}
