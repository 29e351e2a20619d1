using System.CommandLine;
using MathForML.Cli.Commands;

namespace MathForML.Cli;

/// <summary>
/// The <c>mml</c> command tree and its runner. Parse errors and user errors print one line on stderr and exit 2;
/// Ctrl-C (SIGINT) or SIGTERM cancels the running command, which prints <c>mml: cancelled</c> and exits 130;
/// see <see cref="ExitCodes"/>. <see cref="Run"/> takes the writers so tests can drive the CLI in-process.
/// </summary>
public static class CliApp
{
    /// <summary>
    /// How long a command may take to stop after Ctrl-C or SIGTERM before mml exits 130 or 143 without it
    /// (<see cref="CommandSignals"/>): the library checks its token at least every iteration, panel or batch, so this is
    /// only the backstop that keeps the contract (exit within 1 s).
    /// </summary>
    internal static readonly TimeSpan CancellationGrace = TimeSpan.FromMilliseconds(700);

    /// <summary>The <c>--json</c> option, valid on every command.</summary>
    internal static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Print exactly one JSON object on stdout (snake_case keys) and nothing else there.",
        Recursive = true,
    };

    /// <summary>Runs <c>mml</c> with <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool? errorIsTerminal = null) =>
        Run(args, output, error, errorIsTerminal, extend: null);

    /// <summary>Runs <c>mml</c> with the command tree changed by <paramref name="extend"/> (tests add commands that fail on purpose).</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error, bool? errorIsTerminal, Action<RootCommand, Func<ParseResult, CliContext>>? extend,
        DistributedRun.Rank? rank = null)
    {
        bool terminal = errorIsTerminal ?? !Console.IsErrorRedirected;
        var root = BuildRoot(args, output, error, terminal, extend, rank?.World);
        ParseResult parsed;
        try
        {
            // No response files: '@secret.txt' is a file name like any other, never expanded into arguments.
            parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, error);
        }
        if (parsed.Errors.Count > 0)
        {
            var command = string.Join(' ', parsed.CommandResult.Command is RootCommand ? ["mml"] : CommandPath(parsed.CommandResult));
            // Prefer the error that names an option-like token: it is the one the user needs to fix.
            var first = parsed.Errors.FirstOrDefault(e => e.Message.Contains("'-", StringComparison.Ordinal))
                ?? parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal))
                ?? parsed.Errors[0];
            error.WriteLine($"mml: error: {TerminalText.Printable(first.Message.ReplaceLineEndings(" "))} (see '{command} --help')");
            return ExitCodes.BadInput;
        }
        if (NonFiniteOptions.Find(parsed) is { } nonFinite)
        {
            error.WriteLine($"mml: error: {nonFinite}");
            return ExitCodes.BadInput;
        }
        using var signals = CommandSignals.Watch();
        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,   // the signals are ours (CommandSignals): the code is known before the cancel
            };
            var run = parsed.InvokeAsync(configuration, signals.Token);
            var backstop = signals.Signalled.ContinueWith(_ => Task.Delay(CancellationGrace), TaskScheduler.Default).Unwrap();
            if (Task.WhenAny(run, backstop).GetAwaiter().GetResult() != run)
                return rank?.Cancelled(error, signals.CancelledExitCode) ?? ErrorReporter.Cancelled(error, signals.CancelledExitCode, terminal);
            int code = run.GetAwaiter().GetResult();
            return code is ExitCodes.Cancelled or ExitCodes.Terminated
                ? rank?.Cancelled(error, signals.CancelledExitCode) ?? ErrorReporter.Cancelled(error, signals.CancelledExitCode, terminal)
                : code;
        }
        catch (Exception e)
        {
            return rank is null ? ErrorReporter.Report(e, error, signals.CancelledExitCode, terminal) : rank.Report(e, error, signals.CancelledExitCode);
        }
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is System.CommandLine.Parsing.CommandResult c; r = c.Parent)
            names.Push(c.Command is RootCommand ? "mml" : c.Command.Name);
        return names;
    }

    /// <summary>
    /// The top-level commands by name, each built only when needed: a run of <c>mml pca …</c> builds the <c>pca</c>
    /// command alone (its options, parsers and defaults), so start-up does not pay for the other ten; help, errors and
    /// a first word that names no command build them all.
    /// </summary>
    internal static readonly (string Name, Func<Func<ParseResult, CliContext>, Command> Build)[] Commands =
    [
        ("linalg", LinalgCommand.Build),
        ("pagerank", PageRankCommand.Build),
        ("calc", CalcCommand.Build),
        ("fit", FitCommand.Build),
        ("tour", TourCommand.Build),
        ("pca", PcaCommand.Build),
        ("knn", KnnCommand.Build),
        ("stats", StatsCommand.Build),
        ("geometry", GeometryCommand.Build),
        ("data", DataCommand.Build),
        ("nn", NnCommand.Build),
        ("studio", StudioCommand.Build),
    ];

    /// <summary>
    /// The name of the one top-level command <paramref name="args"/> runs ("" for <c>mml --version</c>, which needs
    /// none), or null when all must be built.
    /// </summary>
    internal static string? OnlyCommandNeeded(string[] args)
    {
        // The first word that is not --json (the one flag that may come before the command) names the command.
        foreach (var arg in args)
        {
            if (arg == "--json") continue;
            if (arg == "--version") return args.Length == 1 ? "" : null;
            return Array.Exists(Commands, c => c.Name == arg) ? arg : null;
        }
        return null;
    }

    private static RootCommand BuildRoot(string[] args, TextWriter output, TextWriter error, bool errorIsTerminal, Action<RootCommand, Func<ParseResult, CliContext>>? extend,
        MathForML.Distributed.ICommunicator? world)
    {
        var root = new RootCommand("mml: Mathematics for Machine Learning — linear algebra, calculus and PCA, fast and tested.");
        root.Options.Add(JsonOption);
        Func<ParseResult, CliContext> context = parse => new CliContext(output, error, parse.GetValue(JsonOption), errorIsTerminal, CommandAction.Cancellation) { World = world };
        string? only = extend is null ? OnlyCommandNeeded(args) : null;
        foreach (var (name, build) in Commands)
        {
            if (only is null || only == name) root.Subcommands.Add(build(context));
        }
        extend?.Invoke(root, context);
        return root;
    }
}
