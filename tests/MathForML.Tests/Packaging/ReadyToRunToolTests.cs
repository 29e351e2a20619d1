using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.Tests.Cli;

namespace MathForML.Tests.Packaging;

/// <summary>
/// The build users install: <c>dotnet publish -r linux-x64</c> of the CLI, which (as the per-platform tool packages)
/// carries ReadyToRun code. A representative part of the CLI's table runs on it, as a process, with the CPU's widest
/// vectors and again with AVX-512 switched off (<c>DOTNET_EnableAVX512=0</c>, an AVX2-only CPU); each JSON report must
/// equal the in-process (JIT) run's: to 1e-12 relative with the same kernels, to 1e-9 with the AVX2 ones.
/// </summary>
/// <remarks>
/// The publish goes to its own artifacts folder (<c>--artifacts-path</c>), so it never touches the assemblies the tests
/// run from. Skipped inside the README's clone run (the outer run covers it) and off linux-x64.
/// </remarks>
public sealed class ReadyToRunToolTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public void ThePublishedToolIsReadyToRunAndAnswersAsTheBuiltOne()
    {
        if (Environment.GetEnvironmentVariable("MML_README_CLONE") == "1"
            || !OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return;

        using var dir = new TempDirectory();
        var artifacts = dir.File("artifacts");
        var publish = ProcessRunner.Run(ProcessRunner.Dotnet,
            ["publish", Path.Combine(RepositoryRoot.Path, "src", "MathForML.Cli"), "-c", "Release", "-r", "linux-x64",
             "--artifacts-path", artifacts, "-o", dir.File("tool"), "-p:MinVerSkip=true"],
            RepositoryRoot.Path, PublishTimeout);
        Assert.True(publish.Code == 0, $"publish failed:\n{publish.Out}\n{publish.Err}");

        foreach (var assembly in new[] { "mml.dll", "MathForML.dll", "MathForML.Data.dll" })
            Assert.True(IsReadyToRun(dir.File(Path.Combine("tool", assembly))), $"{assembly} carries no ReadyToRun code");

        var rng = new Random(17);
        var sym = Filled(60, 60, (_, _) => rng.NextDouble() - 0.5);
        NpyFile.Write(dir.File("sym.npy"), sym + sym.Transpose());
        NpyFile.Write(dir.File("x.npy"), Filled(300, 20, (i, j) => Math.Sin(i * 0.37 + j * j * 0.11) + 0.01 * rng.NextDouble()));
        File.WriteAllText(dir.File("a.csv"), "4,1,2\n1,5,3\n2,3,6\n");

        string[][] table =
        [
            ["linalg", "det", dir.File("a.csv")],
            ["linalg", "inverse", dir.File("a.csv")],
            ["linalg", "eig", "--symmetric", dir.File("sym.npy")],
            ["linalg", "svd", dir.File("x.npy"), "--values-only"],
            ["pca", "--data", dir.File("x.npy"), "--components", "4"],
            ["stats", "cov", dir.File("x.npy")],
            ["pagerank", "--course-internet", "40", "--seed", "3"],
            ["calc", "diff", "x^3*sin(x)", "--wrt", "x"],
            ["calc", "newton", "x^2 + y^2 - 4; x*y - 1", "--start", "x=2,y=0.5"],
            ["fit", "--data", ReferenceData.PathOf("nist-strd", "Misra1a.dat")],
        ];
        var tool = dir.File(Path.Combine("tool", "mml"));
        foreach (var args in table)
        {
            var expected = CliRunner.Json(args);
            foreach (var (environment, tolerance) in new[] { (new Dictionary<string, string?>(), 1e-12), (new Dictionary<string, string?> { ["DOTNET_EnableAVX512"] = "0" }, 1e-9) })
            {
                var (code, output, error) = ProcessRunner.Run(tool, [.. args, "--json"], dir.Path, TimeSpan.FromSeconds(60), environment);
                string what = $"mml {string.Join(' ', args)}{(environment.Count > 0 ? " without AVX-512" : "")}";
                Assert.True(code == 0, $"{what}: exit {code}: {error}");
                using var actual = JsonDocument.Parse(output);
                AssertSameReport(expected, actual.RootElement, tolerance, what);
            }
        }

        var bad = ProcessRunner.Run(tool, ["linalg", "det", dir.File("missing.csv")], dir.Path, TimeSpan.FromSeconds(60));
        Assert.Equal(MathForML.Cli.ExitCodes.BadInput, bad.Code);
        Assert.StartsWith("mml: error:", bad.Err, StringComparison.Ordinal);
    }

    private static Matrix Filled(int rows, int columns, Func<int, int, double> value)
    {
        var m = new Matrix(rows, columns);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) m[i, j] = value(i, j);
        return m;
    }

    private static bool IsReadyToRun(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    /// <summary>Same keys and shapes; numbers within <paramref name="tolerance"/> relative to the larger magnitude (at least 1); times are not compared.</summary>
    private static void AssertSameReport(JsonElement expected, JsonElement actual, double tolerance, string where)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{where}: {expected.ValueKind} vs {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).ToArray();
                Assert.Equal(names, actual.EnumerateObject().Select(p => p.Name).ToArray());
                foreach (var name in names.Where(n => !n.Contains("seconds", StringComparison.Ordinal)))
                    AssertSameReport(expected.GetProperty(name), actual.GetProperty(name), tolerance, $"{where}.{name}");
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{where}: lengths differ");
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray())) AssertSameReport(e, a, tolerance, $"{where}[]");
                break;
            case JsonValueKind.Number:
                double x = expected.GetDouble(), y = actual.GetDouble();
                Assert.True(Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))), $"{where}: {x:R} vs {y:R}");
                break;
            default:
                Assert.Equal(expected.ToString(), actual.ToString());
                break;
        }
    }

}
