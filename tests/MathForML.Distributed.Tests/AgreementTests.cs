namespace MathForML.Distributed.Tests;

/// <summary><see cref="Agreement"/>: every rank learns whether a step failed anywhere; the lowest failing rank reports.</summary>
public sealed class AgreementTests
{
    [Fact]
    public void Without_failures_every_rank_gets_its_own_result() =>
        Assert.Equal([0, 10, 20], ThreadGroup.Run(3, world => Agreement.Run(world, () => 10 * world.Rank)));

    [Fact]
    public void A_failure_on_one_rank_is_rethrown_there_and_ends_the_others_with_its_exit_code()
    {
        var outcomes = ThreadGroup.Outcomes(3, world => Agreement.Run(world, () => world.Rank == 1 ? throw new IOException("disk gone") : world.Rank));
        var failed = Assert.IsType<RankFailedException>(outcomes[1].Failure);
        Assert.Equal(1, failed.Rank);
        Assert.Equal("disk gone", failed.InnerException!.Message);
        foreach (int r in new[] { 0, 2 })
        {
            var peer = Assert.IsType<PeerRankFailedException>(outcomes[r].Failure);
            Assert.Equal(1, peer.Rank);
            Assert.Equal(2, peer.ExitCode);   // an I/O error is the user's: exit 2
        }
    }

    [Fact]
    public void When_several_ranks_fail_the_lowest_reports_and_a_bug_exits_3()
    {
        var outcomes = ThreadGroup.Outcomes(4, world => Agreement.Run(world, () => world.Rank >= 2 ? throw new InvalidOperationException("bug") : 0));
        Assert.Equal(2, Assert.IsType<RankFailedException>(outcomes[2].Failure).Rank);
        foreach (int r in new[] { 0, 1, 3 })
            Assert.Equal((2, 3), Assert.IsType<PeerRankFailedException>(outcomes[r].Failure) is var p ? (p.Rank, p.ExitCode) : default);
    }

    [Fact]
    public void A_failure_on_every_rank_is_reported_by_rank_0_as_no_rank_s_own()
    {
        var outcomes = ThreadGroup.Outcomes(3, world => Agreement.Run<int>(world, () => throw new ArgumentException("same everywhere")));
        Assert.True(Assert.IsType<RankFailedException>(outcomes[0].Failure).AllRanks);
        Assert.All(outcomes.Skip(1), o => Assert.IsType<PeerRankFailedException>(o.Failure));
        Assert.False(Assert.IsType<RankFailedException>(ThreadGroup.Outcomes(3, world =>
            Agreement.Run(world, () => world.Rank == 0 ? throw new IOException("only here") : 0))[0].Failure).AllRanks);
    }

    [Fact]
    public void One_rank_alone_reports_its_own_failure() =>
        Assert.IsType<ArgumentException>(Assert.IsType<RankFailedException>(
            ThreadGroup.Outcomes<int>(1, world => Agreement.Run<int>(world, () => throw new ArgumentException("bad")))[0].Failure).InnerException);
}
