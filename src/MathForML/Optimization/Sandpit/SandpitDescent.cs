using MathForML.LinearAlgebra;

namespace MathForML.Optimization;

/// <summary>Where a click's play went: the points reached (the click first), how it ended, and the local minimum it stuck in.</summary>
public sealed record SandpitPlay(IReadOnlyList<double[]> Points, SandpitOutcome Outcome, double[]? LocalMinimum);

/// <summary>
/// The play of one click, as the course's <c>onclick</c> (and <c>random_click</c>) does it: at the click, the phone
/// check, then the local-minimum check; in steepest-descent mode then up to <see cref="MaxSteps"/> steps
/// (x, y) ← (x, y) + next_step(f̂, J, H), stopping when a step leaves the square, finds the phone or sticks in a local
/// minimum (the same two checks after each step).
/// </summary>
public static class SandpitDescent
{
    /// <summary>The course's number of steps after a click.</summary>
    public const int MaxSteps = 5;

    /// <summary>Plays a click at (x, y); <paramref name="nextStep"/> null plays the checks only (modes Jacobian and depth only).</summary>
    /// <exception cref="ArgumentOutOfRangeException">(x, y) is outside [0, 6]².</exception>
    /// <exception cref="ArgumentException">The step function returns null or not two numbers.</exception>
    public static SandpitPlay Play(Sandpit sandpit, double x, double y, Func<double, double[], Matrix, double[]>? nextStep)
    {
        ArgumentNullException.ThrowIfNull(sandpit);
        if (!Sandpit.Contains(x, y))
            throw new ArgumentOutOfRangeException(nameof(x), $"The click ({x}, {y}) is outside the sandpit [0, 6]².");
        var points = new List<double[]> { new[] { x, y } };
        var outcome = Check(sandpit, x, y, out var localMinimum);
        for (int i = 0; i < MaxSteps && outcome == SandpitOutcome.Searching && nextStep is not null; i++)
        {
            var step = nextStep(sandpit.Depth(x, y), sandpit.Jacobian(x, y), sandpit.Hessian(x, y));
            if (step is null || step.Length != 2) throw new ArgumentException($"next_step must return two numbers (a step in x and y); it returned {step?.Length ?? 0}.", nameof(nextStep));
            x += step[0];
            y += step[1];
            points.Add([x, y]);
            if (!Sandpit.Contains(x, y)) outcome = SandpitOutcome.LeftSandpit;
            else outcome = Check(sandpit, x, y, out localMinimum);
        }
        return new SandpitPlay(points, outcome, outcome == SandpitOutcome.StuckInLocalMinimum ? localMinimum : null);
    }

    private static SandpitOutcome Check(Sandpit sandpit, double x, double y, out double[]? localMinimum)
    {
        localMinimum = null;
        if (sandpit.IsAtPhone(x, y)) return SandpitOutcome.FoundPhone;
        var (minimum, stuck) = sandpit.LocalMinimum(x, y);
        localMinimum = minimum;
        return stuck ? SandpitOutcome.StuckInLocalMinimum : SandpitOutcome.Searching;
    }
}
