using System.CommandLine;

namespace MathForML.Cli;

/// <summary>
/// Runs a command's action and translates the library's argument errors into the user's terms. The library checks its
/// parameters and throws <see cref="ArgumentException"/> naming the parameter; a command lists which of the library's
/// parameter names it fills from which flag or argument (<c>("components", "--components")</c>). An argument error
/// about a listed parameter is the user's input, reported as <c>mml: error: --components: …</c> with exit 2; one about
/// any other parameter can only be a bug in mml, and is left to be reported as an internal error (exit 3).
/// </summary>
/// <remarks>
/// Cancellation: <see cref="CommandSignals"/> turns SIGINT and SIGTERM into the token System.CommandLine passes to the
/// action; the work runs on the thread pool, and the token reaches the command through
/// <see cref="CliContext.Cancellation"/>, from which the command hands it to the library.
/// </remarks>
internal static class CommandAction
{
    private static readonly AsyncLocal<CancellationToken> Token = new();
    private static readonly AsyncLocal<Dictionary<string, string>?> Flags = new();

    /// <summary>
    /// True when <paramref name="e"/> is a library argument error about a parameter the running action fills from a flag
    /// (the action turns it into a <see cref="UserInputException"/>; <see cref="ErrorReporter.ExitCodeOf"/> asks before that).
    /// </summary>
    public static bool NamesAFlag(Exception e) => e is ArgumentException { ParamName: { } name } && Flags.Value?.ContainsKey(name) == true;

    /// <summary>The token of the action running on this flow (none outside an action).</summary>
    public static CancellationToken Cancellation => Token.Value;

    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="action"/> with the parameter-to-flag map <paramref name="flags"/>.</summary>
    public static void Set(Command command, Func<ParseResult, int> action, params (string Parameter, string Flag)[] flags)
    {
        var map = new Dictionary<string, string>(flags.Length, StringComparer.Ordinal);
        foreach (var (parameter, flag) in flags) map.Add(parameter, flag);
        command.SetAction((parse, cancellationToken) => Task.Run(() =>
        {
            Token.Value = cancellationToken;
            Flags.Value = map;
            cancellationToken.ThrowIfCancellationRequested();
            OutputInputClash.Check(parse);
            try
            {
                return action(parse);
            }
            catch (ArgumentException e) when (e.ParamName is { } name && map.TryGetValue(name, out var flag))
            {
                throw new UserInputException($"{flag}: {WithoutParameterSuffix(e.Message)}", e);
            }
            catch (MathForML.Distributed.RankFailedException e) when (e.InnerException is ArgumentException { ParamName: { } name } a && map.TryGetValue(name, out var flag))
            {
                // The same setting checked on the ranks of an MPI job (DistributedRun): named by its flag as above.
                throw new MathForML.Distributed.RankFailedException(e.Rank, new UserInputException($"{flag}: {WithoutParameterSuffix(a.Message)}", a), e.AllRanks);
            }
        }, CancellationToken.None));
    }

    /// <summary>The message without the " (Parameter 'x')" that <see cref="ArgumentException.Message"/> appends.</summary>
    public static string WithoutParameterSuffix(string message)
    {
        int at = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return at >= 0 ? message[..at] : message;
    }
}
