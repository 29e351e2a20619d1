using MathForML.Cli;

namespace MathForML.Tests.Cli;

/// <summary>
/// The multicore-JIT profile of each command (<see cref="JitProfile"/>): its name, its folder, and, as a process, that a
/// run writes it, a second run replays it with the same answer, and that a switched-off or unusable cache changes nothing.
/// </summary>
public class JitProfileTests
{
    [Theory]
    [InlineData("pca --data x.npy --components 5", "pca")]
    [InlineData("--json linalg eig --symmetric m.npy", "linalg-eig")]
    [InlineData("nn train --data d.csv", "nn-train")]
    [InlineData("pagerank --edges e.bin", "pagerank")]
    [InlineData("tour out", "tour")]
    [InlineData("linalg", null)]
    [InlineData("linalg --help", null)]
    [InlineData("linalg ../x", null)]
    [InlineData("linalg Eig", null)]
    [InlineData("linalg gram-schmidt v.csv", "linalg-gram-schmidt")]
    [InlineData("linalg -x", null)]
    [InlineData("--version", null)]
    [InlineData("--help", null)]
    [InlineData("", null)]
    [InlineData("pcaa --data x", null)]
    public void TheProfileIsNamedByTheCommandAndItsSubcommand(string commandLine, string? expected) =>
        Assert.Equal(expected, JitProfile.NameFor(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void ExactlyTheCommandsWithSubcommandsTakeTheSecondWord()
    {
        Func<System.CommandLine.ParseResult, CliContext> context = _ => throw new InvalidOperationException("not run");
        foreach (var (name, build) in CliApp.Commands)
        {
            var command = build(context);
            if (command.Subcommands.Count > 0)
            {
                foreach (var sub in command.Subcommands)
                    Assert.Equal($"{name}-{sub.Name}", JitProfile.NameFor([name, sub.Name, "--json"]));
            }
            else
            {
                Assert.Equal(name, JitProfile.NameFor([name, "word", "--json"]));
            }
        }
    }

    [Fact]
    public void TheFolderNamesTheVersionAndTheKernelPath()
    {
        var folder = JitProfile.FolderFor("/cache/mathforml");
        var parts = folder.Split(Path.DirectorySeparatorChar);
        Assert.Equal(["", "cache", "mathforml", "jit"], parts[..4]);
        Assert.Equal(6, parts.Length);
        Assert.Matches("^[0-9A-Za-z._-]+$", parts[4]);
        Assert.Matches("^(Vector512|Vector256|Scalar)-[0-9a-f]{8}$", parts[5]);
        Assert.StartsWith(MathForML.Kernels.KernelPathSelection.Best + "-", parts[5], StringComparison.Ordinal);
        Assert.Equal(folder, JitProfile.FolderFor("/cache/mathforml"));
    }

    [Fact]
    public void ARunWritesItsProfileAndTheNextReplaysItWithTheSameAnswer()
    {
        using var dir = new TempDirectory();
        var matrix = dir.Write("m.csv", "4,1,0\n1,3,1\n0,1,2\n");
        var cache = Path.Combine(dir.Path, "cache");
        var (code, first, error) = Run(dir.Path, cache, null, "linalg", "eig", "--symmetric", matrix, "--json");
        Assert.True(code == 0, error);
        var profile = Assert.Single(Directory.GetFiles(Path.Combine(cache, "mathforml", "jit"), "*.profile", SearchOption.AllDirectories));
        Assert.Equal("linalg-eig.profile", Path.GetFileName(profile));
        Assert.True(new FileInfo(profile).Length > 1000, $"profile of {new FileInfo(profile).Length} bytes");

        var (again, second, error2) = Run(dir.Path, cache, null, "linalg", "eig", "--symmetric", matrix, "--json");
        Assert.True(again == 0, error2);
        Assert.Equal(Values(first), Values(second));
        Assert.Equal("", error2);
    }

    [Fact]
    public void SwitchedOffOrWithAnUnusableCacheTheRunIsUnchanged()
    {
        using var dir = new TempDirectory();
        var matrix = dir.Write("m.csv", "2,1\n1,2\n");
        var cache = Path.Combine(dir.Path, "off");
        var (code, output, error) = Run(dir.Path, cache, "0", "linalg", "det", matrix, "--json");
        Assert.True(code == 0, error);
        Assert.Contains("\"determinant\":3", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cache, "mathforml", "jit")));

        // A relative XDG_CACHE_HOME (ignored, as the XDG spec says): nothing is written into the working folder; the
        // profile goes to ~/.cache (HOME pointed at the test's folder).
        var home = Directory.CreateDirectory(Path.Combine(dir.Path, "home")).FullName;
        var (code3, output3, error3) = Run(dir.Path, "relative-cache", null, ["linalg", "det", matrix, "--json"], home);
        Assert.True(code3 == 0, error3);
        Assert.Equal(output, output3);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "relative-cache")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(home, ".cache", "mathforml", "jit"), "linalg-det.profile", SearchOption.AllDirectories));

        // The cache "folder" is a file: no profile can be made there, and nothing is said about it.
        var file = dir.Write("not-a-folder", "x");
        var (code2, output2, error2) = Run(dir.Path, file, null, "linalg", "det", matrix, "--json");
        Assert.True(code2 == 0, error2);
        Assert.Equal("", error2);
        Assert.Equal(output, output2);
    }

    private static (int Code, string Out, string Err) Run(string workingDirectory, string cache, string? jitSwitch, params string[] args) =>
        Run(workingDirectory, cache, jitSwitch, args, home: null);

    private static (int Code, string Out, string Err) Run(string workingDirectory, string cache, string? jitSwitch, string[] args, string? home)
    {
        var environment = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = cache, [JitProfile.Switch] = jitSwitch, ["MML_DEBUG"] = null };
        if (home is not null) environment["HOME"] = home;
        return ProcessRunner.Run(ProcessRunner.Dotnet, [ProcessRunner.Mml, .. args], workingDirectory, TimeSpan.FromSeconds(60), environment);
    }

    private static string Values(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("eigenvalues").GetRawText();
    }
}
