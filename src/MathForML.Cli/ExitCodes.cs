namespace MathForML.Cli;

/// <summary>The exit codes of <c>mml</c> (DESIGN.md, CLI contract).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The computation ran but did not converge; the result is still printed with <c>"converged": false</c>.</summary>
    public const int NotConverged = 1;

    /// <summary>Bad usage or bad input: one line on stderr says what is wrong and where.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in mml itself (an exception that no input should cause).</summary>
    public const int InternalError = 3;

    /// <summary>Cancelled by Ctrl-C (SIGINT, 128 + 2): one line <c>mml: cancelled</c> on stderr, nothing on stdout, no output file.</summary>
    public const int Cancelled = 130;

    /// <summary>Cancelled by SIGTERM (128 + 15), with the same line and guarantees as <see cref="Cancelled"/>.</summary>
    public const int Terminated = 143;
}
