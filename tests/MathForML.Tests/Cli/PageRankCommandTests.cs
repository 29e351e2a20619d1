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
    public void CourseLinksCountIterationsAsTheCourse()
    {
        // The course's loop on its micro-internet: "18 iterations to convergence", after 19 matrix products.
        using var dir = new TempDirectory();
        var json = CliRunner.Json("pagerank", "--links", MicroInternet(dir));
        Assert.Equal(18, json.GetProperty("iterations").GetInt32());
        Assert.Equal(19, json.GetProperty("matrix_products").GetInt32());
        var (code, output, _) = CliRunner.Run("pagerank", "--links", MicroInternet(dir));
        Assert.Equal(0, code);
        Assert.Contains("after 18 iterations as the course counts them (19 matrix products)", output);
    }

    [Fact]
    public void CourseInternetIsTheCoursesGenerateInternet()
    {
        // mml pagerank --course-internet 40 --seed 7: the course's np.random.seed(7); generate_internet(40), d = 0.85.
        var json = CliRunner.Json("pagerank", "--course-internet", "40", "--seed", "7");
        var expected = MathForML.Graphs.PageRank.Course(MathForML.Graphs.CourseInternet.Generate(40, 7u), 0.85);
        Assert.Equal(expected.Ranks, json.GetProperty("ranks").ToVector().ToArray());
        Assert.Equal(expected.Iterations, json.GetProperty("iterations").GetInt32());
        var top = CliRunner.Json("pagerank", "--course-internet", "40", "--seed", "4294967295").GetProperty("ranks").ToVector().ToArray();
        Assert.Equal(MathForML.Graphs.PageRank.Course(MathForML.Graphs.CourseInternet.Generate(40, 4294967295u), 0.85).Ranks, top);
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

    [Fact]
    public void RmatIsSeededAndRanksSumToOne()
    {
        var json = CliRunner.Json("pagerank", "--rmat", "10", "--edge-factor", "8", "--seed", "3", "--top", "3");
        Assert.Equal(1024, json.GetProperty("nodes").GetInt32());
        Assert.Equal(8192, json.GetProperty("edges").GetInt32());
        Assert.Equal(1, json.GetProperty("ranks").ToVector().Sum(), 12);
        var again = CliRunner.Json("pagerank", "--rmat", "10", "--edge-factor", "8", "--seed", "3", "--top", "3");
        Assert.Equal(json.GetProperty("top").GetRawText(), again.GetProperty("top").GetRawText());
        var other = CliRunner.Json("pagerank", "--rmat", "10", "--edge-factor", "8", "--seed", "4", "--top", "3");
        Assert.NotEqual(json.GetProperty("top").GetRawText(), other.GetProperty("top").GetRawText());
    }

    [Fact]
    public void InternetUsesTheCourseIterationAndDrawsABarChart()
    {
        using var dir = new TempDirectory();
        var plot = dir.File("ranks.png");
        var json = CliRunner.Json("pagerank", "--internet", "30", "--seed", "2", "--plot", plot);
        Assert.Equal(30, json.GetProperty("nodes").GetInt32());
        Assert.Equal(100, json.GetProperty("ranks").ToVector().Sum(), 6);
        var important = MathForML.Graphs.InternetGenerator.ImportantPages(30, 2);
        Assert.Contains(json.GetProperty("top")[0].GetProperty("node").GetInt32(), important);
        var png = File.ReadAllBytes(plot);
        Assert.True(png.Length > 1000);
        Assert.Equal(0x89, png[0]);
        Assert.Single(dir.Files());
    }

    [Fact]
    public void LargeGraphPlotShowsTheTopNodesAsSvg()
    {
        using var dir = new TempDirectory();
        var plot = dir.File("top.svg");
        CliRunner.Json("pagerank", "--rmat", "8", "--top", "5", "--plot", plot);
        Assert.Contains("<svg", File.ReadAllText(plot));
    }

    [Fact]
    public void PersonalizationPullsRankTowardsItsNodes()
    {
        using var dir = new TempDirectory();
        var edges = dir.Write("g.txt", "0 1\n1 2\n2 0\n");
        var uniform = CliRunner.Json("pagerank", "--edges", edges).GetProperty("ranks").ToVector();
        var personal = CliRunner.Json("pagerank", "--edges", edges, "--personalization", dir.Write("v.csv", "1\n0\n0\n")).GetProperty("ranks").ToVector();
        Assert.Equal(1.0 / 3, uniform[0], 12);
        Assert.True(personal[0] > personal[2]);
    }

    [Fact]
    public void ProgressGoesToStderrOnlyWhenItIsATerminal()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = MathForML.Cli.CliApp.Run(["pagerank", "--rmat", "12", "--json"], output, error, errorIsTerminal: true);
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.Contains("iterating", error.ToString());
        var (_, _, quiet) = CliRunner.Run("pagerank", "--rmat", "12", "--json");
        Assert.Equal("", quiet);
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["pagerank", "--edges", "{dir}/bad.txt"], "bad.txt:2:1: expected 'source target'" },
        { ["pagerank", "--edges", "{dir}/odd.bin"], "not a multiple of 8" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--nodes", "2"], "g.txt: node id 2 is not below the node count 2" },
        { ["pagerank", "--edges", "{dir}/g.bin", "--nodes", "2"], "g.bin: edge 1 (byte offset 8) has node id 2, not below the node count 2" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--damping", "1.5"], "--damping: Damping must be in [0, 1]" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--tol", "0"], "--tol: The tolerance must be a positive number" },
        { ["pagerank", "--links", "{dir}/unnormalized.csv"], "Column 0 of the link matrix sums to 2" },
        { ["pagerank"], "exactly one of --links, --edges, --rmat or --internet" },
        { ["pagerank", "--rmat", "4", "--internet", "5"], "exactly one" },
        { ["pagerank", "--rmat", "31"], "--rmat: " },
        { ["pagerank", "--rmat", "29", "--edge-factor", "16"], "more than" },
        { ["pagerank", "--rmat", "4", "--edge-factor", "0"], "--edge-factor: " },
        { ["pagerank", "--internet", "0"], "--internet: " },
        { ["pagerank", "--internet", "x"], "x" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--seed", "3"], "--seed applies to --rmat and --internet (and --course-internet) only" },
        { ["pagerank", "--course-internet", "0"], "--course-internet: " },
        { ["pagerank", "--course-internet", "5001"], "--course-internet: " },
        { ["pagerank", "--course-internet", "5", "--seed", "4294967296"], "--seed: the course's internet takes NumPy's seeds 0 to 4294967295, got 4294967296" },
        { ["pagerank", "--course-internet", "5", "--internet", "5"], "exactly one" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--edge-factor", "3"], "--edge-factor applies to --rmat only" },
        { ["pagerank", "--links", "{dir}/unnormalized.csv", "--nodes", "3"], "--nodes applies to --edges only" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--normalize"], "--normalize applies to --links only" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--personalization", "{dir}/half.csv"], "sums to 0.5, not 1" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--personalization", "{dir}/unnormalized.csv"], "one row or one column" },
        { ["pagerank", "--internet", "5", "--personalization", "{dir}/half.csv"], "--personalization applies to --edges and --rmat only" },
        { ["pagerank", "--edges", "{dir}/g.txt", "--plot", "{dir}/missing/p.png"], "does not exist" },
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
        MathForML.Data.EdgeListFile.Write(dir.File("g.bin"), [0, 1], [1, 2]);
        dir.Write("half.csv", "0.25\n0.25\n0\n");
        dir.Write("unnormalized.csv", "0,1\n2,0\n");
        CliRunner.AssertBadInput(dir, args, expected);
    }
}
