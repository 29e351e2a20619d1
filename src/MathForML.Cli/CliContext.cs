using Spectre.Console;

namespace MathForML.Cli;

/// <summary>
/// What a command needs to talk to the user: stdout and stderr, whether <c>--json</c> was given, and a Spectre console
/// over stdout for human tables. Progress displays go to stderr, and only when stderr is a terminal.
/// <see cref="Cancellation"/> is cancelled by Ctrl-C (SIGINT) or SIGTERM; commands pass it to every long library call.
/// </summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool json, bool errorIsTerminal, CancellationToken cancellation = default)
    {
        Cancellation = cancellation;
        Output = output;
        Error = error;
        Json = json;
        ErrorIsTerminal = errorIsTerminal;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
    }

    public TextWriter Output { get; }

    /// <summary>
    /// The ranks of the job when mml runs under <c>mpirun</c> (<see cref="DistributedRun"/>), null on one process. Commands
    /// that can split their work over the ranks do; only rank 0 prints and writes files.
    /// </summary>
    public MathForML.Distributed.ICommunicator? World { get; init; }

    /// <summary>True on the rank that prints and writes the outputs: rank 0, or the only process.</summary>
    public bool Reports => World is null || World.Rank == 0;

    public TextWriter Error { get; }

    public bool Json { get; }

    public bool ErrorIsTerminal { get; }

    /// <summary>Cancelled when the user presses Ctrl-C (or the process gets SIGTERM); the command then exits 130.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>A Spectre console writing human output (tables) to stdout.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Prints a warning line on stderr (never on stdout, so JSON stays clean).</summary>
    public void Warn(string message) => Error.WriteLine($"mml: warning: {TerminalText.Printable(message)}");

    /// <summary>Prints the JSON object (with --json) or runs the human printer.</summary>
    public void Emit(object json, Action human)
    {
        if (Json) JsonOutput.Write(Output, json);
        else human();
    }
}
