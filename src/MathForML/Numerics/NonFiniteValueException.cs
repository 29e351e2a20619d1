namespace MathForML.Numerics;

/// <summary>
/// An input holds NaN or ±∞ where finite numbers are required. <see cref="Row"/> and <see cref="Column"/> locate the
/// first such value (0-based, row-major order, as in <c>x[Row, Column]</c>); the message names them, e.g.
/// "x contains NaN at row 12, column 3."
/// </summary>
public sealed class NonFiniteValueException : ArgumentException
{
    /// <summary>Reports <paramref name="value"/> at <paramref name="row"/>, <paramref name="column"/> of a matrix argument.</summary>
    public NonFiniteValueException(string paramName, int row, int column, double value)
        : base($"{paramName} contains {Describe(value)} at row {row}, column {column}.", paramName)
    {
        Row = row;
        Column = column;
        Value = value;
    }

    /// <summary>Reports <paramref name="value"/> at <paramref name="index"/> of a vector argument (a single column).</summary>
    public NonFiniteValueException(string paramName, int index, double value)
        : base($"{paramName} contains {Describe(value)} at index {index}.", paramName)
    {
        Row = index;
        Value = value;
    }

    /// <summary>The row (for a vector, the index) of the first non-finite value.</summary>
    public int Row { get; }

    /// <summary>The column of the first non-finite value (0 for a vector).</summary>
    public int Column { get; }

    /// <summary>The offending value: NaN, +∞ or −∞.</summary>
    public double Value { get; }

    private static string Describe(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";
}
