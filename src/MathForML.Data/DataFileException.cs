namespace MathForML.Data;

/// <summary>
/// A data file is malformed (the role of <see cref="InvalidDataException"/>, which is sealed): the message says what is wrong and where, as <c>file:line:column: problem</c>
/// (line and column are 1-based and omitted when they do not apply, e.g. for binary formats).
/// </summary>
public sealed class DataFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>, optionally at a 1-based line and column.</summary>
    public DataFileException(string path, string problem, int? line = null, int? column = null)
        : base(Format(path, problem, line, column))
    {
        FilePath = path;
        Problem = problem;
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception with no location.</summary>
    public DataFileException() { FilePath = ""; Problem = ""; }

    /// <summary>Creates the exception with a message.</summary>
    public DataFileException(string message) : base(message) { FilePath = ""; Problem = message; }

    /// <summary>Creates the exception wrapping another one.</summary>
    public DataFileException(string message, Exception innerException) : base(message, innerException) { FilePath = ""; Problem = message; }

    /// <summary>The file that is malformed.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>1-based line of the problem, when the format has lines.</summary>
    public int? Line { get; }

    /// <summary>1-based column (character position) of the problem, when known.</summary>
    public int? Column { get; }

    private static string Format(string path, string problem, int? line, int? column) =>
        (line, column) switch
        {
            (int l, int c) => $"{path}:{l}:{c}: {problem}",
            (int l, null) => $"{path}:{l}: {problem}",
            _ => $"{path}: {problem}",
        };
}
