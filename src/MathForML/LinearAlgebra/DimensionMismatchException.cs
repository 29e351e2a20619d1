namespace MathForML.LinearAlgebra;

/// <summary>
/// Thrown when the shapes of the operands of a linear-algebra operation do not fit together,
/// for example multiplying an m×k matrix by a j×n matrix with j ≠ k.
/// The message states the shape that was expected and the shape that was found.
/// </summary>
public sealed class DimensionMismatchException : ArgumentException
{
    /// <summary>Creates the exception with a message that names both shapes.</summary>
    public DimensionMismatchException(string message, string? paramName = null) : base(message, paramName) { }

    /// <summary>Creates the exception with no message.</summary>
    public DimensionMismatchException() { }

    /// <summary>Creates the exception wrapping another one.</summary>
    public DimensionMismatchException(string message, Exception innerException) : base(message, innerException) { }

    internal static void ThrowIfNotSquare(int rows, int columns, string paramName)
    {
        if (rows != columns)
            throw new DimensionMismatchException($"Expected a square matrix, found {rows}×{columns}.", paramName);
    }
}
