using System.CommandLine;
using System.Globalization;
using MathForML.Calculus;

namespace MathForML.Cli.Commands;

/// <summary>What the <c>mml calc</c> and <c>mml fit</c> commands share: the formula argument and "name=value" lists.</summary>
internal static class CalcOptions
{
    public static Argument<string> ExpressionArgument() =>
        new("EXPR") { Description = "A formula, e.g. \"x^2*sin(y)\" (+ - * / ^ **, ( ) [ ], exp log ln sqrt sin cos tan arctan sinh cosh tanh abs, pi, e). Write 0-x for a leading minus." };

    public static Expression Parse(string text, IEnumerable<string>? allowed = null) =>
        allowed is null ? Expression.Parse(text) : Expression.Parse(text, allowed);

    /// <summary>
    /// Reads "name=value,name=value" (or plain "v1,v2,…" given in the order of <paramref name="defaultNames"/>);
    /// returns the names and values in the order written.
    /// </summary>
    public static (string[] Names, double[] Values) NamedValues(string option, string text, IReadOnlyList<string>? defaultNames)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var names = new string[parts.Length];
        var values = new double[parts.Length];
        bool named = parts.Any(p => p.Contains('=', StringComparison.Ordinal));
        if (!named && defaultNames is not null && parts.Length != defaultNames.Count)
            throw new UserInputException($"{option} has {parts.Length} values for the {defaultNames.Count} variables {string.Join(", ", defaultNames)}; write them as name=value.");
        for (int i = 0; i < parts.Length; i++)
        {
            string name, value;
            int eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                name = parts[i][..eq].Trim();
                value = parts[i][(eq + 1)..].Trim();
            }
            else if (named || defaultNames is null)
                throw new UserInputException($"{option}: '{parts[i]}' should be name=value (e.g. b1=1.5).");
            else
            {
                name = defaultNames[i];
                value = parts[i];
            }
            if (name.Length == 0) throw new UserInputException($"{option}: '{parts[i]}' has no name before '='.");
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw new UserInputException($"{option}: '{value}' for {name} is not a finite number.");
            if (names.Take(i).Contains(name)) throw new UserInputException($"{option}: {name} is given twice.");
            names[i] = name;
            values[i] = v;
        }
        return (names, values);
    }

    /// <summary>Values for exactly the expression's variables, in its variable order; a missing or extra name is an error.</summary>
    public static double[] StartFor(string option, string text, IReadOnlyList<string> variables)
    {
        var (names, values) = NamedValues(option, text, variables);
        foreach (var n in names)
            if (!variables.Contains(n)) throw new UserInputException($"{option}: '{n}' is not a variable of the formula ({string.Join(", ", variables)}).");
        return variables.Select(v =>
        {
            int i = Array.IndexOf(names, v);
            return i >= 0 ? values[i] : throw new UserInputException($"{option}: no start value for '{v}'.");
        }).ToArray();
    }

    public static string Format(double x) => x.ToString("G10", CultureInfo.InvariantCulture);
}
