using System.CommandLine;
using System.Globalization;
using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Cli.Commands;

/// <summary>
/// Vectors and small matrices written on the command line: a vector is numbers separated by commas (or spaces),
/// <c>1,2,3</c>; a matrix is its rows separated by semicolons, <c>"2,1;1,2"</c>. An option that takes a matrix also
/// takes a matrix file (anything <see cref="CommonOptions.ReadMatrix(string, ParseResult)"/> reads).
/// </summary>
internal static class InlineValues
{
    /// <summary>Reads the vector given to <paramref name="option"/>; an empty list or a word is an error naming it.</summary>
    public static Vector Vector(string option, string text)
    {
        var values = Numbers(option, text, text);
        if (values.Length == 0) throw new UserInputException($"{option}: no numbers in '{text}'; write a vector as 1,2,3.");
        return LinearAlgebra.Vector.Of(values);
    }

    /// <summary>
    /// Reads the matrix given to <paramref name="option"/>: written out (<c>"2,1;1,2"</c>, rows separated by ';') when the
    /// text holds only numbers and separators, else read from the file it names.
    /// </summary>
    public static Matrix MatrixOrFile(string option, string text, ParseResult parse)
    {
        if (!IsWrittenOut(text)) return CommonOptions.ReadMatrix(text, parse);
        var rows = text.Split(';', StringSplitOptions.TrimEntries);
        var values = rows.Select(r => Numbers(option, r, text)).ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].Length == 0) throw new UserInputException($"{option}: row {i + 1} of '{text}' is empty; write a matrix as \"2,1;1,2\".");
            if (values[i].Length != values[0].Length)
                throw new UserInputException($"{option}: row {i + 1} of '{text}' has {values[i].Length} values, row 1 has {values[0].Length}.");
        }

        return Matrix.FromRows(values);
    }

    /// <summary>Text made of numbers and separators only (digits, signs, '.', 'e', ',', ';', spaces) is written out; anything else names a file.</summary>
    private static bool IsWrittenOut(string text) =>
        text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or ';' or '+' or '-' or 'e' or 'E' || char.IsWhiteSpace(c))
        && !File.Exists(text) && MatrixFile.SplitMember(text).Member is null;

    private static double[] Numbers(string option, string part, string whole)
    {
        var tokens = part.Split([',', ' ', '\t'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new double[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
            if (!double.TryParse(tokens[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                throw new UserInputException($"{option}: '{tokens[i]}' in '{whole}' is not a finite number.");
        return values;
    }
}
