using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MathForML.Tests.Readme;

/// <summary>
/// A newcomer's first five minutes: clone the repository into a temporary folder and run the README's two set-up
/// commands there, the tour with <c>--quick</c> and the test suite. The suite run inside the clone skips this test
/// (<c>MML_README_CLONE=1</c>), so it does not recurse. Runs alone, after the parallel tests, to have both cores.
/// </summary>
[Collection(nameof(ReadmeCloneCollection))]
public sealed partial class ReadmeCommandsTests(ITestOutputHelper log)
{
    private const string NestedVariable = "MML_README_CLONE";

    [GeneratedRegex(@"^\s{4}(dotnet [^#\n]+?)\s*(#.*)?$", RegexOptions.Multiline)]
    private static partial Regex CommandLine();


    /// <summary>The indented <c>dotnet …</c> lines of the README's set-up section, comments removed.</summary>
    internal static string[] SetupCommands(string readme)
    {
        int start = readme.IndexOf("## Set up", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Set up' section");
        int end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return CommandLine().Matches(section).Select(m => m.Groups[1].Value.Trim()).ToArray();
    }

    [Fact]
    public void Readme_names_a_tour_command_and_a_test_command()
    {
        var commands = SetupCommands(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")));
        Assert.Equal(2, commands.Length);
        Assert.Matches(@"^dotnet run --project src/MathForML\.Cli .*-- tour$", commands[0]);
        Assert.StartsWith("dotnet test", commands[1]);
    }

    [Fact]
    public void The_readme_commands_work_in_a_fresh_clone()
    {
        if (Environment.GetEnvironmentVariable(NestedVariable) == "1")
        {
            log.WriteLine("inside the clone's own test run: not cloning again");
            return;
        }

        var root = RepositoryRoot.Path;
        Assert.True(Directory.Exists(Path.Combine(root, ".git")), $"{root} is not a git clone; this test clones it.");
        using var temp = new TempDirectory();
        var clone = Path.Combine(temp.Path, "MathForML");
        var (code, _, error) = ProcessRunner.Run("git", ["clone", "--quiet", "--no-hardlinks", root, clone], temp.Path, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"git clone failed: {error}");

        var commands = SetupCommands(File.ReadAllText(Path.Combine(clone, "README.md")));
        var environment = new Dictionary<string, string?> { [NestedVariable] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        var tour = Split(commands[0]).Append("--quick").ToArray();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (tourCode, tourOut, tourErr) = ProcessRunner.Run(ProcessRunner.Dotnet, tour.Skip(1), clone, TimeSpan.FromMinutes(5), environment);
        log.WriteLine($"{string.Join(' ', tour)}: exit {tourCode} in {watch.Elapsed.TotalSeconds:F0} s\n{tourOut}{tourErr}");
        Assert.True(tourCode == 0, $"the tour failed: {tourErr}");
        Assert.True(File.Exists(Path.Combine(clone, "mml-tour", "summary.json")), "the tour wrote no mml-tour/summary.json");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(clone, "mml-tour"), "*.png", SearchOption.AllDirectories));

        watch.Restart();
        var test = Split(commands[1]);
        var (testCode, testOut, testErr) = ProcessRunner.Run(ProcessRunner.Dotnet, test.Skip(1), clone, TimeSpan.FromMinutes(12), environment);
        log.WriteLine($"{string.Join(' ', test)}: exit {testCode} in {watch.Elapsed.TotalSeconds:F0} s\n{Tail(testOut, 20)}{Tail(testErr, 20)}");
        Assert.True(testCode == 0, $"the test suite failed in the clone:\n{Tail(testOut, 40)}{Tail(testErr, 20)}");
        Assert.Matches(@"Passed!|Passed: +[1-9]", testOut);
    }

    private static string[] Split(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));
}

/// <summary>The clone test runs alone: it builds and tests a second copy of the repository.</summary>
[CollectionDefinition(nameof(ReadmeCloneCollection), DisableParallelization = true)]
public sealed class ReadmeCloneCollection;
