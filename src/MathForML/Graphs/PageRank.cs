using System.Numerics.Tensors;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Graphs;

/// <summary>
/// PageRank by power iteration: the course's dense version over a link matrix, and a sparse one for large graphs.
/// </summary>
/// <remarks>
/// Sparse (Page, Brin, Motwani, Winograd 1999; Langville &amp; Meyer, "Deeper Inside PageRank", 2004):
/// x ← d·(AᵀD⁻¹x + (Σ_dangling xᵤ)/n·1) + (1 − d)·v, where A is the adjacency matrix, D the diagonal of out-degrees,
/// dangling nodes (no out-links) spread their rank uniformly, and v is uniform or a personalization vector. No values
/// array is stored: x is scaled by 1/out-degree once per step and each node sums its predecessors (CSR by target).
/// Each step is a source-segmented pull (see <c>SourceSegments</c>; the plain pull is kept as
/// <c>ComputeReference</c>). Work is split into fixed blocks of nodes over the cores, and the L1 change is summed block
/// by block in a fixed order, so the answer is bit-for-bit the same whatever the number of threads. Cost O(E + n) per
/// step, all in float64.
/// </remarks>
public static class PageRank
{
    /// <summary>The sparse power iteration on <paramref name="graph"/>; ranks sum to 1.</summary>
    /// <param name="graph">The graph (CSR by target).</param>
    /// <param name="options">Damping, tolerance, iteration limit and personalization; the defaults when null.</param>
    /// <param name="maxThreads">Threads to use (default: all cores); the ranks do not depend on it.</param>
    /// <param name="progress">Receives a report after every step: stage "iterating", the step as
    /// <see cref="WorkProgress.Step"/>, its L1 change as <see cref="WorkProgress.Measure"/>, and as the fraction how far
    /// log(change) has come from the first step's to the tolerance (<see cref="WorkProgress.LogFraction"/>; 1 on convergence).</param>
    /// <param name="cancellationToken">Checked before every step (each O(E + n)).</param>
    /// <remarks>
    /// On graphs of more than <see cref="SegmentedFromNodes"/> nodes each step is a source-segmented pull (see
    /// <c>SourceSegments</c>): the edges are regrouped once per graph (kept with it, about 4 bytes per edge) so that
    /// the ranks each step gathers come from a slice small enough to stay in cache, and the step's vectors are kept with
    /// the graph for the next call (40 bytes a node). The first call on a graph pays for that regrouping, O(E + n) on all
    /// cores. Smaller graphs, whose whole rank vector (2 MB at 2¹⁸ nodes) sits in one core's L2, take the plain pull
    /// (<c>ComputeReference</c>). Measured on the 2-core Xeon (Emerald Rapids) on R-MAT 20: whole <c>mml pagerank</c>
    /// runs take the same time either way (medians of 7 interleaved: 1.015 s segmented with its regrouping, 1.024 s
    /// plain), and the steps themselves run 18 % faster segmented (0.425 against 0.516 s for 26; 1.22× the GAP
    /// reference's pr_spmv). Both give the same ranks to 1e-12 in L1, whatever the thread count.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="DimensionMismatchException">The personalization vector's length is not the node count.</exception>
    /// <exception cref="ArgumentException">The personalization vector has a negative entry or does not sum to 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxThreads"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PageRankResult Compute(CsrGraph graph, PageRankOptions? options = null, int? maxThreads = null,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.NodeCount > SegmentedFromNodes
            ? SparsePageRank.Run(graph, options, maxThreads, progress, SparsePageRank.Method.Segmented, KernelPathSelection.Best, null, cancellationToken)
            : ComputeReference(graph, options, maxThreads, progress, cancellationToken);
    }

    /// <summary>Graphs of more nodes than this (2¹⁸) take the source-segmented pull; see <see cref="Compute"/>.</summary>
    public const int SegmentedFromNodes = 1 << 18;

    /// <summary>
    /// The same power iteration as <see cref="Compute"/> in its readable form: each node sums its predecessors over the
    /// CSR by target, in input order. Kept as the reference the fast path is tested against (equal to rounding).
    /// </summary>
    internal static PageRankResult ComputeReference(CsrGraph graph, PageRankOptions? options = null, int? maxThreads = null,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        SparsePageRank.Run(graph, options, maxThreads, progress, SparsePageRank.Method.Reference, KernelPath.Scalar, null, cancellationToken);

    /// <summary>
    /// The course's PageRank, its loop exactly: r starts as 100/n on every page, then r ← M·r with
    /// M = d·L + (1 − d)/n·J while ‖r_new − r_old‖₂ &gt; <paramref name="tolerance"/> (0.01 in the course), so it stops at
    /// the first change ≤ the tolerance. L's column j holds the probabilities of following each link out of page j (it
    /// sums to 1, or to 0 for a page without links). Ranks sum to 100 when L has no empty column.
    /// </summary>
    /// <remarks>
    /// The PageRank assignment's <c>pageRank(linkMatrix, d)</c> (Linear Algebra, week 5):
    /// <code>
    /// r = 100 * np.ones(n) / n; lastR = r; r = M @ r; i = 0
    /// while la.norm(lastR - r) > 0.01 : lastR = r; r = M @ r; i += 1
    /// print(str(i) + " iterations to convergence.")
    /// </code>
    /// <see cref="PageRankResult.Iterations"/> is that i: the products made in the loop, one less than
    /// <see cref="PageRankResult.MatrixProducts"/> (the course's micro-internet: 18 iterations, 19 products; its
    /// <c>L2</c> with page G: 131; <c>L2</c> damped with d = 0.5: 8). <paramref name="maxIterations"/> bounds i, so at
    /// most maxIterations + 1 products are made.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked before every product).</exception>
    public static PageRankResult Course(Matrix linkMatrix, double damping = 1.0, double tolerance = 0.01, int maxIterations = 10000,
        CancellationToken cancellationToken = default)
    {
        ValidateLinkMatrix(linkMatrix);
        Setting.Fraction(damping, nameof(damping), "Damping");
        Setting.Positive(tolerance, nameof(tolerance), "The tolerance");
        Setting.AtLeast(maxIterations, 1, nameof(maxIterations), "The iteration limit");
        var m = DampedMatrix(linkMatrix, damping);
        int n = m.Rows;
        var r = Vector.Filled(n, 100.0 / n);
        var residuals = new List<double>();
        // i counts as the course counts: the first product (i = 0) comes before its loop.
        for (int i = 0; ; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = m * r;
            double change = (next - r).Norm();
            residuals.Add(change);
            r = next;
            bool converged = change <= tolerance;
            if (converged || i == maxIterations)
                return new PageRankResult(r.ToArray(), i, converged, residuals) { MatrixProducts = residuals.Count };
        }
    }

    /// <summary>The course's cross-check: the eigenvector of M for its largest eigenvalue, scaled to sum 100.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static double[] CourseEigenvector(Matrix linkMatrix, double damping = 1.0, CancellationToken cancellationToken = default)
    {
        ValidateLinkMatrix(linkMatrix);
        var eig = EigenDecomposition.Decompose(DampedMatrix(linkMatrix, damping), cancellationToken);
        var v = eig.Eigenvector(0).Select(z => z.Real).ToArray();
        double sum = v.Sum();
        return v.Select(x => 100 * x / sum).ToArray();
    }

    /// <summary>M = d·L + (1 − d)/n·J.</summary>
    public static Matrix DampedMatrix(Matrix linkMatrix, double damping)
    {
        ArgumentNullException.ThrowIfNull(linkMatrix);
        int n = linkMatrix.Rows;
        var m = damping * linkMatrix;
        TensorPrimitives.Add(m.AsSpan(), (1 - damping) / n, m.AsSpan());
        return m;
    }

    /// <summary>Scales each non-zero column of a non-negative matrix to sum 1 (makes any non-negative link matrix valid input).</summary>
    /// <exception cref="NonFiniteValueException">An entry is NaN or ±∞ (it made the whole column NaN).</exception>
    /// <exception cref="ArgumentException">An entry is negative: links are counts or weights.</exception>
    public static Matrix NormalizeColumns(Matrix linkMatrix)
    {
        ArgumentNullException.ThrowIfNull(linkMatrix);
        Finite.Require(linkMatrix, nameof(linkMatrix));
        if (linkMatrix.AsSpan().IndexOfAnyInRange(double.NegativeInfinity, -double.Epsilon) is int negative and >= 0)
            throw new ArgumentException($"A link matrix holds no negative entries; row {negative / linkMatrix.Columns}, column {negative % linkMatrix.Columns} is {linkMatrix.AsSpan()[negative]:G6}.", nameof(linkMatrix));
        var l = linkMatrix.Clone();
        for (int j = 0; j < l.Columns; j++)
        {
            double s = 0;
            for (int i = 0; i < l.Rows; i++) s += l[i, j];
            if (s == 0) continue;
            for (int i = 0; i < l.Rows; i++) l[i, j] /= s;
        }
        return l;
    }

    private static void ValidateLinkMatrix(Matrix l)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (!l.IsSquare) throw new DimensionMismatchException($"A link matrix must be square, found {l.Rows}×{l.Columns}.", nameof(l));
        if (l.Rows == 0) throw new ArgumentException("The link matrix is 0×0: a web needs at least one page.", nameof(l));
        Finite.Require(l, nameof(l));
        for (int j = 0; j < l.Columns; j++)
        {
            double s = 0;
            for (int i = 0; i < l.Rows; i++)
            {
                if (l[i, j] < 0) throw new ArgumentException($"Link matrix entry ({i}, {j}) is negative ({l[i, j]}).", nameof(l));
                s += l[i, j];
            }
            if (s != 0 && Math.Abs(s - 1) > 1e-9)
                throw new ArgumentException($"Column {j} of the link matrix sums to {s:G6}, not 1 or 0 (normalise the columns first, e.g. with PageRank.NormalizeColumns).", nameof(l));
        }
    }
}
