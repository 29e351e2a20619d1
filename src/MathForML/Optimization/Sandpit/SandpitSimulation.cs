using MathForML.LinearAlgebra;
using MathForML.Randomness;

namespace MathForML.Optimization;

/// <summary>One simulated click: where it fell and how its steepest-descent play ended.</summary>
public sealed record SandpitSimulatedClick(double X, double Y, SandpitOutcome Outcome, int Steps);

/// <summary>How a strategy fared over simulated clicks.</summary>
/// <param name="Games">Clicks played.</param>
/// <param name="Wins">Clicks whose play found the phone.</param>
/// <param name="Clicks">Each click and its end, in order.</param>
public sealed record SandpitSimulationResult(int Games, int Wins, IReadOnlyList<SandpitSimulatedClick> Clicks)
{
    /// <summary>Wins / games.</summary>
    public double WinRate => (double)Wins / Games;
}

/// <summary>
/// The course's <c>random_click</c>, for scoring a <c>next_step</c> over many games: a click at
/// (6·U, 6·U) (x drawn first) from a <see cref="NumPyRandom"/>, played in steepest-descent mode
/// (<see cref="SandpitDescent"/>); it is won when the play finds the phone. Seeded, so a score is reproducible.
/// </summary>
/// <remarks>
/// In the course the clicks come from NumPy's global stream, which SciPy's differential_evolution has also drawn from
/// while the sandpit looked for its extrema; here the extrema draw nothing, so the same seed gives other clicks than the
/// course's (from the same distribution).
/// </remarks>
public static class SandpitSimulation
{
    /// <summary>One random click, played: the course's <c>random_click</c>.</summary>
    public static SandpitSimulatedClick RandomClick(Sandpit sandpit, Func<double, double[], Matrix, double[]> nextStep, NumPyRandom random)
    {
        ArgumentNullException.ThrowIfNull(nextStep);
        ArgumentNullException.ThrowIfNull(random);
        double x = random.RandomSample() * 6.0;
        double y = random.RandomSample() * 6.0;
        var play = SandpitDescent.Play(sandpit, x, y, nextStep);
        return new SandpitSimulatedClick(x, y, play.Outcome, play.Points.Count - 1);
    }

    /// <summary><paramref name="games"/> random clicks in turn from <paramref name="random"/>, and how many found the phone.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="games"/> is less than 1.</exception>
    public static SandpitSimulationResult Play(Sandpit sandpit, Func<double, double[], Matrix, double[]> nextStep, int games, NumPyRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(games, 1);
        var clicks = new SandpitSimulatedClick[games];
        for (int i = 0; i < games; i++) clicks[i] = RandomClick(sandpit, nextStep, random);
        return new SandpitSimulationResult(games, clicks.Count(c => c.Outcome == SandpitOutcome.FoundPhone), clicks);
    }
}
