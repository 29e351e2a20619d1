namespace MathForML.Tests.Cli;

/// <summary>
/// The CLI's contract for bad input, shared by the in-process (<see cref="CliRunner"/>) and the process
/// (<see cref="MmlProcess"/>) tests: exit 2, exactly one stderr line <c>mml: error: …</c> containing the expected
/// words, no stack trace, nothing on stdout, and the output folder's files unchanged.
/// </summary>
internal static class BadInputContract
{
    public static void Check(string what, int code, string output, string error, string expected, string[] filesBefore, string[] filesAfter)
    {
        Assert.True(code == 2, $"{what}: exit {code}, stderr: {error}");
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, $"{what}: {lines.Length} lines on stderr: {error}");
        Assert.True(lines[0].StartsWith("mml: error: ", StringComparison.Ordinal), $"{what}: stderr does not start with 'mml: error: ': {error}");
        Assert.True(lines[0].Contains(expected, StringComparison.Ordinal), $"{what}: stderr does not contain '{expected}': {error}");
        Assert.False(error.Contains("   at ", StringComparison.Ordinal), $"{what}: a stack trace on stderr: {error}");
        Assert.True(output.Length == 0, $"{what}: stdout is not empty: {output}");
        Assert.True(filesBefore.Order().SequenceEqual(filesAfter.Order()),
            $"{what}: files changed: before [{string.Join(", ", filesBefore.Order())}], after [{string.Join(", ", filesAfter.Order())}]");
    }
}
