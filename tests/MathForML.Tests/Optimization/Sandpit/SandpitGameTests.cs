using MathForML.Optimization;

namespace MathForML.Tests.Optimization;

/// <summary>The course's game: guesses counted, hurry-up at 22, lost after 25, won at the phone; what each mode shows.</summary>
public class SandpitGameTests
{
    private static Sandpit RandomSeed0 => SandpitReference.Sandpit("random", 0);

    [Fact]
    public void JacobianModeShowsDepthJacobianAndArrow()
    {
        var game = new SandpitGame(RandomSeed0);
        var click = game.Click(3, 1.5);
        Assert.Equal(1, click.Number);
        Assert.Equal(RandomSeed0.Depth(3, 1.5), click.Probe.Depth);
        Assert.Equal(RandomSeed0.Jacobian(3, 1.5), click.Probe.Jacobian);
        Assert.Equal(RandomSeed0.Arrow(3, 1.5), click.Probe.Arrow);
        Assert.Empty(click.Steps);
        Assert.Equal(SandpitOutcome.Searching, click.Outcome);
        Assert.Equal(SandpitGameState.Playing, click.State);
    }

    [Fact]
    public void DepthOnlyModeHidesTheGradient()
    {
        var click = new SandpitGame(RandomSeed0, SandpitMode.DepthOnly).Click(3, 1.5);
        Assert.NotNull(click.Probe.Depth);
        Assert.Null(click.Probe.Jacobian);
        Assert.Null(click.Probe.Arrow);
    }

    [Fact]
    public void FindingThePhoneWins()
    {
        var game = new SandpitGame(RandomSeed0);
        var click = game.Click(RandomSeed0.Phone[0] + 0.1, RandomSeed0.Phone[1]);
        Assert.Equal(SandpitOutcome.FoundPhone, click.Outcome);
        Assert.Equal(SandpitGameState.Won, game.State);
        Assert.Equal(-9, click.Probe.Depth!.Value, 0.5);
    }

    [Fact]
    public void TwentyTwoGuessesHurryAndTwentySixLose()
    {
        var game = new SandpitGame(RandomSeed0);
        SandpitClick? last = null;
        for (int i = 1; i <= 26; i++)
        {
            last = game.Click(3, 1.5);
            Assert.Equal(i == 22 ? SandpitMessage.HurryUp : i == 26 ? SandpitMessage.TooManyGuesses : SandpitMessage.None, last.Message);
            Assert.Equal(i <= 25 ? SandpitGameState.Playing : SandpitGameState.Lost, last.State);
        }
        // After losing, even the phone does not win.
        Assert.Equal(SandpitOutcome.FoundPhone, game.Click(RandomSeed0.Phone[0], RandomSeed0.Phone[1]).Outcome);
        Assert.Equal(SandpitGameState.Lost, game.State);
        Assert.Equal(27, game.Guesses);
    }

    [Fact]
    public void SteepestDescentReportsEachStep()
    {
        // From (3, 1.5) on seed 0 the graded step takes five steps towards the phone without reaching it (the course's path).
        var game = new SandpitGame(RandomSeed0, SandpitMode.SteepestDescent, SandpitStrategies.Gradient());
        var click = game.Click(3, 1.5);
        Assert.Equal(5, click.Steps.Count);
        Assert.Equal(0.82, click.Steps[^1].X, 0.01);
        Assert.All(click.Steps, s => Assert.NotNull(s.Arrow));
        Assert.Equal(SandpitOutcome.Searching, click.Outcome);
    }

    [Fact]
    public void SteepestDescentNeedsAStep() =>
        Assert.Throws<ArgumentException>(() => new SandpitGame(RandomSeed0, SandpitMode.SteepestDescent));

    [Fact]
    public void AStuckClickSaysWhere()
    {
        var click = new SandpitGame(RandomSeed0).Click(5.12, 3.1);
        Assert.Equal(SandpitOutcome.StuckInLocalMinimum, click.Outcome);
        Assert.Equal(5.127, click.LocalMinimum![0], 2e-3);
        Assert.Equal(SandpitGameState.Playing, click.State);
    }
}
