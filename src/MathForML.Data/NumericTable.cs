using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// A table of numeric columns read from a columnar file (<see cref="ArrowFile"/>, <see cref="ParquetFile"/>): the
/// columns' names in file order and the values as an N×C row-major matrix (row i of the file is row i of the matrix).
/// </summary>
/// <param name="ColumnNames">The names of the C columns, in the order of the matrix's columns.</param>
/// <param name="Values">The N×C values, every column converted to double.</param>
public sealed record NumericTable(IReadOnlyList<string> ColumnNames, Matrix Values);
