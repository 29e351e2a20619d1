using MathForML.Calculus;
using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Cli;

/// <summary>
/// Turns exceptions into the CLI's one-line error messages and exit codes. The user's errors exit 2 with
/// <c>mml: error: …</c>: what the CLI itself rejects (<see cref="UserInputException"/>, including the library's argument
/// errors about parameters a command fills from the user's flags, see <see cref="CommandAction"/>), unreadable or
/// malformed files, formulas that do not parse and singular matrices. Anything else — an <see cref="ArgumentException"/>
/// about a parameter no flag fills, an <see cref="InvalidOperationException"/>, a null reference — is a bug in mml and
/// exits 3 with one line asking to report it. No stack trace is printed either way unless MML_DEBUG=1.
/// A cancelled command (<see cref="OperationCanceledException"/>, after Ctrl-C) prints <c>mml: cancelled</c> and exits 130.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>The one line a cancelled command prints on stderr.</summary>
    public const string CancelledLine = "mml: cancelled";

    /// <summary>Reports <paramref name="e"/>; a cancellation exits <paramref name="cancelledExitCode"/> (130, or 143 after SIGTERM).</summary>
    /// <param name="e">What went wrong.</param>
    /// <param name="error">Where the line goes.</param>
    /// <param name="cancelledExitCode">The exit code of a cancellation.</param>
    /// <param name="terminal">Whether stderr is a terminal (a cancelled progress bar's cursor is restored).</param>
    /// <param name="where">Put before the message, e.g. "rank 1: " for a rank of a distributed job.</param>
    public static int Report(Exception e, TextWriter error, int cancelledExitCode = ExitCodes.Cancelled, bool terminal = false, string where = "")
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerException!;
        if (e is OperationCanceledException) return Cancelled(error, cancelledExitCode, terminal);
        bool user = IsUserError(e);
        var message = where + OneLine(Describe(e));
        error.WriteLine(user
            ? $"mml: error: {message}"
            : $"mml: internal error: {e.GetType().Name}: {message} This is a bug in mml; please report it with the command you ran (MML_DEBUG=1 prints the stack trace).");
        if (Environment.GetEnvironmentVariable("MML_DEBUG") == "1") error.WriteLine(e.ToString());
        return user ? ExitCodes.BadInput : ExitCodes.InternalError;
    }

    /// <summary>Prints <see cref="CancelledLine"/> and returns <paramref name="exitCode"/> (130 after Ctrl-C, 143 after SIGTERM).</summary>
    public static int Cancelled(TextWriter error, int exitCode, bool terminal = false)
    {
        // A progress bar hides the cursor; when the work is abandoned after the grace period its display never ends,
        // so the terminal gets its cursor back here (DECTCEM "show cursor").
        if (terminal) error.Write(ShowCursor);
        error.WriteLine(CancelledLine);
        return exitCode;
    }

    /// <summary>The escape sequence that shows the terminal's cursor again.</summary>
    internal const string ShowCursor = "\u001b[?25h";

    /// <summary>
    /// The exit code <see cref="Report"/> gives <paramref name="e"/> once the running action has named its flag: 130
    /// cancelled, 2 the user's error (an argument error about a parameter a flag fills included), 3 a bug.
    /// </summary>
    public static int ExitCodeOf(Exception e)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerException!;
        return e is OperationCanceledException ? ExitCodes.Cancelled : IsUserError(e) || CommandAction.NamesAFlag(e) ? ExitCodes.BadInput : ExitCodes.InternalError;
    }

    private static bool IsUserError(Exception e) => e is UserInputException or IOException or UnauthorizedAccessException
        or ExpressionParseException or ExpressionTooLargeException or SingularMatrixException or InvalidDataException;

    private static string Describe(Exception e) => e switch
    {
        SingularMatrixException s => $"{s.Message} The system has no unique solution.",
        ArgumentException a => CommandAction.WithoutParameterSuffix(a.Message),
        UnauthorizedAccessException u => $"permission denied: {u.Message}",
        _ => e.Message,
    };

    /// <summary>One line, with every other control character escaped (<see cref="TerminalText"/>).</summary>
    private static string OneLine(string s) => TerminalText.Printable(s.ReplaceLineEndings(" ").Trim());
}
