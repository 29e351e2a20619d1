using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Cli;

/// <summary>
/// Turns exceptions into the CLI's one-line error messages and exit codes: user errors (bad files, bad shapes,
/// singular matrices, bad options) exit 2 with <c>mml: error: …</c>; anything else is a bug in mml and exits 3
/// with <c>mml: internal error: …</c>. No stack trace is printed either way unless MML_DEBUG=1.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(Exception e, TextWriter error)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerException!;
        bool user = IsUserError(e);
        var message = OneLine(Describe(e));
        error.WriteLine(user ? $"mml: error: {message}" : $"mml: internal error: {e.GetType().Name}: {message}");
        if (Environment.GetEnvironmentVariable("MML_DEBUG") == "1") error.WriteLine(e.ToString());
        return user ? ExitCodes.BadInput : ExitCodes.InternalError;
    }

    private static bool IsUserError(Exception e) => e is UserInputException or DataFileException or FileNotFoundException
        or DirectoryNotFoundException or UnauthorizedAccessException or IOException or DimensionMismatchException
        or SingularMatrixException or ArgumentException or FormatException or OverflowException or InvalidDataException;

    private static string Describe(Exception e) => e switch
    {
        SingularMatrixException s => $"{s.Message} The system has no unique solution.",
        DimensionMismatchException d => d.Message.Split(" (Parameter")[0],
        ArgumentException a => a.Message.Split(" (Parameter")[0],
        UnauthorizedAccessException u => $"permission denied: {u.Message}",
        _ => e.Message,
    };

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
