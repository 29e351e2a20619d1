namespace MathForML.Calculus;

/// <summary>
/// A symbolic operation was refused because its input is already too large: each derivative of a formula like
/// x^x^x^x^x is about four times the size of the last and takes five times as long, so that order 10 would need
/// gigabytes. <see cref="Nodes"/> is the size reached, <see cref="Limit"/> the most allowed.
/// </summary>
public sealed class ExpressionTooLargeException : ArgumentException
{
    /// <summary>Creates the exception for an expression of more than <paramref name="limit"/> nodes.</summary>
    public ExpressionTooLargeException(string what, int limit)
        : base($"{what} has more than {limit:N0} terms and operations; a further derivative would take too long and too much memory.")
    {
        Nodes = limit + 1;
        Limit = limit;
    }

    /// <summary>Creates the exception with no details.</summary>
    public ExpressionTooLargeException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ExpressionTooLargeException(string message) : base(message) { }

    /// <summary>Creates the exception wrapping another one.</summary>
    public ExpressionTooLargeException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The size at which the operation stopped (more than <see cref="Limit"/>).</summary>
    public int Nodes { get; }

    /// <summary>The largest size allowed.</summary>
    public int Limit { get; }
}
