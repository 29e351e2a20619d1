namespace MathForML.Distributed;

/// <summary>
/// This rank failed in a step that every rank checks together (<see cref="Agreement.Run{T}"/>): the job ends on all
/// ranks. <see cref="Exception.InnerException"/> is what went wrong here; <see cref="Rank"/> names this rank.
/// </summary>
public sealed class RankFailedException : Exception
{
    /// <summary>Wraps <paramref name="innerException"/>, the failure of rank <paramref name="rank"/>.</summary>
    /// <param name="rank">The rank that failed (the lowest, when several did).</param>
    /// <param name="innerException">What went wrong there.</param>
    /// <param name="allRanks">Every rank failed (most likely the same way: a setting checked alike everywhere).</param>
    public RankFailedException(int rank, Exception innerException, bool allRanks = false)
        : base($"rank {rank}: {innerException?.Message}", innerException)
    {
        Rank = rank;
        AllRanks = allRanks;
    }

    /// <summary>Creates the exception.</summary>
    public RankFailedException() { }

    /// <summary>Creates the exception.</summary>
    public RankFailedException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public RankFailedException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The rank that failed.</summary>
    public int Rank { get; }

    /// <summary>Every rank failed in the step, so the failure is not this rank's own (it is reported without a rank).</summary>
    public bool AllRanks { get; }
}

/// <summary>
/// Another rank failed in a step that every rank checks together: this rank stops too, silently (the failing rank
/// reports), and exits with <see cref="ExitCode"/>, the code the failing rank exits with.
/// </summary>
public sealed class PeerRankFailedException : Exception
{
    /// <summary>Rank <paramref name="rank"/> failed and exits <paramref name="exitCode"/>.</summary>
    public PeerRankFailedException(int rank, int exitCode)
        : base($"rank {rank} failed (exit {exitCode})")
    {
        Rank = rank;
        ExitCode = exitCode;
    }

    /// <summary>Creates the exception.</summary>
    public PeerRankFailedException() { }

    /// <summary>Creates the exception.</summary>
    public PeerRankFailedException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public PeerRankFailedException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The (lowest) rank that failed.</summary>
    public int Rank { get; }

    /// <summary>The exit code the failing rank reports.</summary>
    public int ExitCode { get; }
}
