using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Graphs;

/// <summary>
/// The sparse power iteration behind <see cref="PageRank.Compute"/>, with two ways to make one step: the readable
/// pull over the CSR by target (<see cref="Method.Reference"/>), and the segmented pull over
/// <see cref="SourceSegments"/> (<see cref="Method.Segmented"/>, the default). Both compute the same step in float64;
/// they differ only in the order in which each node's incoming contributions are added, so their ranks agree to
/// rounding (about 1e-16 relative per step). Each is bit-for-bit the same whatever the thread count.
/// </summary>
/// <remarks>
/// One step, with x the ranks in the graph's stored order, s = D⁻¹x the scaled ranks (0 for dangling nodes), d the
/// damping, v the jump distribution and n the node count:
/// x'_w = d·Σ_{u→w} s_u + d·(Σ_dangling x_u)/n + (1 − d)·v_w, then s'_w = x'_w/out-degree(w).
/// The L1 change ‖x' − x‖₁ and the dangling mass of x' are summed per fixed block of nodes, and the blocks' sums are
/// added in block order, so no sum depends on how the blocks were shared among threads.
/// </remarks>
internal static class SparsePageRank
{
    /// <summary>How a step gathers the contributions.</summary>
    internal enum Method
    {
        /// <summary>Each node sums s over its in-list, in input order (two running sums, even and odd positions).</summary>
        Reference,

        /// <summary>Source-segmented pull over <see cref="SourceSegments"/>, with the kernels of <see cref="GatheredSums"/> and <see cref="PageRankUpdate"/>.</summary>
        Segmented,

        /// <summary>The same sums tile by tile, each tile through all segments (<see cref="SegmentedStep"/>; the order of a distributed rank's step).</summary>
        SegmentedByTile,
    }

    private const int Chunk = 1 << 14, UpdateBlock = 1 << 11;

    public static PageRankResult Run(CsrGraph graph, PageRankOptions? options, int? maxThreads, IProgress<WorkProgress>? progress,
        Method method, KernelPath path, SourceSegments? layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (maxThreads is { } threads) ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(maxThreads));
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new PageRankOptions();
        ValidatePersonalization(options.Personalization, graph.NodeCount);
        int n = graph.NodeCount;
        if (n == 0) return new PageRankResult([], 0, true, []) { MatrixProducts = 0 };
        double d = options.Damping;
        // All vectors live in the graph's stored order (see CsrGraph); the ranks are mapped back to ids at the end.
        var order = graph.Order;
        double[]? v = null, jump = null;
        if (options.Personalization is { } p)
        {
            v = new double[n];
            jump = new double[n];
            for (int i = 0; i < n; i++)
            {
                v[i] = p[order[i]];
                jump[i] = (1 - d) * v[i];
            }
        }

