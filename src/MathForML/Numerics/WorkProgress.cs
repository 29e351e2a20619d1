namespace MathForML.Numerics;

/// <summary>
/// One progress report of long work: the one shape every long method of the library reports through
/// <see cref="IProgress{T}"/> of <see cref="WorkProgress"/> (PageRank, PCA, training, non-linear fits), so a caller
/// draws any of them with one display. Reports come from the computing thread; keep the handler cheap.
/// </summary>
/// <param name="Stage">What the work is doing now, in a few words ("iterating", "epoch", "scatter matrix").</param>
/// <param name="Fraction">How much of the whole call is done, in [0, 1]; never decreases from one report to the next.
/// For iterations that stop at a tolerance it is an estimate (see each method).</param>
/// <param name="Step">The iteration, epoch or step just completed (from 1), or 0 for a stage without steps.</param>
/// <param name="Measure">The quantity the stage drives down, when it has one: PageRank's L1 change, a training loss,
/// a residual sum of squares; null otherwise.</param>
public readonly record struct WorkProgress(string Stage, double Fraction, long Step = 0, double? Measure = null)
{
    /// <summary>
    /// The fraction an iteration has come from its first change <paramref name="first"/> to its tolerance on a log scale,
    /// log(first/current) / log(first/tolerance), clamped to [0, 1] and never below <paramref name="previous"/>
    /// (which it returns when a change is NaN).
    /// </summary>
    public static double LogFraction(double first, double current, double tolerance, double previous)
    {
        if (double.IsNaN(current) || double.IsNaN(first)) return previous;
        double span = Math.Log(first / tolerance);
        double f = !(span > 0) || !(current > 0) || current <= tolerance ? 1 : Math.Log(first / current) / span;
        return Math.Max(previous, Math.Clamp(double.IsFinite(f) ? f : 0, 0, 1));
    }
}
