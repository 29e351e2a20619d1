using MathForML.Geometry;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.Geometry;

public class InnerProductTests
{
    [Fact]
    public void DotProductGeometry()
    {
        var dot = InnerProduct.Dot;
        var x = Vector.Of(1, 1);
        var y = Vector.Of(-1, 1);
        Assert.Equal(Math.Sqrt(2), dot.Length(x), 15);
        Assert.Equal(2, dot.Distance(x, y), 15);
        Assert.Equal(Math.PI / 2, dot.Angle(x, y), 15);
        Assert.Equal(Math.PI / 4, dot.Angle(x, Vector.Of(1, 0)), 15);
    }

    [Fact]
    public void GeneralInnerProductFromTheCourse()
    {
        // ⟨x, y⟩ = xᵀAy with A = [[2, −1], [−1, 1]] ... rotates which vectors are orthogonal.
        var ip = InnerProduct.FromMatrix(Matrix.FromRows([2, -1], [-1, 1]));
        var x = Vector.Of(1, 1);
        var y = Vector.Of(0, 1);
        Assert.Equal(1, ip.Of(x, x), 15);              // 2 − 1 − 1 + 1
        Assert.Equal(0, ip.Of(x, y), 15);              // −1 + 1
        Assert.Equal(Math.PI / 2, ip.Angle(x, y), 15); // orthogonal in this inner product, not in the dot product
        Assert.Equal(ip.Of(x, y), ip.Of(y, x), 15);
        Assert.Equal(1, ip.Length(y), 15);
        Assert.Equal(ip.Length(x - y), ip.Distance(x, y), 15);
    }

    [Fact]
    public void RejectsMatricesThatAreNotSymmetricPositiveDefinite()
    {
        Assert.Contains("symmetric", Assert.Throws<ArgumentException>(() => InnerProduct.FromMatrix(Matrix.FromRows([1, 2], [0, 1]))).Message);
        Assert.Contains("positive definite", Assert.Throws<ArgumentException>(() => InnerProduct.FromMatrix(Matrix.FromRows([1, 2], [2, 1]))).Message);
        Assert.Contains("positive definite", Assert.Throws<ArgumentException>(() => InnerProduct.FromMatrix(Matrix.FromRows([1, 0], [0, 0]))).Message);
        Assert.Throws<DimensionMismatchException>(() => InnerProduct.FromMatrix(new Matrix(2, 3)));
        Assert.Throws<ArgumentException>(() => InnerProduct.Dot.Angle(Vector.Of(0, 0), Vector.Of(1, 0)));
        Assert.Throws<DimensionMismatchException>(() => InnerProduct.Dot.Of(Vector.Of(1), Vector.Of(1, 2)));
    }

    [Fact]
    public void RejectsANonFiniteMatrix()
    {
        var e = Assert.Throws<NonFiniteValueException>(() => InnerProduct.FromMatrix(Matrix.FromRows([2, 0], [0, double.NaN])));
        Assert.Contains("a contains NaN at row 1, column 1", e.Message);
    }
}
