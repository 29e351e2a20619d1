namespace MathForML.Optimization;

/// <summary>
/// What the dip-stick reads at one point: the depth f̂ and, unless the game shows the depth only, the Jacobian J and
/// the arrow (−J times the gradient length, at most 1 long). A steepest-descent step that leaves the square is recorded
/// with its point only (the course draws no dip-stick there).
/// </summary>
public sealed record SandpitProbe(double X, double Y, double? Depth, double[]? Jacobian, double[]? Arrow)
{
    /// <summary>Reads the sandpit at (x, y): the depth, and J and the arrow when <paramref name="showGradient"/>; only the point outside the square.</summary>
    public static SandpitProbe At(Sandpit sandpit, double x, double y, bool showGradient)
    {
        ArgumentNullException.ThrowIfNull(sandpit);
        if (!Sandpit.Contains(x, y)) return new(x, y, null, null, null);
        return new(x, y, sandpit.Depth(x, y), showGradient ? sandpit.Jacobian(x, y) : null, showGradient ? sandpit.Arrow(x, y) : null);
    }
}

/// <summary>A click and what followed it.</summary>
/// <param name="Number">The guess number (1 for the first click).</param>
/// <param name="Probe">The reading at the click.</param>
/// <param name="Steps">In steepest-descent mode, the readings at the points the steps reached (at most five), in order.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="LocalMinimum">Where the local-minimum search ended when the outcome is <see cref="SandpitOutcome.StuckInLocalMinimum"/>.</param>
/// <param name="Message">What the course says besides (hurry up, too many guesses).</param>
/// <param name="State">The game's state after the click.</param>
public sealed record SandpitClick(int Number, SandpitProbe Probe, IReadOnlyList<SandpitProbe> Steps, SandpitOutcome Outcome,
    double[]? LocalMinimum, SandpitMessage Message, SandpitGameState State);
