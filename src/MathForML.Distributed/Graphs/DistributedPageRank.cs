using MathForML.Graphs;
using MathForML.Kernels;
using MathForML.LinearAlgebra;

namespace MathForML.Distributed.Graphs;

/// <summary>
/// <see cref="PageRank.Compute"/>'s power iteration with the graph split by target over the ranks of a job
/// (<see cref="PartitionedGraph"/>): each rank computes the new ranks of its block of nodes, and the scaled ranks
/// s = D⁻¹x are assembled on every rank by an all-gather before the next step. Each rank's part of a step is the single
/// process's segmented pull (<c>SparsePageRank.SegmentedStep</c>) over its own tiles.
/// </summary>
/// <remarks>
/// One step on rank r, block B_r: x'_w = d·Σ_{u→w} s_u + d·(Σ_dangling x_u)/n + (1 − d)·v_w for w ∈ B_r (the same step
/// as the single process, Page et al. 1999; Langville &amp; Meyer 2004), then s'_w = x'_w/out-degree(w). Sent per step:
/// the block's s' (8 bytes per node of the block, all-gathered: every rank receives 8·n bytes) and two numbers, the
/// block's L1 change and dangling mass, summed in rank order. Each node's sum runs over its incoming edges in the
/// single process's order (segment by segment, file order inside) whatever P, so the ranks equal the single process's to rounding (tested to 1e-12 in L1) and the result is
/// the same for any number of threads per rank. 1-D partitioning sends O(n) per rank per step: it stops scaling when
/// the all-gather of n values costs more than a block's E/P gathers (see docs/distributed.md).
/// </remarks>
public static class DistributedPageRank
{
    /// <summary>Runs the power iteration on every rank; every rank returns the whole result (ranks summing to 1).</summary>
    /// <param name="world">The ranks; all call this with the same graph parts and options.</param>
    /// <param name="graph">This rank's part of the graph.</param>
    /// <param name="options">Damping, tolerance, iteration limit and personalization (the whole vector, on every rank).</param>
    /// <param name="maxThreads">Threads per rank (default: the cores divided among the ranks on this machine).</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <exception cref="RankFailedException">The personalization vector's length is not the node count
    /// (<see cref="DimensionMismatchException"/> inside), or it has a negative entry or does not sum to 1
    /// (<see cref="ArgumentException"/>); checked on every rank alike (<see cref="RankFailedException.AllRanks"/>).</exception>
    public static PageRankResult Compute(ICommunicator world, PartitionedGraph graph, PageRankOptions? options = null, int? maxThreads = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new PageRankOptions();
        int n = graph.NodeCount;
        Agreement.Run(world, () => SparsePageRank.ValidatePersonalization(options.Personalization, n));
        if (n == 0) return new PageRankResult([], 0, true, []) { MatrixProducts = 0 };
        int first = graph.First, m = graph.BlockSize;
        double d = options.Damping;
        var counts = BlockCounts(world, m);
        var order = graph.Order;

        // The block's vectors, by local position w (node order[first + w]); the scaled ranks of all n positions.
        var x = new double[m];
        var next = new double[m];
        var scaledNext = new double[m];
        var inverseDegree = new double[m];
        double[]? jump = null;
        if (options.Personalization is { } v)
        {
            jump = new double[m];
            for (int w = 0; w < m; w++) jump[w] = (1 - d) * v[order[first + w]];
        }

        for (int w = 0; w < m; w++)
        {
            int id = order[first + w], degree = graph.OutDegree[id];
            inverseDegree[w] = degree == 0 ? 0 : 1.0 / degree;
            x[w] = options.Personalization is { } p ? p[id] : 1.0 / n;
            scaledNext[w] = x[w] * inverseDegree[w];
        }

        var scaled = new double[n];
        world.Gather(scaledNext, scaled, counts);
        Span<double> totals = [0, 0];
        for (int w = 0; w < m; w++) if (inverseDegree[w] == 0) totals[1] += x[w];
        world.SumInRankOrder(totals[1..]);
        double danglingMass = totals[1];

        var segments = graph.Segments;
        var sums = new double[m];
        var parts = new (double Change, double Dangling)[segments.TileCount];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? LocalRanks.ThreadsPerRank };
        var path = KernelPathSelection.Best;
        var residuals = new List<double>();
        int iteration = 0;
        bool converged = false;
        while (iteration < options.MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iteration++;
            // The single process's step (SparsePageRank's segmented pull) over this rank's tiles; N is the whole graph's.
            var step = new SparsePageRank.StepInput(x, scaled, next, scaledNext, inverseDegree, null, jump, d, d * danglingMass / n, n);
            Parallel.For(0, segments.TileCount, parallel, t => parts[t] = SparsePageRank.SegmentedStep(segments, sums, step, t, path));
            totals.Clear();
            foreach (var (change, dangling) in parts)
            {
                totals[0] += change;
                totals[1] += dangling;
            }

            world.SumInRankOrder(totals);
            world.Gather(scaledNext, scaled, counts);
            (x, next) = (next, x);
            double residual = totals[0];
            danglingMass = totals[1];
            residuals.Add(residual);
            if (residual < options.Tolerance)
            {
                converged = true;
                break;
            }
        }

        var byPosition = new double[n];
        world.Gather(x, byPosition, counts);
        var ranks = new double[n];
        for (int q = 0; q < n; q++) ranks[order[q]] = byPosition[q];
        return new PageRankResult(ranks, iteration, converged, residuals) { MatrixProducts = iteration };
    }

    /// <summary>Every rank's block size, in rank order (exchanged once).</summary>
    private static int[] BlockCounts(ICommunicator world, int mine)
    {
        var all = new double[world.Size];
        world.Gather([mine], all, Enumerable.Repeat(1, world.Size).ToArray());
        return all.Select(c => (int)c).ToArray();
    }
}
