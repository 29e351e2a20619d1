namespace MathForML.Tests.Cli;

public class PageRankCommandTests
{
    private static string MicroInternet(TempDirectory dir)
    {
        var l = ReferenceData.Json("pagerank", "reference.json").GetProperty("l6").ToMatrix();
        var path = dir.File("l6.csv");
        MathForML.Data.MatrixFile.Write(path, l);
        return path;
    }

    [Fact]
    public void CourseLinksSumTo100()
    {
        using var dir = new TempDirectory();
        var json = CliRunner.Json("pagerank", "--links", MicroInternet(dir), "--tol", "1e-12");
        Assert.True(json.GetProperty("converged").GetBoolean());
        var ranks = json.GetProperty("ranks").ToVector();
        Assert.Equal(100, ranks.Sum(), 9);
        Assert.Equal(40, ranks[2], 8);
        Assert.Equal(2, json.GetProperty("top")[0].GetProperty("node").GetInt32());
    }

    [Fact]
    public void EdgesWriteAllRanksAsCsv()
    {
        using var dir = new TempDirectory();
        var edges = dir.Write("g.txt", "0 1\n1 2\n2 0\n3 0\n");
        var outPath = dir.File("ranks.csv");
        var json = CliRunner.Json("pagerank", "--edges", edges, "--out", outPath, "--top", "2");
        Assert.Equal(4, json.GetProperty("nodes").GetInt32());
        Assert.Equal(4, json.GetProperty("edges").GetInt32());
        Assert.Equal(2, json.GetProperty("top").GetArrayLength());
        var lines = File.ReadAllLines(outPath);
        Assert.Equal("node,rank", lines[0]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void NotConvergedExitsOne()
    {
        using var dir = new TempDirectory();
        var (code, output, error) = CliRunner.Run("pagerank", "--edges", dir.Write("g.txt", "0 1\n1 2\n2 0\n3 0\n"), "--max-iter", "2", "--json");
        Assert.Equal(1, code);
        Assert.Contains("\"converged\":false", output);
        Assert.Contains("did not converge", error);
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["pagerank", "--edges", "{dir}/bad.txt"], "bad.txt:2:1: expected 'source target'" },
        { ["pagerank", "--edges", "{dir}/odd.bin"], "not a multiple of 8" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--nodes", "2"], "not below --nodes 2" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--damping", "1.5"], "--damping must be between 0 and 1" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--tol", "0"], "--tol must be positive" },
        { ["pagerank", "--links", "{dir}/unnormalized.csv"], "Column 0 of the link matrix sums to 2" },
        { ["pagerank"], "exactly one of --links or --edges" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--links", "{dir}/unnormalized.csv"], "exactly one" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--out", "{dir}/missing/r.csv"], "does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputExitsTwo(string[] args, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("bad.txt", "0 1\n2\n");
        dir.Write("odd.bin", new byte[12]);
        dir.Write("g.txt", "0 1\n1 2\n");
        dir.Write("unnormalized.csv", "0,1\n2,0\n");
        var before = dir.Files();
        var (code, output, error) = CliRunner.Run(args.Select(a => a.Replace("{dir}", dir.Path, StringComparison.Ordinal)).ToArray());
        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains(expected, error);
        Assert.Equal("", output);
        Assert.Equal(before.Order(), dir.Files().Order());
    }
}
