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

    public static Option<string?> OutOption(string description) => new("--out") { Description = description };

    /// <summary>Reads a matrix file argument (CSV/whitespace text or .npy).</summary>
    public static Matrix ReadMatrix(string path) => MatrixFile.Read(path);

    /// <summary>Writes <paramref name="m"/> to <paramref name="path"/> (atomically) when a path was given.</summary>
    public static void WriteIfRequested(string? path, Matrix m)
    {
        if (!string.IsNullOrEmpty(path)) MatrixFile.Write(path, m);
    }

    /// <summary>Rejects a number outside [min, max] with a message naming the option.</summary>
    public static double InRange(string option, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            throw new UserInputException($"{option} must be between {min} and {max}, got {value}.");
        return value;
    }
}
