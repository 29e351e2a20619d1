namespace MathForML.Distributed;

/// <summary>
/// Runs a step that may fail on some ranks only (reading this rank's part of a file) and lets every rank learn the
/// outcome before going on, so that no rank waits forever in a collective for one that has given up.
/// </summary>
/// <remarks>
/// After the step, the ranks exchange one pair (failing rank, exit code) with a maximum reduction: the lowest failing
/// rank's exception is rethrown as <see cref="RankFailedException"/> there (it reports the one line; when every rank
/// failed, as a setting checked alike everywhere does, it says so and the line names no rank), every other rank throws
/// <see cref="PeerRankFailedException"/> with the same exit code and stays silent. The step itself must not
/// communicate: a rank that failed inside a collective would leave the others waiting in it. A failure outside such a
/// step (a bug, a killed process) is left to the launcher, which ends the whole job when one rank exits non-zero
/// (<c>mpirun</c> does so by default; Slurm with <c>srun --kill-on-bad-exit=1</c>).
/// </remarks>
public static class Agreement
{
    /// <summary>
    /// The exit code a failure will end the process with (2 for bad input, 3 for a bug, as the CLI counts them); the
    /// CLI sets its own classification. By default: I/O, argument, format and invalid-data errors 2, anything else 3.
    /// </summary>
    public static Func<Exception, int> ExitCodeOf { get; set; } = e =>
        e is IOException or ArgumentException or FormatException or InvalidDataException or UnauthorizedAccessException ? 2 : 3;

    /// <summary>Runs <paramref name="step"/> on every rank and agrees on its outcome (see the remarks).</summary>
    /// <exception cref="RankFailedException">This rank is the lowest that failed; its exception is inside.</exception>
    /// <exception cref="PeerRankFailedException">Another rank failed.</exception>
    public static T Run<T>(ICommunicator world, Func<T> step)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(step);
        T result = default!;
        Exception? failure = null;
        try
        {
            result = step();
        }
#pragma warning disable CA1031 // every failure is reported, after the ranks have agreed on it
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
        }

        // Max over (P − rank) finds the lowest failing rank; its exit code rides in the second slot only from it.
        Span<long> outcome = [failure is null ? 0 : world.Size - world.Rank, 0];
        world.Max(outcome[..1]);
        int failed = outcome[0] == 0 ? -1 : world.Size - (int)outcome[0];
        if (failed < 0) return result;
        outcome[1] = failed == world.Rank ? ExitCodeOf(failure!) : 0;
        world.Max(outcome[1..]);
        Span<long> failing = [failure is null ? 0 : 1];
        world.Sum(failing);
        if (failed == world.Rank) throw new RankFailedException(failed, failure!, allRanks: failing[0] == world.Size);
        throw new PeerRankFailedException(failed, (int)outcome[1]);
    }

    /// <summary>Runs <paramref name="step"/> on every rank and agrees on its outcome (see <see cref="Run{T}"/>).</summary>
    public static void Run(ICommunicator world, Action step)
    {
        ArgumentNullException.ThrowIfNull(step);
        Run(world, () =>
        {
            step();
            return true;
        });
    }
}
