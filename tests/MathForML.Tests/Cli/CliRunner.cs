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
}
