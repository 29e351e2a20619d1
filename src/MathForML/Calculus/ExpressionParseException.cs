namespace MathForML.Calculus;

/// <summary>
/// A formula does not parse, or names a function or variable that is not allowed. <see cref="Position"/> is the 0-based
/// index of the offending character in <see cref="Formula"/>; the message gives it 1-based, as an editor column.
/// </summary>
public sealed class ExpressionParseException : FormatException
{
    /// <summary>Creates the exception for <paramref name="problem"/> at <paramref name="position"/> of <paramref name="formula"/>.</summary>
    public ExpressionParseException(string formula, int position, string problem)
        : base($"cannot parse formula at position {position + 1}: {problem} in '{formula}'")
    {
        Formula = formula;
        Position = position;
        Problem = problem;
    }

    /// <summary>Creates the exception with no location.</summary>
    public ExpressionParseException() { Formula = ""; Problem = ""; }

    /// <summary>Creates the exception with a message.</summary>
    public ExpressionParseException(string message) : base(message) { Formula = ""; Problem = message; }

    /// <summary>Creates the exception wrapping another one.</summary>
    public ExpressionParseException(string message, Exception innerException) : base(message, innerException) { Formula = ""; Problem = message; }

    /// <summary>The text that was being parsed.</summary>
    public string Formula { get; }

    /// <summary>0-based index of the problem in <see cref="Formula"/> (its length when the formula ended too early).</summary>
    public int Position { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column => Position + 1;

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
