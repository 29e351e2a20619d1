using System.Text.Json;
using MathForML.Data;
using MathForML.Graphs;

namespace MathForML.Distributed.Tests.Graphs;

/// <summary>
/// <c>mpirun -np P mml pagerank --edges E</c> against the single process's <see cref="PageRank.Compute"/> on the same
/// file: the same ranks to 1e-12 in L1 for P = 2 and 3, with dangling nodes (R-MAT graphs have many) and with a
/// personalization vector.
/// </summary>
public sealed class DistributedPageRankTests
{
    [MpiFact]
    public void Rmat12_two_ranks_equal_one_process() => Check(scale: 12, ranks: 2, personalized: false, seed: 3);

    [MpiFact]
    public void Rmat14_three_ranks_with_personalization_equal_one_process() => Check(scale: 14, ranks: 3, personalized: true, seed: 5);

    [MpiFact]
    public void Rmat16_two_ranks_with_personalization_equal_one_process() => Check(scale: 16, ranks: 2, personalized: true, seed: 7);

    [MpiFact]
    public void Text_edge_list_three_ranks_equal_one_process()
    {
        using var dir = new TempFolder();
        // A small web with a dangling page (4) and an isolated one (5).
        File.WriteAllText(dir.File("web.txt"), "# from to\n0 1\n0 2\n1 2\n2 0\n3 2\n3 4\n1 4\n");
        var expected = PageRank.Compute(CsrGraphReader.Read(dir.File("web.txt"), 6)).Ranks;
        var run = MpiRun.Mml(3, ["pagerank", "--edges", "web.txt", "--nodes", "6", "--out", "ranks.csv"], dir.Path);
        Assert.True(run.Code == 0, run.Err);
        Assert.True(GraphFiles.L1(expected, GraphFiles.ReadRanks(dir.File("ranks.csv"))) <= 1e-12);
        Assert.Contains("3 MPI processes", run.Out, StringComparison.Ordinal);
    }

    [MpiFact]
    public void A_personalization_of_the_wrong_length_is_one_line_from_rank_0_exit_2()
    {
        using var dir = new TempFolder();
        GraphFiles.WriteRmat(dir.File("g.bin"), 8, 1);
        File.WriteAllText(dir.File("v.txt"), "0.5\n0.5\n");
        var run = MpiRun.Mml(2, ["pagerank", "--edges", "g.bin", "--nodes", "256", "--personalization", "v.txt"], dir.Path);
        Assert.Equal(2, run.Code);
        Assert.Equal("mml: error: --personalization: The personalization vector has 2 entries for 256 nodes.", Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static void Check(int scale, int ranks, bool personalized, ulong seed)
    {
        using var dir = new TempFolder();
        var outDegree = GraphFiles.WriteRmat(dir.File("g.bin"), scale, seed);
        Assert.Contains(0, outDegree);   // dangling nodes are part of what is checked
        double[]? v = personalized ? GraphFiles.WritePersonalization(dir.File("v.txt"), 1 << scale) : null;
        var single = PageRank.Compute(CsrGraphReader.Read(dir.File("g.bin"), 1 << scale), new PageRankOptions { Personalization = v });

        string[] args = ["--json", "pagerank", "--edges", "g.bin", "--nodes", (1 << scale).ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", "ranks.csv", "--top", "3"];
        if (personalized) args = [.. args, "--personalization", "v.txt"];
        var run = MpiRun.Mml(ranks, args, dir.Path);
        Assert.True(run.Code == 0, run.Err);
        Assert.Equal("", run.Err);
        using var json = JsonDocument.Parse(run.Out);   // one JSON object: rank 0 alone prints
        Assert.Equal(ranks, json.RootElement.GetProperty("processes").GetInt32());
        Assert.Equal(single.Iterations, json.RootElement.GetProperty("iterations").GetInt32());
        var distributed = GraphFiles.ReadRanks(dir.File("ranks.csv"));
        double l1 = GraphFiles.L1(single.Ranks, distributed);
        Assert.True(l1 <= 1e-12, $"L1 distance {l1:G3} between {ranks} ranks and one process");
        Assert.Single(Directory.GetFiles(dir.Path, "ranks.csv*"));   // only rank 0 wrote, and no temporary file is left
    }
}
