using MathForML.LinearAlgebra;

namespace MathForML.Tests.LinearAlgebra;

public class MatrixTests
{
    [Fact]
    public void IndexingIsRowMajor()
    {
        var m = Matrix.FromRows([1, 2, 3], [4, 5, 6]);
        Assert.Equal(2, m.Rows);
        Assert.Equal(3, m.Columns);
        Assert.Equal(6, m[1, 2]);
        Assert.Equal([4.0, 5, 6], m.RowSpan(1).ToArray());
        Assert.Equal(Vector.Of(3, 6), m.Column(2));
    }

    [Fact]
    public void ProductMatchesHandComputation()
    {
        var a = Matrix.FromRows([1, 2], [3, 4], [5, 6]);
        var b = Matrix.FromRows([7, 8, 9], [10, 11, 12]);
        var expected = Matrix.FromRows([27, 30, 33], [61, 68, 75], [95, 106, 117]);
        Assert.Equal(expected, a * b);
        Assert.Equal(Vector.Of(5, 11, 17), a * Vector.Of(1, 2));
    }

    [Fact]
    public void TransposeProductsAgreeWithExplicitTranspose()
    {
        var rng = new Random(1);
        var a = Random(rng, 37, 19);
        var b = Random(rng, 37, 23);
        Assert.True(a.TransposeTimes(b).ApproximatelyEquals(a.Transpose() * b, 1e-12));
        Assert.True(a.TransposeTimesSelf().ApproximatelyEquals(a.Transpose() * a, 1e-12));
        Assert.True(b.Transpose().TimesTranspose(a.Transpose()).ApproximatelyEquals(b.Transpose() * a, 1e-12));
    }

    [Fact]
    public void TransposeTwiceIsIdentity()
    {
        var a = Random(new Random(2), 70, 45);
        Assert.Equal(a, a.Transpose().Transpose());
        Assert.Equal(a[3, 40], a.Transpose()[40, 3]);
    }

    [Fact]
    public void SlicesCopyTheRequestedBlock()
    {
        var m = Matrix.FromRows([1, 2, 3], [4, 5, 6], [7, 8, 9]);
        Assert.Equal(Matrix.FromRows([5, 6], [8, 9]), m.Slice(1.., 1..));
        Assert.Equal(Matrix.FromRows([4, 5, 6]), m.SliceRows(1..2));
        Assert.Equal(Matrix.FromRows([1], [4], [7]), m.SliceColumns(..1));
    }

    [Fact]
    public void ShapeErrorsNameBothShapes()
    {
        var a = new Matrix(2, 3);
        var b = new Matrix(2, 3);
        var e = Assert.Throws<DimensionMismatchException>(() => a * b);
        Assert.Contains("2×3", e.Message);
        Assert.Throws<DimensionMismatchException>(() => a + new Matrix(3, 2));
        Assert.Throws<DimensionMismatchException>(() => Matrix.FromRows([1, 2], [3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => a[2, 0]);
    }

    [Fact]
    public void ToStringShowsShapeAndRows()
    {
        var s = Matrix.FromRows([1, 2.5], [-3, 4]).ToString();
        Assert.Contains("Matrix 2×2", s);
        Assert.Contains("2.5", s);
        Assert.Contains("…", new Matrix(20, 20).ToString());
    }

    [Fact]
    public void IdentityAndDiagonal()
    {
        var a = Random(new Random(3), 5, 5);
        Assert.Equal(a, Matrix.Identity(5) * a);
        Assert.Equal(6.0, Matrix.Diagonal(1, 2, 3).Trace());
        Assert.True(Matrix.Identity(4).IsSymmetric());
    }

    internal static Matrix Random(Random rng, int rows, int columns)
    {
        var m = new Matrix(rows, columns);
        var s = m.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = rng.NextDouble() * 2 - 1;
        return m;
    }
}
