using System.CommandLine;

namespace MathForML.Cli.Commands;

/// <summary><c>mml linalg eig</c> and <c>mml linalg svd</c>.</summary>
internal static class SpectralCommands
{
    public static IEnumerable<Command> Build(Func<ParseResult, CliContext> context)
    {
        _ = context;
        return [];
    }
}
