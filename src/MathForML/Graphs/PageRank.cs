using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// Work is split into fixed chunks of nodes over the cores, and the L1 change is summed chunk by chunk in a fixed order,
/// so the answer is bit-for-bit the same whatever the number of threads. Cost O(E + n) per step.
/// </remarks>
public static class PageRank
{
    private const int Chunk = 1 << 14;

    /// <summary>The sparse power iteration on <paramref name="graph"/>; ranks sum to 1.</summary>
    /// <param name="graph">The graph (CSR by target).</param>
    /// <param name="options">Damping, tolerance, iteration limit and personalization; the defaults when null.</param>
    /// <param name="maxThreads">Threads to use (default: all cores); the ranks do not depend on it.</param>
    /// <param name="progress">Receives a report after every step: stage "iterating", the step as
    /// <see cref="WorkProgress.Step"/>, its L1 change as <see cref="WorkProgress.Measure"/>, and as the fraction how far
    /// log(change) has come from the first step's to the tolerance (<see cref="WorkProgress.LogFraction"/>; 1 on convergence).</param>
    /// <param name="cancellationToken">Checked before every step (each O(E + n)).</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is null.</exception>
    /// <exception cref="DimensionMismatchException">The personalization vector's length is not the node count.</exception>
    /// <exception cref="ArgumentException">The personalization vector has a negative entry or does not sum to 1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static PageRankResult Compute(CsrGraph graph, PageRankOptions? options = null, int? maxThreads = null,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new PageRankOptions();
        ValidatePersonalization(options.Personalization, graph.NodeCount);
        int n = graph.NodeCount;
        if (n == 0) return new PageRankResult([], 0, true, []) { MatrixProducts = 0 };
        double d = options.Damping;
        // All vectors live in the graph's stored order (see CsrGraph); the ranks are mapped back to ids at the end.
        var order = graph.Order;
        double[]? v = null;
        if (options.Personalization is { } p)
        {
            v = new double[n];
            for (int i = 0; i < n; i++) v[i] = p[order[i]];
        }
        var x = v is null ? Filled(n, 1.0 / n) : (double[])v.Clone();
        var next = new double[n];
        var scaled = new double[n];
        var scaledNext = new double[n];
        var inverseDegree = new double[n];
        for (int u = 0; u < n; u++)
        {
            int degree = graph.OutDegree[order[u]];
            inverseDegree[u] = degree == 0 ? 0 : 1.0 / degree;
        }
        int chunks = (n + Chunk - 1) / Chunk;
        var changes = new double[chunks];
        var danglingParts = new double[chunks];
        double danglingMass = 0;
        for (int u = 0; u < n; u++)
        {
            scaled[u] = x[u] * inverseDegree[u];
            if (inverseDegree[u] == 0) danglingMass += x[u];
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? Environment.ProcessorCount };
        var residuals = new List<double>();
        int iteration = 0;
        bool converged = false;
        double fraction = 0;
        while (iteration < options.MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iteration++;
            double uniformShare = d * danglingMass / n;
            // One pass per step: each node sums its predecessors' x/out-degree, and at once prepares its own scaled value
            // and dangling mass for the next step (per-chunk partial sums, added in a fixed order: deterministic).
            var current = (X: x, Scaled: scaled, Next: next, ScaledNext: scaledNext);
            Parallel.For(0, chunks, parallel, c =>
            {
                int lo = c * Chunk, hi = Math.Min(n, lo + Chunk);
                (changes[c], danglingParts[c]) = Step(graph, current.X, current.Scaled, current.Next, current.ScaledNext,
                    inverseDegree, v, d, uniformShare, n, lo, hi);
            });
            double residual = 0;
            danglingMass = 0;
            for (int c = 0; c < chunks; c++)
            {
                residual += changes[c];
                danglingMass += danglingParts[c];
            }
            (x, next) = (next, x);
            (scaled, scaledNext) = (scaledNext, scaled);
            residuals.Add(residual);
            if (residual < options.Tolerance) converged = true;
            if (progress is not null)
            {
                fraction = converged ? 1 : WorkProgress.LogFraction(residuals[0], residual, options.Tolerance, fraction);
                progress.Report(new WorkProgress("iterating", fraction, iteration, residual));
            }
            if (converged) break;
        }
        var ranks = new double[n];
        for (int i = 0; i < n; i++) ranks[order[i]] = x[i];
        return new PageRankResult(ranks, iteration, converged, residuals) { MatrixProducts = iteration };
    }

    /// <summary>Nodes [lo, hi) of one step; returns the chunk's L1 change and the dangling mass of its new values.</summary>
    private static (double Change, double Dangling) Step(CsrGraph graph, double[] x, double[] scaled, double[] next,
        double[] scaledNext, double[] inverseDegree, double[]? v, double d, double uniformShare, int n, int lo, int hi)
    {
        ref int sources = ref MemoryMarshal.GetArrayDataReference(graph.Sources);
        ref double scaledRef = ref MemoryMarshal.GetArrayDataReference(scaled);
        var offsets = graph.Offsets;
        double jumpUniform = (1 - d) / n, change = 0, dangling = 0;
        int e = offsets[lo];
        for (int w = lo; w < hi; w++)
        {
            int end = offsets[w + 1];
            double sum0 = 0, sum1 = 0;
            for (; e + 1 < end; e += 2)
            {
                sum0 += Unsafe.Add(ref scaledRef, Unsafe.Add(ref sources, e));
                sum1 += Unsafe.Add(ref scaledRef, Unsafe.Add(ref sources, e + 1));
            }
            if (e < end) { sum0 += Unsafe.Add(ref scaledRef, Unsafe.Add(ref sources, e)); e++; }
            double value = d * (sum0 + sum1) + uniformShare + (v is null ? jumpUniform : (1 - d) * v[w]);
            change += Math.Abs(value - x[w]);
            next[w] = value;
            double inv = inverseDegree[w];
            scaledNext[w] = value * inv;
            if (inv == 0) dangling += value;
        }
        return (change, dangling);
    }

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

    /// <summary>The jump distribution must be n non-negative numbers summing to 1 (the other settings are checked as they are set).</summary>
    private static void ValidatePersonalization(IReadOnlyList<double>? personalization, int n)
    {
        if (personalization is not { } p) return;
        if (p.Count != n) throw new DimensionMismatchException($"The personalization vector has {p.Count} entries for {n} nodes.", nameof(personalization));
        if (p.Any(x => !(x >= 0))) throw new ArgumentException("Personalization entries must be non-negative numbers.", nameof(personalization));
        double s = p.Sum();
        if (Math.Abs(s - 1) > 1e-9) throw new ArgumentException($"The personalization vector sums to {s:G6}, not 1.", nameof(personalization));
    }

    private static double[] Filled(int n, double value)
    {
        var a = new double[n];
        Array.Fill(a, value);
        return a;
    }
}