        var workspace = PageRankWorkspace.Rent(ref graph.Workspace, n);
        try
        {
            return Iterate(graph, options, maxThreads, progress, method, path, layout, v, jump, workspace, cancellationToken);
        }
        finally
        {
            PageRankWorkspace.Return(ref graph.Workspace, workspace);
        }
    }

    private static PageRankResult Iterate(CsrGraph graph, PageRankOptions options, int? maxThreads, IProgress<WorkProgress>? progress,
        Method method, KernelPath path, SourceSegments? layout, double[]? v, double[]? jump, PageRankWorkspace workspace, CancellationToken cancellationToken)
    {
        int n = graph.NodeCount;
        double d = options.Damping;
        var (x, next, scaled, scaledNext) = (workspace.X, workspace.Next, workspace.Scaled, workspace.ScaledNext);
        var inverseDegree = graph.InverseOutDegree;
        var segments = method is Method.Segmented or Method.SegmentedByTile ? layout ?? graph.Segments : null;
        int blocks = segments?.TileCount ?? (n + Chunk - 1) / Chunk;
        var sums = segments is null ? null : workspace.Sums;
        var changes = new double[blocks];
        var danglingParts = new double[blocks];
        int threads = maxThreads ?? Environment.ProcessorCount;

        // The start, in fixed chunks on every core: x = 1/n (or v), s = D⁻¹x, the sums cleared, and the dangling mass
        // summed chunk by chunk in order (the same whatever the thread count).
        int chunks = (n + Chunk - 1) / Chunk;
        var initialDangling = new double[chunks];
        KernelTeam.For(0, chunks, threads, c =>
        {
            int lo = c * Chunk, length = Math.Min(n, lo + Chunk) - lo;
            if (v is null) x.AsSpan(lo, length).Fill(1.0 / n);
            else v.AsSpan(lo, length).CopyTo(x.AsSpan(lo, length));
            sums?.AsSpan(lo, length).Clear();
            double mass = 0;
            for (int u = lo; u < lo + length; u++)
            {
                scaled[u] = x[u] * inverseDegree[u];
                if (inverseDegree[u] == 0) mass += x[u];
            }

            initialDangling[c] = mass;
        });
        double danglingMass = 0;
        foreach (double mass in initialDangling) danglingMass += mass;

        var residuals = new List<double>();
        int iteration = 0;
        bool converged = false;
        double fraction = 0;
        while (iteration < options.MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iteration++;
            var step = new StepInput(x, scaled, next, scaledNext, inverseDegree, v, jump, d, d * danglingMass / n, n);
            if (segments is null)
            {
                KernelTeam.For(0, blocks, threads, c =>
                {
                    int lo = c * Chunk, hi = Math.Min(n, lo + Chunk);
                    (changes[c], danglingParts[c]) = ReferenceStep(graph, step, lo, hi);
                });
            }
            else if (method == Method.SegmentedByTile)
            {
                KernelTeam.For(0, blocks, threads, t => (changes[t], danglingParts[t]) = SegmentedStep(segments, sums!, step, t, path));
            }
            else
            {
                // Segment by segment, every tile's pairs of the segment: its scaled ranks stay in L2 while both cores
                // gather from them (tile by tile, segment after segment, a tile's run through all segments evicted them).
                // Each target still adds its pairs in segment order, so the sums are those of SegmentedStep, bit for bit.
                for (int segment = 0; segment < segments.SegmentCount; segment++)
                {
                    if (segments.SegmentPairCount(segment) == 0) continue;
                    int s = segment;
                    KernelTeam.For(0, blocks, threads, t => GatherSegment(segments, sums!, step, t, s, path));
                }

                KernelTeam.For(0, blocks, threads, t => (changes[t], danglingParts[t]) = UpdateTile(segments, sums!, step, t, path));
            }

            double residual = 0;
            danglingMass = 0;
            for (int c = 0; c < blocks; c++)
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

        // Back to node ids, on every core (every slot is written: the order is a permutation).
        var ranks = LargeArray.Uninitialized<double>(n);
        var order = graph.Order;
        var final = x;
        KernelTeam.For(0, chunks, threads, c =>
        {
            for (int i = c * Chunk, end = Math.Min(n, i + Chunk); i < end; i++) ranks[order[i]] = final[i];
        });
        return new PageRankResult(ranks, iteration, converged, residuals) { MatrixProducts = iteration };
    }

    /// <summary>The vectors and constants of one step (uniformShare = d·dangling mass/n).</summary>
    internal sealed record StepInput(double[] X, double[] Scaled, double[] Next, double[] ScaledNext, double[] InverseDegree,
        double[]? V, double[]? Jump, double Damping, double UniformShare, int N);

    /// <summary>Nodes [lo, hi) of one step; returns the block's L1 change and the dangling mass of its new values.</summary>
    private static (double Change, double Dangling) ReferenceStep(CsrGraph graph, StepInput step, int lo, int hi)
    {
        ref int sources = ref MemoryMarshal.GetArrayDataReference(graph.Sources);
        ref double scaledRef = ref MemoryMarshal.GetArrayDataReference(step.Scaled);
        var offsets = graph.Offsets;
        var (x, next, scaledNext, inverseDegree, v) = (step.X, step.Next, step.ScaledNext, step.InverseDegree, step.V);
        double d = step.Damping, jumpUniform = (1 - d) / step.N, change = 0, dangling = 0;
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
            double value = d * (sum0 + sum1) + step.UniformShare + (v is null ? jumpUniform : (1 - d) * v[w]);
            change += Math.Abs(value - x[w]);
            next[w] = value;
            double inv = inverseDegree[w];
            scaledNext[w] = value * inv;
            if (inv == 0) dangling += value;
        }

        return (change, dangling);
    }

    /// <summary>
    /// Tile <paramref name="tile"/> of one step: its targets' sums, segment by segment, then the update of its nodes
    /// (which also clears the sums for the next step). Returns the tile's L1 change and dangling mass.
    /// </summary>
    internal static (double Change, double Dangling) SegmentedStep(SourceSegments segments, double[] sums, StepInput step, int tile, KernelPath path)
    {
        Gather(segments, sums, step, segments.TilePairs(tile), path);
        return UpdateTile(segments, sums, step, tile, path);
    }

    /// <summary>Adds the runs of tile <paramref name="tile"/>'s pairs in segment <paramref name="segment"/> to their targets' sums.</summary>
    private static void GatherSegment(SourceSegments segments, double[] sums, StepInput step, int tile, int segment, KernelPath path) =>
        Gather(segments, sums, step, segments.SegmentPairs(tile, segment), path);

    private static void Gather(SourceSegments segments, double[] sums, StepInput step, (int Start, int End) pairs, KernelPath path) =>
        GatheredSums.Accumulate(step.Scaled, segments.Sources, segments.PairOffsets.AsSpan(pairs.Start, pairs.End - pairs.Start + 1),
            segments.PairTargets.AsSpan(pairs.Start, pairs.End - pairs.Start), sums, path);

    /// <summary>The update of tile <paramref name="tile"/>'s nodes from their complete sums (which it clears for the next step): the tile's L1 change and dangling mass.</summary>
    private static (double Change, double Dangling) UpdateTile(SourceSegments segments, double[] sums, StepInput step, int tile, KernelPath path)
    {
        var (start, end) = segments.TileNodes(tile);
        double jumpUniform = (1 - step.Damping) / step.N, change = 0, dangling = 0;
        // Block by block: a tile's two sums over up to 2^16 nodes of nearly equal values would gather a rounding bias
        // growing with their count (2e-12 in L1 after two steps on R-MAT 20 with tiles of 2^19); blocks of 2^11 keep it small.
        for (int lo = start; lo < end; lo += UpdateBlock)
        {
            var range = new Range(lo, Math.Min(end, lo + UpdateBlock));
            var (blockChange, blockDangling) = PageRankUpdate.Apply(sums.AsSpan(range), step.X.AsSpan(range), step.InverseDegree.AsSpan(range),
                step.Jump is null ? default : step.Jump.AsSpan(range), jumpUniform, step.Damping, step.UniformShare,
                step.Next.AsSpan(range), step.ScaledNext.AsSpan(range), path);
            change += blockChange;
            dangling += blockDangling;
        }

        return (change, dangling);
    }

    /// <summary>The jump distribution must be n non-negative numbers summing to 1 (the other settings are checked as they are set).</summary>
    internal static void ValidatePersonalization(IReadOnlyList<double>? personalization, int n)
    {
        if (personalization is not { } p) return;
        if (p.Count != n) throw new DimensionMismatchException($"The personalization vector has {p.Count} entries for {n} nodes.", nameof(personalization));
        if (p.Any(x => !(x >= 0))) throw new ArgumentException("Personalization entries must be non-negative numbers.", nameof(personalization));
        double s = p.Sum();
        if (Math.Abs(s - 1) > 1e-9) throw new ArgumentException($"The personalization vector sums to {s:G6}, not 1.", nameof(personalization));
    }
}
