using System.Text.Json;
using MathForML.Cli;

namespace MathForML.Tests.Cli;

/// <summary>Runs <c>mml</c> in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error, errorIsTerminal: false);
        return (code, output.ToString(), error.ToString());
    }

    public static JsonElement Json(params string[] args)
    {
        var (code, output, error) = Run([.. args, "--json"]);
        Assert.True(code == 0, $"exit {code}: {error}");
        using var doc = JsonDocument.Parse(output);
        Assert.Single(output.Trim().Split('\n'));
        return doc.RootElement.Clone();
    }

    /// <summary>
    /// Runs <paramref name="args"/> (with <c>{dir}</c> replaced by the folder) and checks the CLI's contract for bad
    /// input: exit 2, one line <c>mml: error: …</c> containing <paramref name="expected"/>, no stack trace, nothing on
    /// stdout, and no file added to or removed from <paramref name="dir"/>.
    /// </summary>
    public static void AssertBadInput(TempDirectory dir, string[] args, string expected, string what = "", IReadOnlyDictionary<string, string>? placeholders = null)
    {
        var before = dir.Files();
        var expanded = args.Select(a =>
        {
            a = a.Replace("{dir}", dir.Path, StringComparison.Ordinal);
            foreach (var (key, value) in placeholders ?? new Dictionary<string, string>()) a = a.Replace(key, value, StringComparison.Ordinal);
            return a;
        }).ToArray();
        var (code, output, error) = Run(expanded);
        BadInputContract.Check(what, code, output, error, expected, before, dir.Files());
    }
}
