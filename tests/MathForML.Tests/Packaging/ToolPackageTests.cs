using System.IO.Compression;
using System.Runtime.InteropServices;

namespace MathForML.Tests.Packaging;

/// <summary>
/// The README's install: <c>dotnet pack src/MathForML.Cli</c>, then <c>dotnet tool install</c> from that folder. Packs
/// the linux-x64 tool package (and the top-level one that points at it) into a private feed with a version no earlier
/// run used, checks what the package carries (the composite ReadyToRun image, the Studio's assets; no MSBuild props
/// meant for a library's consumers), installs it into a tool path and runs the installed <c>mml</c>.
/// </summary>
/// <remarks>
/// Builds into its own artifacts folder (<c>--artifacts-path</c>), so the repository's build output is never touched.
/// Skipped inside the README's clone run (the outer run covers it) and off linux-x64.
/// </remarks>
public sealed class ToolPackageTests
{
    private static readonly string Version = $"0.0.0-tool.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    [Fact]
    public void TheToolPacksInstallsAndRuns()
    {
        if (Environment.GetEnvironmentVariable("MML_README_CLONE") == "1"
            || !OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return;

        using var dir = new TempDirectory();
        var feed = dir.File("feed");
        var pack = ProcessRunner.Run(ProcessRunner.Dotnet,
            ["pack", Path.Combine(RepositoryRoot.Path, "src", "MathForML.Cli"), "-c", "Release", "-o", feed,
             "--artifacts-path", dir.File("artifacts"), "-p:ToolPackageRuntimeIdentifiers=linux-x64",
             $"-p:MinVerVersionOverride={Version}", "-p:IncludeSymbols=false"],
            RepositoryRoot.Path, TimeSpan.FromMinutes(8));
        Assert.True(pack.Code == 0, $"pack failed:\n{pack.Out}\n{pack.Err}");
        Assert.True(File.Exists(Path.Combine(feed, $"MathForML.Cli.{Version}.nupkg")), "no top-level tool package");
        var platform = Path.Combine(feed, $"MathForML.Cli.linux-x64.{Version}.nupkg");
        using (var zip = ZipFile.OpenRead(platform))
        {
            var names = zip.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("tools/net10.0/linux-x64/mml.r2r.dll", names);
            Assert.Contains("tools/net10.0/linux-x64/wwwroot/_content/MathForML.Studio/studio.css", names);
            Assert.DoesNotContain(names, n => n.EndsWith(".props", StringComparison.Ordinal));
        }

        var tools = dir.File("tools");
        var install = ProcessRunner.Run(ProcessRunner.Dotnet,
            ["tool", "install", "--tool-path", tools, "--add-source", feed, "--version", Version, "MathForML.Cli"],
            dir.Path, TimeSpan.FromMinutes(3));
        Assert.True(install.Code == 0, $"install failed:\n{install.Out}\n{install.Err}");

        var mml = Path.Combine(tools, "mml");
        var version = ProcessRunner.Run(mml, ["--version"], dir.Path, TimeSpan.FromSeconds(60));
        Assert.Equal(0, version.Code);
        Assert.StartsWith(Version, version.Out.Trim(), StringComparison.Ordinal);
        File.WriteAllText(dir.File("a.csv"), "4,1,2\n1,5,3\n2,3,6\n");
        var det = ProcessRunner.Run(mml, ["linalg", "det", dir.File("a.csv"), "--json"], dir.Path, TimeSpan.FromSeconds(60));
        Assert.True(det.Code == 0, $"mml linalg det: exit {det.Code}: {det.Err}");
        using var json = System.Text.Json.JsonDocument.Parse(det.Out);
        Assert.Equal(70, json.RootElement.GetProperty("determinant").GetDouble(), 1e-12);
    }

}
