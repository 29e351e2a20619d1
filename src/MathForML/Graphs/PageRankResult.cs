namespace MathForML.Graphs;

/// <summary>The result of a PageRank power iteration.</summary>
/// <param name="Ranks">The rank of every node (sum 1 for <see cref="PageRank.Compute"/>, 100 for the course's version).</param>
/// <param name="Iterations">Power-iteration steps taken, as the method counts them: for <see cref="PageRank.Compute"/>
/// every step; for <see cref="PageRank.Course"/> the course's count, one less than the matrix products (the course
/// makes its first product before its loop and counts only the loop's: "18 iterations to convergence" after 19
/// products). <see cref="MatrixProducts"/> has the products in both cases.</param>
/// <param name="Converged">True when the change fell below the tolerance before the iteration limit.</param>
/// <param name="Residuals">The change after each step (‖Δx‖₁ for the sparse version, ‖Δr‖₂ for the course's).</param>
public sealed record PageRankResult(double[] Ranks, int Iterations, bool Converged, IReadOnlyList<double> Residuals)
{
    /// <summary>
    /// The matrix–vector products made (M·r for the course's version, one sparse step each for
    /// <see cref="PageRank.Compute"/>): the work done, whatever the iteration count's convention. Equals the number of
    /// <see cref="Residuals"/>.
    /// </summary>
    public int MatrixProducts { get; init; }

    /// <summary>The <paramref name="count"/> highest-ranked nodes, best first (ties by smaller id).</summary>
    public (int Node, double Rank)[] Top(int count) =>
        Enumerable.Range(0, Ranks.Length).OrderByDescending(i => Ranks[i]).ThenBy(i => i)
            .Take(count).Select(i => (i, Ranks[i])).ToArray();
}
