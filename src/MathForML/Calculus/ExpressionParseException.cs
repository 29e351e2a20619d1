namespace MathForML.Calculus;

/// <summary>
/// A formula does not parse, or names a function or variable that is not allowed. <see cref="Position"/> is the 0-based
/// index of the offending character in <see cref="Formula"/>; the message gives it 1-based, as an editor column.
/// </summary>
public sealed class ExpressionParseException : FormatException
{
    /// <summary>Creates the exception for <paramref name="problem"/> at <paramref name="position"/> of <paramref name="formula"/>.</summary>
    public ExpressionParseException(string formula, int position, string problem)
        : base($"cannot parse formula at position {position + 1}: {problem} in '{Excerpt(formula, position)}'")
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

    /// <summary>Formulas longer than this are quoted in the message only around the problem.</summary>
    private const int QuotedLength = 120;

    /// <summary>The formula, or for a long one the 120 characters around <paramref name="position"/> with "…" where cut,
    /// so that a message stays one readable line whatever was given.</summary>
    private static string Excerpt(string formula, int position)
    {
        if (formula is null || formula.Length <= QuotedLength) return formula ?? "";
        int start = Math.Clamp(position - QuotedLength / 2, 0, formula.Length - QuotedLength);
        return string.Concat(start > 0 ? "…" : "", formula.AsSpan(start, QuotedLength), start + QuotedLength < formula.Length ? "…" : "");
    }

    /// <summary>The text that was being parsed.</summary>
    public string Formula { get; }

    /// <summary>0-based index of the problem in <see cref="Formula"/> (its length when the formula ended too early).</summary>
    public int Position { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column => Position + 1;

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
