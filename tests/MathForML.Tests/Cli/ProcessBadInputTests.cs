using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace MathForML.Tests.Cli;

/// <summary>
/// The bad-input contract checked on the built <c>mml</c> run as a process (<see cref="MmlProcess"/>), for every
/// command and subcommand: each case exits 2 with one line <c>mml: error: …</c> naming the problem, no stack trace,
/// nothing on stdout, and no file left in its output folder (the matrix of every bad file kind on the file slots that take
/// them all runs in-process: <see cref="ProcessBadInputCases"/>). <c>{in}</c> is the shared folder of inputs
/// (<see cref="ProcessBadInputFiles"/>), <c>{out}</c> a fresh folder per case for the <c>--out</c>/<c>--save</c>/<c>--plot</c> targets.
/// </summary>
public class ProcessBadInputTests(ITestOutputHelper log)
{
    /// <summary>A case; <paramref name="InProcess"/> runs it through <see cref="CliRunner"/> (the file-kind matrix of <see cref="ProcessBadInputCases"/>).</summary>
    internal sealed record Case(string What, string Expected, string[] Args, bool InProcess = false);

    /// <summary>
    /// The whole table (hundreds of processes, about a minute). Not repeated by the README test's run of the suite in a
    /// fresh clone (<c>MML_README_CLONE=1</c>): that run shows the suite builds and passes there, and the outer run has
    /// just checked every case on the same commit.
    /// </summary>
    [Fact]
    public void EveryCaseExitsTwoWithOneLineAndNoFiles()
    {
        if (Environment.GetEnvironmentVariable("MML_README_CLONE") == "1") return;
        using var inputs = new TempDirectory();
        ProcessBadInputFiles.Write(inputs);
        var cases = ProcessBadInputCases.All().ToList();
        Assert.True(cases.Count >= 150, $"only {cases.Count} cases");
        Assert.Equal(cases.Count, cases.Select(c => c.What).Distinct().Count());

        var before = Entries(inputs.Path);
        var failures = new ConcurrentBag<string>();
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, c =>
        {
            using var output = new TempDirectory();
            var args = c.Args.Select(a => a.Replace("{in}", inputs.Path, StringComparison.Ordinal).Replace("{out}", output.Path, StringComparison.Ordinal)).ToArray();
            try
            {
                var (code, stdout, stderr) = c.InProcess ? CliRunner.Run(args) : MmlProcess.Run(output.Path, args);
                BadInputContract.Check(c.What, code, stdout, stderr, c.Expected, [], Entries(output.Path));
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or TimeoutException)
            {
                failures.Add($"{e.Message.ReplaceLineEndings(" ")}\n    mml {string.Join(' ', c.Args)}");
            }
        });
        log.WriteLine($"{cases.Count} bad-input cases ({cases.Count(c => !c.InProcess)} as processes) run in {watch.Elapsed.TotalSeconds:F1} s, {failures.Count} failed");
        Assert.Equal(before, Entries(inputs.Path));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} cases broke the contract:\n" + string.Join("\n", failures.Order()));
    }

    /// <summary>Every file and folder under <paramref name="root"/>, hidden temporaries included.</summary>
    private static string[] Entries(string root) =>
        Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p)).Order().ToArray();
}
