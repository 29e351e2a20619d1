using System.Numerics.Tensors;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.LinearAlgebra;

public class MatrixConversionsTests
{
    private static readonly Matrix A = Matrix.FromRows([1, 2, 3], [4, 5, 6]);

    [Fact]
    public void RectangularArrayRoundTrips()
    {
        var array = A.ToArray2D();
        Assert.Equal(2, array.GetLength(0));
        Assert.Equal(3, array.GetLength(1));
        Assert.Equal(6, array[1, 2]);
        Assert.Equal(A, Matrix.FromArray(array));
    }

    [Fact]
    public void JaggedArrayRoundTrips()
    {
        Assert.Equal(A, Matrix.FromJagged(A.ToRowArrays()));
        Assert.Throws<DimensionMismatchException>(() => Matrix.FromJagged([[1, 2], [3]]));
        Assert.Throws<ArgumentNullException>(() => Matrix.FromJagged([[1, 2], null!]));
        Assert.Throws<ArgumentNullException>(() => Matrix.FromArray(null!));
    }

    [Fact]
    public void TensorViewSharesTheStorage()
    {
        var m = A.Clone();
        var view = m.AsTensorSpan();
        Assert.Equal(2, view.Rank);
        Assert.Equal([2, 3], view.Lengths.ToArray());
        view[1, 0] = 40;
        Assert.Equal(40, m[1, 0]);
        m[0, 2] = 30;
        Assert.Equal(30, m.AsReadOnlyTensorSpan()[0, 2]);
        Assert.Equal(30, view[0, 2]);
    }

    [Fact]
    public void FromTensorCopiesRowMajorAndHonoursStrides()
    {
        var copy = Matrix.From(A.AsReadOnlyTensorSpan());
        Assert.Equal(A, copy);
        copy[0, 0] = 99;
        Assert.Equal(1, A[0, 0]);
        // A transposed view: lengths [3, 2], strides [1, 3] over the same six numbers.
        var transposed = new ReadOnlyTensorSpan<double>(A.ToArray(), [3, 2], [1, 3]);
        Assert.Equal(A.Transpose(), Matrix.From(transposed));
    }

    [Fact]
    public void FromTensorRejectsOtherRanks()
    {
        var flat = new ReadOnlyTensorSpan<double>(new double[] { 1, 2, 3 });
        Assert.Throws<ArgumentException>(() => Matrix.From(new ReadOnlyTensorSpan<double>(new double[] { 1, 2, 3 })));
        Assert.Equal(1, flat.Rank);
    }

    [Fact]
    public void VectorTensorViewSharesTheStorage()
    {
        var v = Vector.Of(1, 2, 3);
        var view = v.AsTensorSpan();
        view[1] = 20;
        Assert.Equal(20, v[1]);
        Assert.Equal(3, v.AsReadOnlyTensorSpan().FlattenedLength);
    }
}
