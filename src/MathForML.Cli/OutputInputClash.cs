using System.CommandLine;
using System.CommandLine.Parsing;

namespace MathForML.Cli;

/// <summary>
/// Refuses, before any work, a command whose output file is one of its input files (<c>nn train --data d.csv --save
/// d.csv</c> would replace the data by a model), comparing the paths after following symlinks; and an output option
/// given an empty name, which would otherwise be ignored. Outputs are the options named <c>--out…</c>, <c>--save…</c>
/// and <c>--plot…</c>; every other option value or argument that names an existing file is an input.
/// </summary>
internal static class OutputInputClash
{
    private static readonly string[] OutputPrefixes = ["--out", "--save", "--plot"];

    /// <summary>Throws <see cref="UserInputException"/> for an empty output name or an output that is an input.</summary>
    public static void Check(ParseResult parse)
    {
        var outputs = new List<(string Flag, string Path)>();
        var inputs = new List<(string Name, string Path)>();
        foreach (var option in parse.CommandResult.Command.Options)
        {
            if (parse.GetResult(option) is not OptionResult result) continue;
            bool output = OutputPrefixes.Any(p => option.Name.StartsWith(p, StringComparison.Ordinal));
            foreach (var token in result.Tokens)
            {
                if (output && token.Value.Length == 0) throw new UserInputException($"{option.Name}: the file name is empty.");
                (output ? outputs : inputs).Add((option.Name, token.Value));
            }
        }

        foreach (var argument in parse.CommandResult.Command.Arguments)
            if (parse.GetResult(argument) is ArgumentResult result)
                foreach (var token in result.Tokens) inputs.Add((argument.Name, token.Value));

        foreach (var (flag, path) in outputs)
        {
            if (path == "-" || Resolve(path) is not { } target) continue;
            foreach (var (name, input) in inputs)
                if (input != "-" && File.Exists(input) && Resolve(input) == target)
                    throw new UserInputException($"{flag} {path} is also the input {name}: writing it would destroy that file; choose another output file.");
        }
    }

    /// <summary>The full path with symlinks followed to their final target; null for a path that cannot be a file name.</summary>
    private static string? Resolve(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            if (new FileInfo(full).LinkTarget is not null && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target) full = target.FullName;
            return full;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
