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
        // Plain loops, not LINQ over (string, T) tuples: each LINQ operator would be compiled at start-up for every enum
        // (generic code over a value type the framework's precompiled images cannot hold).
        var choices = names;
        if (choices.Length == 0)
        {
            var values = Enum.GetValues<T>();
            choices = new (string, T)[values.Length];
            for (int i = 0; i < values.Length; i++) choices[i] = (KebabCase(values[i].ToString()), values[i]);
        }
        var texts = new string[choices.Length];
        for (int i = 0; i < choices.Length; i++) texts[i] = choices[i].Name;
        string list = string.Join(", ", texts);
        var option = new Option<T>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = string.Join('|', texts),
            CustomParser = result =>
            {
                string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                foreach (var (text, value) in choices)
                    if (string.Equals(text, token, StringComparison.OrdinalIgnoreCase)) return value;
                result.AddError($"{name} must be one of {list}, got '{token}'.");
                return defaultValue;
            },
        };
        option.CompletionSources.Add(texts);
        return option;
    }

    /// <summary>The name <paramref name="value"/> has among <paramref name="names"/> (for output: the name the user typed).</summary>
    public static string NameOf<T>(IEnumerable<(string Name, T Value)> names, T value) where T : struct, Enum =>
        names.First(n => n.Value.Equals(value)).Name;

    private static string KebabCase(string pascal)
    {
        var text = new System.Text.StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }

    /// <summary>
    /// The <c>--out FILE</c> option (<c>-</c>: standard output, refused with <c>--json</c>, whose document goes there).
    /// </summary>
    public static Option<string?> OutOption(string description)
    {
        var option = new Option<string?>("--out") { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() == "-" && result.GetValue(CliApp.JsonOption))
                result.AddError("--out -: standard output holds the --json document; give --out a file name.");
        });
        return option;
    }

    private const string IndexColumnName = "--index-col", MissingName = "--missing", ScaleName = "--scale";

    /// <summary>The names of <see cref="PixelScale"/> on the command line.</summary>
    private static readonly (string Name, PixelScale Value)[] ScaleNames = [("auto", PixelScale.Auto), ("none", PixelScale.None), ("255", PixelScale.Divide255)];

    /// <summary>
    /// Adds the options that say how a command's matrix files are read: <c>--index-col N</c> (a 0-based column of row
    /// labels to leave out, as pandas writes it) and <c>--missing error|drop</c> (what an empty or NA cell does), and with
    /// <paramref name="scale"/> <c>--scale auto|none|255</c> (uint8 pixels divided by 255, as they are, or every value divided).
    /// <see cref="ReadMatrix(string, ParseResult)"/> and <see cref="ReadSamples"/> then follow them.
    /// </summary>
    public static void AddFileReading(Command command, bool scale = false)
    {
        var index = new Option<int?>(IndexColumnName) { Description = "Leave out this 0-based column of row labels (pandas' index column) from text files." };
        index.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0) result.AddError($"{IndexColumnName} must be a 0-based column number, at least 0.");
        });
        command.Options.Add(index);
        command.Options.Add(EnumOption(MissingName, "A missing value (empty cell, NA, NaN) in a text file: an error, or drop its row.", MissingValues.Error, ("error", MissingValues.Error), ("drop", MissingValues.DropRow)));
        if (scale)
            command.Options.Add(EnumOption(ScaleName, "Sample values: auto (uint8 pixels ÷ 255, other types as they are), none, or 255 (every value ÷ 255).", PixelScale.Auto, ScaleNames));
    }

    /// <summary>How the parsed command reads text files (<see cref="AddFileReading"/>; the defaults when it has no such options).</summary>
    public static TextMatrixReadOptions TextReading(ParseResult parse)
    {
        if (!Has(parse, IndexColumnName)) return TextMatrixReadOptions.Default;
        return new TextMatrixReadOptions { IndexColumn = parse.GetValue<int?>(IndexColumnName), Missing = parse.GetValue<MissingValues>(MissingName) };
    }

    /// <summary>Reads a matrix file argument (text, .npy, .npz, <c>file.npz:name</c>, .arrow/.feather, .parquet; <c>-</c> is text on standard input).</summary>
    public static Matrix ReadMatrix(string path) => ReadMatrix(path, TextMatrixReadOptions.Default);

    /// <summary>Reads a matrix file argument as the parsed command's <see cref="AddFileReading"/> options say.</summary>
    public static Matrix ReadMatrix(string path, ParseResult parse) => ReadMatrix(path, TextReading(parse));

    private static Matrix ReadMatrix(string path, TextMatrixReadOptions text) =>
        path == "-" ? TextMatrixFile.Read(Console.In, StandardInput, text, out _) : MatrixFile.Read(path, text);

    /// <summary>How the parsed command scales samples (<c>--scale</c>; <see cref="PixelScale.Auto"/> when it has no such option).</summary>
    public static PixelScale Scaling(ParseResult parse) => Has(parse, ScaleName) ? parse.GetValue<PixelScale>(ScaleName) : PixelScale.Auto;

    /// <summary>Reads the samples of a data file (IDX, .npy, .npz, .arrow/.feather, .parquet, text; <c>-</c> is text on standard input) as the parsed command's options say.</summary>
    public static Matrix ReadSamples(string path, ParseResult parse)
    {
        var text = TextReading(parse);
        var scale = Scaling(parse);
        return path == "-" ? DataSetFile.ReadSamples(Console.In, StandardInput, text, scale) : DataSetFile.ReadSamples(path, text, scale);
    }

    private const string StandardInput = "<stdin>";

    private static bool Has(ParseResult parse, string option) => parse.CommandResult.Command.Options.Any(o => o.Name == option);

    /// <summary>
    /// Writes <paramref name="m"/> to <paramref name="path"/> (atomically, in the format its extension names) when a path
    /// was given; <c>-</c> writes CSV to standard output.
    /// </summary>
    public static void WriteIfRequested(string? path, Matrix m)
    {
        if (string.IsNullOrEmpty(path)) return;
        if (path == "-")
        {
            TextMatrixFile.Write(Console.Out, m, ',');
            Console.Out.Flush();
        }
        else MatrixFile.Write(path, m);
    }

    /// <summary>
    /// Writes the vector <paramref name="v"/> when a path was given: a .npy file holds a 1-D array of shape (D,) (as numpy
    /// keeps a mean), any other format one row (1×D); <c>-</c> writes that row as CSV to standard output. Atomic, as
    /// <see cref="WriteIfRequested(string?, Matrix)"/>.
    /// </summary>
    public static void WriteIfRequested(string? path, Vector v)
    {
        if (string.IsNullOrEmpty(path)) return;
        if (path != "-" && MatrixFile.FormatOf(path) == MatrixFormat.Npy) NpyFile.Write<double>(path, v.ToArray(), [v.Length]);
        else WriteIfRequested(path, new Matrix(1, v.Length, v.AsSpan()));
    }

    /// <summary>
    /// Checks, before any work is done, that each given output file can be created: its folder exists, it is not a folder,
    /// and its extension names a format <see cref="MatrixFile"/> writes (<c>-</c>, standard output, always can).
    /// </summary>
    public static void CheckMatrixOutputFiles(params string?[] paths)
    {
        CheckOutputFiles([.. paths.Where(p => p != "-")]);
        foreach (var path in paths)
            if (!string.IsNullOrEmpty(path) && path != "-") MatrixFile.FormatOf(path);
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
