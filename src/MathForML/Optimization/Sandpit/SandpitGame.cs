using MathForML.LinearAlgebra;

namespace MathForML.Optimization;

/// <summary>
/// A game in the sandpit, as the course plays it: each click is a guess, read by the dip-stick
/// (<see cref="SandpitProbe"/>) and played (<see cref="SandpitDescent"/>); the phone must be found within
/// <see cref="MaxGuesses"/> guesses. At guess <see cref="HurryUpGuess"/> the course says "hurry up"; the guess after the
/// last reveals the sandpit and the game is lost. Clicks after the end are still read and played, as in the course,
/// but no longer change the state.
/// </summary>
public sealed class SandpitGame
{
    /// <summary>The course's limit of guesses.</summary>
    public const int MaxGuesses = 25;

    /// <summary>The guess at which the course says "Hurry up!".</summary>
    public const int HurryUpGuess = 22;

    private readonly Func<double, double[], Matrix, double[]>? _nextStep;

    /// <summary>A new game.</summary>
    /// <param name="sandpit">The sandpit.</param>
    /// <param name="mode">The course's game mode.</param>
    /// <param name="nextStep">The player's <c>next_step(f, J, H)</c>: required in steepest-descent mode, unused otherwise.</param>
    /// <exception cref="ArgumentException">Steepest-descent mode without a step function.</exception>
    public SandpitGame(Sandpit sandpit, SandpitMode mode = SandpitMode.Jacobian, Func<double, double[], Matrix, double[]>? nextStep = null)
    {
        ArgumentNullException.ThrowIfNull(sandpit);
        if (mode == SandpitMode.SteepestDescent && nextStep is null)
            throw new ArgumentException("Steepest-descent mode needs a next_step function.", nameof(nextStep));
        Sandpit = sandpit;
        Mode = mode;
        _nextStep = mode == SandpitMode.SteepestDescent ? nextStep : null;
    }

    /// <summary>The sandpit played in.</summary>
    public Sandpit Sandpit { get; }

    /// <summary>The game mode.</summary>
    public SandpitMode Mode { get; }

    /// <summary>Guesses so far.</summary>
    public int Guesses { get; private set; }

    /// <summary>Where the game stands.</summary>
    public SandpitGameState State { get; private set; } = SandpitGameState.Playing;

    /// <summary>Plays a guess at (x, y).</summary>
    /// <exception cref="ArgumentOutOfRangeException">(x, y) is outside [0, 6]².</exception>
    public SandpitClick Click(double x, double y)
    {
        var play = SandpitDescent.Play(Sandpit, x, y, _nextStep);
        Guesses++;
        var message = SandpitMessage.None;
        if (Guesses == HurryUpGuess && State == SandpitGameState.Playing) message = SandpitMessage.HurryUp;
        else if (Guesses > MaxGuesses && State == SandpitGameState.Playing)
        {
            State = SandpitGameState.Lost;
            message = SandpitMessage.TooManyGuesses;
        }
        if (play.Outcome == SandpitOutcome.FoundPhone && State == SandpitGameState.Playing) State = SandpitGameState.Won;
        bool gradient = Mode != SandpitMode.DepthOnly;
        var steps = play.Points.Skip(1).Select(p => SandpitProbe.At(Sandpit, p[0], p[1], gradient)).ToArray();
        return new SandpitClick(Guesses, SandpitProbe.At(Sandpit, x, y, gradient), steps, play.Outcome, play.LocalMinimum, message, State);
    }
}
