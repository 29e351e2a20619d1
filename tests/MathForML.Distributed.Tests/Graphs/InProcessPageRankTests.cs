using MathForML.Data;
using MathForML.Distributed.Graphs;
using MathForML.Graphs;

namespace MathForML.Distributed.Tests.Graphs;

/// <summary>
/// <see cref="PartitionedGraph"/> and <see cref="DistributedPageRank"/> with the ranks as threads (<see cref="ThreadGroup"/>):
/// R-MAT 12–16 with dangling nodes and personalization equal <see cref="PageRank.Compute"/> to 1e-12 in L1 for 1, 2
/// and 3 ranks, every rank returns the same ranks, and the threads per rank change nothing.
/// </summary>
public sealed class InProcessPageRankTests
{
    [Theory]
    [InlineData(12, 1, false)]
    [InlineData(12, 2, true)]
    [InlineData(13, 3, false)]
    [InlineData(14, 2, false)]
    [InlineData(15, 3, true)]
    [InlineData(16, 2, true)]
    public void Ranks_equal_the_single_process(int scale, int ranks, bool personalized)
    {
        using var dir = new TempFolder();
        string path = dir.File("g.bin");
        GraphFiles.WriteRmat(path, scale, (ulong)scale);
        int n = 1 << scale;
        var v = personalized ? GraphFiles.WritePersonalization(dir.File("v.txt"), n) : null;
        var options = new PageRankOptions { Personalization = v };
        var single = PageRank.Compute(CsrGraphReader.Read(path, n), options);
        var results = ThreadGroup.Run(ranks, world => DistributedPageRank.Compute(world, PartitionedGraph.Read(world, path, n), options, maxThreads: 1));
        foreach (var result in results)
        {
            Assert.Equal(single.Iterations, result.Iterations);
            double l1 = GraphFiles.L1(single.Ranks, result.Ranks);
            Assert.True(l1 <= 1e-12, $"L1 {l1:G3} with {ranks} ranks");
            Assert.Equal(results[0].Ranks, result.Ranks);   // bit for bit on every rank
        }
    }

    [Fact]
    public void Threads_per_rank_do_not_change_a_bit()
    {
        using var dir = new TempFolder();
        string path = dir.File("g.bin");
        GraphFiles.WriteRmat(path, 13, 9);
        var one = ThreadGroup.Run(2, world => DistributedPageRank.Compute(world, PartitionedGraph.Read(world, path), maxThreads: 1))[0];
        var three = ThreadGroup.Run(2, world => DistributedPageRank.Compute(world, PartitionedGraph.Read(world, path), maxThreads: 3))[0];
        Assert.Equal(one.Ranks, three.Ranks);
    }

    [Fact]
    public void The_blocks_cover_every_node_once_and_share_the_edges_evenly()
    {
        using var dir = new TempFolder();
        string path = dir.File("g.bin");
        GraphFiles.WriteRmat(path, 12, 4);
        var parts = ThreadGroup.Run(3, world => PartitionedGraph.Read(world, path));
        Assert.Equal(0, parts[0].First);
        for (int r = 1; r < 3; r++) Assert.Equal(parts[r - 1].End, parts[r].First);
        Assert.Equal(parts[0].NodeCount, parts[2].End);
        long total = parts[0].EdgeCount + parts[0].NodeCount;
        var work = parts.Select(p => (long)p.BlockEdgeCount + p.BlockSize).ToArray();
        Assert.Equal(total, work.Sum());
        // Each block is within one node's weight of a third (the largest in-degree of R-MAT 12 is far below that third).
        Assert.All(work, w => Assert.InRange(w, total / 3 - total / 20, total / 3 + total / 20));
    }

    [Fact]
    public void Ids_are_checked_against_the_node_count_on_the_rank_that_reads_them()
    {
        using var dir = new TempFolder();
        string path = dir.File("g.bin");
        GraphFiles.WriteRmat(path, 10, 4);
        var outcomes = ThreadGroup.Outcomes(2, world => PartitionedGraph.Read(world, path, nodeCount: 100));
        var failed = outcomes.Select(o => o.Failure).OfType<RankFailedException>().Single();
        Assert.IsType<DataFileException>(failed.InnerException);
        Assert.Contains("not below the node count 100", failed.InnerException!.Message, StringComparison.Ordinal);
        Assert.Single(outcomes.Select(o => o.Failure).OfType<PeerRankFailedException>());
    }
}
