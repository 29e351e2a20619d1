namespace MathForML.LinearAlgebra;

/// <summary>
/// Thrown when an operation needs an invertible matrix (inverse, solve) and elimination finds a zero pivot.
/// <see cref="PivotIndex"/> names the column whose pivot vanished.
/// </summary>
public sealed class SingularMatrixException : ArithmeticException
{
    /// <summary>Creates the exception for the zero pivot found in column <paramref name="pivotIndex"/>.</summary>
    public SingularMatrixException(int pivotIndex)
        : base($"The matrix is singular: no non-zero pivot in column {pivotIndex} (0-based) after partial pivoting.")
    {
        PivotIndex = pivotIndex;
    }

    /// <summary>Creates the exception with no pivot information.</summary>
    public SingularMatrixException() : base("The matrix is singular.") { PivotIndex = -1; }

    /// <summary>Creates the exception with a custom message.</summary>
    public SingularMatrixException(string message) : base(message) { PivotIndex = -1; }

    /// <summary>Creates the exception wrapping another one.</summary>
    public SingularMatrixException(string message, Exception innerException) : base(message, innerException) { PivotIndex = -1; }

    /// <summary>The 0-based column in which no usable pivot was found, or −1 when unknown.</summary>
    public int PivotIndex { get; }
}
