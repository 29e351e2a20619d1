using System.CommandLine;
using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Cli.Commands;

/// <summary>Arguments and options that several commands share, and the reading and writing of their files.</summary>
internal static class CommonOptions
{
    public static Argument<string> MatrixArgument(string name, string description)
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (value is not null && value.StartsWith('-') && value.Length > 1)
                result.AddError($"Unrecognized option '{value}'.");
        });
        return argument;
    }

    /// <summary>
    /// An option typed as one of the library's enums. The user writes one of <paramref name="names"/> (case-insensitive);
    /// without names each value is written in kebab case (<c>GaussNewton</c> → <c>gauss-newton</c>). Anything else is a
    /// parse error that lists the choices, and the help shows them.
    /// </summary>
    public static Option<T> EnumOption<T>(string name, string description, T defaultValue, params (string Name, T Value)[] names)
        where T : struct, Enum
    {
        var choices = names.Length > 0 ? names : Enum.GetValues<T>().Select(v => (KebabCase(v.ToString()), v)).ToArray();
        string list = string.Join(", ", choices.Select(c => c.Item1));
        var option = new Option<T>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = string.Join('|', choices.Select(c => c.Item1)),
            CustomParser = result =>
            {
                string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                foreach (var (text, value) in choices)
                    if (string.Equals(text, token, StringComparison.OrdinalIgnoreCase)) return value;
                result.AddError($"{name} must be one of {list}, got '{token}'.");
                return defaultValue;
            },
        };
        option.CompletionSources.Add(choices.Select(c => c.Item1).ToArray());
        return option;
    }

    /// <summary>The name <paramref name="value"/> has among <paramref name="names"/> (for output: the name the user typed).</summary>
    public static string NameOf<T>(IEnumerable<(string Name, T Value)> names, T value) where T : struct, Enum =>
        names.First(n => n.Value.Equals(value)).Name;

    private static string KebabCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static Option<string?> OutOption(string description) => new("--out") { Description = description };

    /// <summary>Reads a matrix file argument (CSV/whitespace text or .npy).</summary>
    public static Matrix ReadMatrix(string path) => MatrixFile.Read(path);

    /// <summary>Writes <paramref name="m"/> to <paramref name="path"/> (atomically) when a path was given.</summary>
    public static void WriteIfRequested(string? path, Matrix m)
    {
        if (!string.IsNullOrEmpty(path)) MatrixFile.Write(path, m);
    }

    /// <summary>
    /// Checks, before any work is done, that each given output file can be created: its folder exists and it is not
    /// itself a folder. A command with several outputs calls this first, so a bad second target cannot leave the first
    /// one written.
    /// </summary>
    public static void CheckOutputFiles(params string?[] paths)
    {
        foreach (var path in paths)
        {
            if (string.IsNullOrEmpty(path)) continue;
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full)) throw new UserInputException($"{path}: is a directory, expected a file name.");
            var dir = Path.GetDirectoryName(full) ?? ".";
            if (!Directory.Exists(dir)) throw new UserInputException($"{path}: folder '{dir}' does not exist.");
        }
    }

    /// <summary>Checks, before any work is done, that an output folder (created when missing) is not an existing file.</summary>
    public static void CheckOutputFolder(string? dir)
    {
        if (!string.IsNullOrEmpty(dir) && File.Exists(dir)) throw new UserInputException($"{dir}: is a file, expected a folder.");
    }

    /// <summary>Rejects a number outside [min, max] with a message naming the option.</summary>
    public static double InRange(string option, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            throw new UserInputException($"{option} must be between {min} and {max}, got {value}.");
        return value;
    }
}
