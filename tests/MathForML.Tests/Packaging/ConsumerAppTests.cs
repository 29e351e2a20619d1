using System.IO.Compression;
using Xunit.Abstractions;

namespace MathForML.Tests.Packaging;

/// <summary>
/// What a .NET developer does first: pack the library packages into a folder, start a new console app outside this
/// repository, reference the packages (not the projects) and use them — the fluent API, <c>foreach</c> over a vector,
/// an <c>.npz</c> and a Parquet file. Packs a fresh clone so the repository's own build output is never touched, so it runs beside the
/// other tests (as the ReadyToRun publish does) instead of alone at the end with a core idle; not inside the README
/// test's clone run.
/// </summary>
public sealed class ConsumerAppTests(ITestOutputHelper log)
{
    /// <summary>A version no earlier run used, so the restore cannot take a stale copy from the user's package cache.</summary>
    private static readonly string Version = $"0.0.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    private const string Program = """
        using MathForML.Data;
        using MathForML.LinearAlgebra;

        var a = Matrix.FromRows([4.0, 1.0], [2.0, 3.0]);
        var x = a.Solve(Vector.Of(1.0, 2.0));
        double sum = 0;
        foreach (double v in x) sum += v;
        NpzFile.Write("a.npz", new Dictionary<string, Matrix> { ["a"] = a, ["x"] = Matrix.FromColumns(x) });
        var back = NpzFile.ReadMatrix("a.npz", "a");
        ParquetFile.Write("a.parquet", a, ["first", "second"]);
        var table = ParquetFile.ReadTable("a.parquet");
        Console.WriteLine($"x = {string.Join(", ", x.Select(v => v.ToString("R")))}; sum {sum:R}; det {a.Determinant():R}; npz a[1,0] = {back[1, 0]:R}; members {string.Join(",", NpzFile.ReadNames("a.npz"))}; parquet {string.Join(",", table.ColumnNames)} {table.Values[1, 1]:R}");
        """;

    [Fact]
    public void A_new_app_builds_and_runs_against_the_packages()
    {
        if (Environment.GetEnvironmentVariable("MML_README_CLONE") == "1") return;
        using var temp = new TempDirectory();
        var clone = Path.Combine(temp.Path, "repo");
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        Run("git", ["clone", "--quiet", "--no-hardlinks", root, clone], temp.Path);
        var feed = Path.Combine(temp.Path, "feed");
        foreach (var project in new[] { "src/MathForML/MathForML.csproj", "src/MathForML.Data/MathForML.Data.csproj" })
            Run(ProcessRunner.Dotnet, ["pack", project, "-c", "Release", "-o", feed, $"-p:MinVerVersionOverride={Version}", "-p:IncludeSymbols=false"], clone);
        foreach (var package in Directory.GetFiles(feed, "*.nupkg"))
        {
            using var zip = ZipFile.OpenRead(package);
            Assert.Contains(zip.Entries, e => e.FullName == "LICENSE");
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
            var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var reader = new StreamReader(nuspec.Open());
            string metadata = reader.ReadToEnd();
            foreach (var expected in new[] { "<license type=\"expression\">MIT</license>", "<readme>README.md</readme>", "<repository type=\"git\" url=\"https://github.com/", "<projectUrl>https://", "<description>", "<tags>", "<releaseNotes>" })
                Assert.True(metadata.Contains(expected, StringComparison.Ordinal), $"{Path.GetFileName(package)}: the nuspec has no {expected}\n{metadata}");
        }

        var app = Path.Combine(temp.Path, "app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MathForML.Data" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="mathforml-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var output = Run(ProcessRunner.Dotnet, ["run", "-c", "Release"], app);
        // x solves [[4, 1], [2, 3]]·x = [1, 2]: x = (0.1, 0.6); det = 10.
        Assert.Contains("x = 0.1, 0.6", output.Replace("0.09999999999999999", "0.1", StringComparison.Ordinal)
            .Replace("0.6000000000000001", "0.6", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("det 10", output, StringComparison.Ordinal);
        Assert.Contains("npz a[1,0] = 2", output, StringComparison.Ordinal);
        Assert.Contains("members a,x", output, StringComparison.Ordinal);
        Assert.Contains("parquet first,second 3", output, StringComparison.Ordinal);
    }

    private string Run(string program, string[] arguments, string directory)
    {
        var environment = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["MSBUILDDISABLENODEREUSE"] = "1" };
        var (code, output, error) = ProcessRunner.Run(program, arguments, directory, TimeSpan.FromMinutes(4), environment);
        log.WriteLine($"{program} {string.Join(' ', arguments)}: exit {code}\n{output}{error}");
        Assert.True(code == 0, $"{program} {string.Join(' ', arguments)} failed ({code}):\n{output}\n{error}");
        return output;
    }
}
