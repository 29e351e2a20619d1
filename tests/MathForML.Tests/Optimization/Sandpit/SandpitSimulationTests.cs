using MathForML.Optimization;
using MathForML.Randomness;

namespace MathForML.Tests.Optimization;

/// <summary>The course's random_click, scored over seeded games.</summary>
public class SandpitSimulationTests
{
    [Fact]
    public void ClicksAreSixTimesUniformsAndEachIsPlayed()
    {
        var sandpit = SandpitReference.Sandpit("random", 0);
        var reference = new NumPyRandom(3);
        var result = SandpitSimulation.Play(sandpit, SandpitStrategies.Gradient(), 10, new NumPyRandom(3));
        Assert.Equal(10, result.Games);
        foreach (var click in result.Clicks)
        {
            Assert.Equal(reference.RandomSample() * 6.0, click.X);
            Assert.Equal(reference.RandomSample() * 6.0, click.Y);
            Assert.Equal(SandpitDescent.Play(sandpit, click.X, click.Y, SandpitStrategies.Gradient()).Outcome, click.Outcome);
        }
        Assert.Equal(result.Clicks.Count(c => c.Outcome == SandpitOutcome.FoundPhone), result.Wins);
        Assert.Equal(result.Wins / 10.0, result.WinRate);
    }

    [Fact]
    public void TheSameSeedScoresTheSame()
    {
        var sandpit = SandpitReference.Sandpit("random", 1);
        var a = SandpitSimulation.Play(sandpit, SandpitStrategies.Hybrid(), 30, new NumPyRandom(9));
        var b = SandpitSimulation.Play(sandpit, SandpitStrategies.Hybrid(), 30, new NumPyRandom(9));
        Assert.Equal(a.Clicks, b.Clicks);
        // Seed 1's landscape has one wide basin: most clicks slide into the phone.
        Assert.InRange(a.WinRate, 0.3, 1.0);
    }

    [Fact]
    public void NoGamesIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SandpitSimulation.Play(SandpitReference.Sandpit("random", 0), SandpitStrategies.Gradient(), 0, new NumPyRandom(0)));
}
