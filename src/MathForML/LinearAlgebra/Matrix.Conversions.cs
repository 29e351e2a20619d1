using System.Numerics.Tensors;

namespace MathForML.LinearAlgebra;

/// <summary>
/// Conversions to and from .NET's other shapes of numbers: rectangular and jagged arrays (copies), and
/// System.Numerics.Tensors spans (zero-copy views of the row-major storage, lengths [Rows, Columns], strides [Columns, 1]).
/// </summary>
public sealed partial class Matrix
{
    /// <summary>A copy of the elements as a rectangular array, element [i, j] = Aᵢⱼ.</summary>
    public double[,] ToArray2D()
    {
        var a = new double[Rows, Columns];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++)
                a[i, j] = _data[i * Columns + j];
        return a;
    }

    /// <summary>Builds a matrix from a jagged array of rows (a copy); every row must have the same length.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or one of its rows is null.</exception>
    /// <exception cref="DimensionMismatchException">The rows differ in length.</exception>
    public static Matrix FromJagged(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows) ArgumentNullException.ThrowIfNull(row, nameof(rows));
        return FromRows(rows);
    }

    /// <summary>
    /// A writable rank-2 tensor view of the storage, lengths [Rows, Columns], row-major and dense: writes through it
    /// change this matrix and writes to the matrix show in it. No copy is made.
    /// </summary>
    public TensorSpan<double> AsTensorSpan() => new(_data, [Rows, Columns]);

    /// <summary>A read-only rank-2 tensor view of the storage, lengths [Rows, Columns], sharing it (no copy).</summary>
    public ReadOnlyTensorSpan<double> AsReadOnlyTensorSpan() => new(_data, [Rows, Columns]);

    /// <summary>
    /// Copies a rank-2 tensor into a new matrix: element [i, j] of the tensor becomes Aᵢⱼ. Any strides are honoured
    /// (a transposed or sliced view copies as it reads).
    /// </summary>
    /// <exception cref="ArgumentException">The tensor's rank is not 2.</exception>
    public static Matrix From(scoped in ReadOnlyTensorSpan<double> tensor)
    {
        if (tensor.Rank != 2)
            throw new ArgumentException($"Expected a rank-2 tensor, found rank {tensor.Rank}.", nameof(tensor));
        int rows = checked((int)tensor.Lengths[0]), columns = checked((int)tensor.Lengths[1]);
        var m = new Matrix(rows, columns);
        tensor.FlattenTo(m._data);
        return m;
    }
}
