using System.CommandLine;
using System.CommandLine.Parsing;

namespace MathForML.Cli;

/// <summary>
/// Numbers given on the command line must be finite: System.CommandLine parses "1e400" to +∞ (and "NaN" to NaN)
/// without complaint, and a learning rate of ∞ trained a network to NaN with exit 0. Every floating-point option or
/// argument of the parsed command is checked before the command runs; the first that is not finite is the user's error.
/// </summary>
internal static class NonFiniteOptions
{
    /// <summary>The one-line message for the first non-finite number in <paramref name="parsed"/>, or null when all are finite.</summary>
    public static string? Find(ParseResult parsed)
    {
        for (var command = parsed.CommandResult; command is not null; command = command.Parent as CommandResult)
        {
            foreach (var child in command.Children)
            {
                switch (child)
                {
                    case OptionResult { Implicit: false } option when IsFloatingPoint(option.Option.ValueType):
                        if (Value(parsed, option.Option) is { } x && !double.IsFinite(x))
                            return $"{option.Option.Name}: '{TerminalText.Printable(Token(option))}' is not a finite number";
                        break;
                    case ArgumentResult argument when IsFloatingPoint(argument.Argument.ValueType):
                        if (Value(parsed, argument.Argument) is { } y && !double.IsFinite(y))
                            return $"{argument.Argument.Name}: '{TerminalText.Printable(Token(argument))}' is not a finite number";
                        break;
                }
            }
        }
        return null;
    }

    private static bool IsFloatingPoint(Type type) => type == typeof(double) || type == typeof(double?) || type == typeof(float) || type == typeof(float?);

    private static double? Value(ParseResult parsed, Option option) => option switch
    {
        Option<double> d => parsed.GetValue(d),
        Option<double?> n => parsed.GetValue(n),
        Option<float> f => parsed.GetValue(f),
        Option<float?> g => parsed.GetValue(g),
        _ => null,
    };

    private static double? Value(ParseResult parsed, Argument argument) => argument switch
    {
        Argument<double> d => parsed.GetValue(d),
        Argument<double?> n => parsed.GetValue(n),
        Argument<float> f => parsed.GetValue(f),
        Argument<float?> g => parsed.GetValue(g),
        _ => null,
    };

    private static string Token(SymbolResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
