using MathForML.Cli;

namespace MathForML.Tests.Cli;

/// <summary>The lazy command tree: a run builds only the command it names, and help still lists every command.</summary>
public class CliAppTests
{
    [Fact]
    public void EachCommandOfTheTableBuildsTheCommandOfThatName()
    {
        Func<System.CommandLine.ParseResult, CliContext> context = _ => throw new InvalidOperationException("not run");
        foreach (var (name, build) in CliApp.Commands) Assert.Equal(name, build(context).Name);
        Assert.Equal(CliApp.Commands.Length, CliApp.Commands.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("pca --data x.npy", "pca")]
    [InlineData("--json linalg det m.csv", "linalg")]
    [InlineData("nn train --data d.csv", "nn")]
    [InlineData("--version", "")]
    [InlineData("", null)]
    [InlineData("--help", null)]
    [InlineData("--version pca", null)]
    [InlineData("pcaa --data x", null)]
    [InlineData("-h", null)]
    [InlineData("--json", null)]
    public void OnlyTheNamedCommandIsNeeded(string commandLine, string? expected) =>
        Assert.Equal(expected, CliApp.OnlyCommandNeeded(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void HelpAndMistypedCommandsStillSeeEveryCommand()
    {
        var (code, output, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        foreach (var (name, _) in CliApp.Commands) Assert.Contains($"  {name}", output, StringComparison.Ordinal);

        var (badCode, _, error) = CliRunner.Run("pcaa");
        Assert.Equal(ExitCodes.BadInput, badCode);
        Assert.Contains("'pcaa'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionAloneIsAnsweredBeforeTheParserAsTheParserWould()
    {
        var (code, output, error) = MmlProcess.Run(AppContext.BaseDirectory, ["--version"]);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(ToolVersion.Text + Environment.NewLine, output);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
        Assert.True(ToolVersion.IsAsked(["--version"]));
        Assert.False(ToolVersion.IsAsked(["--version", "pca"]));
        Assert.False(ToolVersion.IsAsked(["--json", "--version"]));
    }

    [Fact]
    public void VersionNeedsNoCommand()
    {
        var (code, output, error) = CliRunner.Run("--version");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
    }
}
