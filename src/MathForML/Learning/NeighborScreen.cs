using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathForML.Kernels;
using MathForML.LinearAlgebra;

namespace MathForML.Learning;

/// <summary>
/// The float32 screen of k-nearest-neighbour search: for every query q, the c training samples x of smallest
/// score ‖x‖² − 2·qᵀx (the squared distance less terms that are the same for all x), by a GEMM whose tiles are
/// ranked as they leave the registers, so the M×N matrix of scores is never stored.
/// </summary>
/// <remarks>
/// <para>
/// The training set is packed once per call (in chunks of at most <see cref="ChunkBytes"/>) into the micro-kernel's
/// B layout: panels of Nr samples, each holding, for every kept feature p, the Nr values x[j, p] in float32. Features
/// that are constant over the training set are left out: a feature equal to v in every x adds −2·q_p·v to every
/// score of q, which changes no ranking. Queries are packed in blocks of <see cref="BlockQueries"/> (the A layout,
/// converted to float32 on the way). For each training panel (kept in L2 while it is used) and each Mr-row panel of
/// the query block, the micro-kernel forms the Mr×Nr tile −2·QXᵀ over all kept features at once; ‖x‖² is added and
/// each row's values are compared, a vector at a time, with that query's worst kept score, so only the few that
/// beat it are inserted in its sorted list of c (<see cref="TileMerge"/>). Training samples are visited in index order
/// and only a strictly smaller score displaces a kept one, so ties keep the earlier sample, as <see cref="KNearestNeighbors"/> promises.
/// </para>
/// <para>
/// This is the loop nest of Goto and van de Geijn ("Anatomy of high-performance matrix multiplication", ACM TOMS 34(3),
/// 2008) with the C update replaced by a reduction, the approach of fused distance-and-selection kernels such as
/// Johnson, Douze and Jégou, "Billion-scale similarity search with GPUs" (IEEE Trans. Big Data, 2019).
/// </para>
/// </remarks>
internal static unsafe class NeighborScreen
{
    /// <summary>Largest packed training chunk (float32 panels), so memory stays bounded whatever N is.</summary>
    internal const int ChunkBytes = 32 << 20;

    /// <summary>
    /// Most queries packed and screened together: their packed rows (≈ 340 KB for MNIST's 660 features) stay in the
    /// 1 MB L2 beside a training panel (≈ 125 KB), and more queries a block means fewer passes over the packed training
    /// set. Fewer queries than this per core are cut into one block per core.
    /// </summary>
    internal const int BlockQueries = 128;

    /// <summary>
    /// Screens rows queryStart … queryStart + M − 1 of <paramref name="queries"/> (float64, D columns) against
    /// <paramref name="train"/> (N×D). On return candidates[q·c + i] is the index of the i-th best training sample of
    /// query queryStart + q and scores[q·c + i] its float32 score, ascending (the earlier index first on ties); a list
    /// that could not be filled (scores that overflow float32) ends in index −1 with score +∞.
    /// </summary>
    /// <param name="train">The training set X, N×D.</param>
    /// <param name="active">The features kept (those not constant over the training set), ascending; at least one.</param>
    /// <param name="norms">‖xⱼ‖² in float32 for every training sample.</param>
    /// <param name="queries">The queries, D columns.</param>
    /// <param name="queryStart">The first query row screened.</param>
    /// <param name="m">How many query rows are screened.</param>
    /// <param name="c">Candidates kept per query (at most N).</param>
    /// <param name="candidates">At least m·c entries: the candidate indices.</param>
    /// <param name="scores">At least m·c entries: the candidates' screened scores.</param>
    /// <param name="path">The micro-kernel family.</param>
    /// <param name="chunkBytes">The largest packed training chunk, in bytes (tests make it small to cross chunks).</param>
    public static void Run(Matrix train, ReadOnlySpan<int> active, ReadOnlySpan<float> norms, Matrix queries, int queryStart, int m,
        int c, int[] candidates, float[] scores, KernelPath path, int chunkBytes = ChunkBytes)
    {
        var job = new ScreenJob(train, active, norms, queries, queryStart, m, c, candidates, scores, chunkBytes, path);
        GemmMicroKernelChoice.Run<float, ScreenJob>(path, ref job);
    }

    /// <summary>The arguments of one screening call, run with the micro-kernel of its path.</summary>
    private readonly ref struct ScreenJob(Matrix train, ReadOnlySpan<int> active, ReadOnlySpan<float> norms, Matrix queries, int queryStart,
        int m, int c, int[] candidates, float[] scores, int chunkBytes, KernelPath path) : IGemmMicroKernelJob<float>
    {
        private readonly ReadOnlySpan<int> _active = active;
        private readonly ReadOnlySpan<float> _norms = norms;

        public void Run<TKernel>() where TKernel : IGemmMicroKernel<float> =>
            NeighborScreen.Run<TKernel>(train, _active, _norms, queries, queryStart, m, c, candidates, scores, chunkBytes, path);
    }

    private static void Run<TKernel>(Matrix train, ReadOnlySpan<int> active, ReadOnlySpan<float> norms, Matrix queries, int queryStart, int m,
        int c, int[] candidates, float[] scores, int chunkBytes, KernelPath path)
        where TKernel : IGemmMicroKernel<float>
    {
        int n = train.Rows, a = active.Length, nr = TKernel.Nr;
        int panelFloats = a * nr;
        int chunkPanels = Math.Max(1, chunkBytes / (panelFloats * sizeof(float)));
        int panels = (n + nr - 1) / nr;
        chunkPanels = Math.Min(chunkPanels, panels);
        scores.AsSpan(0, m * c).Fill(float.PositiveInfinity);
        candidates.AsSpan(0, m * c).Fill(-1);

        // One pooled, pinned buffer for the packed chunk (+64 bytes to align it) and the padded norms: fresh
        // multi-megabyte arrays cost ≈ 3 ms per MB in first-touch page faults on the test VM.
        var packed = ArrayPool<float>.Shared.Rent((chunkPanels * panelFloats) + 16);
        var paddedNorms = ArrayPool<float>.Shared.Rent(panels * nr);
        var activeCopy = active.ToArray();
        int blockQueries = Math.Min(BlockQueries, GemmDriver.RoundUp((m + Environment.ProcessorCount - 1) / Environment.ProcessorCount, TKernel.Mr));
        int blocks = (m + blockQueries - 1) / blockQueries;
        var handle = GCHandle.Alloc(packed, GCHandleType.Pinned);
        try
        {
            nint start = handle.AddrOfPinnedObject();
            var b = (float*)((start + 63) & ~(nint)63);
            norms.CopyTo(paddedNorms);
            paddedNorms.AsSpan(n, (panels * nr) - n).Fill(float.PositiveInfinity);   // padding samples never win
            var state = new Shared(train, queries, queryStart, activeCopy, paddedNorms, (nint)b, c, path);
            for (int first = 0; first < panels; first += chunkPanels)
            {
                int count = Math.Min(chunkPanels, panels - first);
                PackTraining<TKernel>(state, first, count);
                Parallel.For(0, blocks, ParallelOptions, block =>
                    ScreenBlock<TKernel>(state, block * blockQueries, Math.Min(blockQueries, m - (block * blockQueries)),
                        first, count, candidates, scores));
            }
        }
        finally
        {
            handle.Free();
            ArrayPool<float>.Shared.Return(packed);
            ArrayPool<float>.Shared.Return(paddedNorms);
        }
    }

    private static readonly ParallelOptions ParallelOptions = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>What every worker of one call reads: the data, the kept features, the padded norms, the packed chunk and the kernel path.</summary>
    private sealed record Shared(Matrix Train, Matrix Queries, int QueryStart, int[] Active, float[] Norms, nint Packed, int C, KernelPath Path);

    /// <summary>Packs training panels first … first + count − 1 into the chunk buffer, panels split between the cores.</summary>
    private static void PackTraining<TKernel>(Shared state, int first, int count)
        where TKernel : IGemmMicroKernel<float>
    {
        int nr = TKernel.Nr, a = state.Active.Length;
        Parallel.For(0, count, ParallelOptions, i =>
        {
            int panel = first + i;
            var dst = (float*)state.Packed + ((nint)i * a * nr);
            int j0 = panel * nr, columns = Math.Min(nr, state.Train.Rows - j0);
            PackRows(state.Train, j0, columns, state.Active, dst, nr);
        });
    }

    /// <summary>
    /// dst[p·stride + r] = (float)x[first + r, active[p]] for r &lt; rows, 0 for rows ≤ r &lt; stride: the kept features of
    /// <paramref name="rows"/> consecutive rows of X, interleaved feature by feature (the packed layout of both operands).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackRows(Matrix x, int first, int rows, int[] active, float* dst, int stride)
    {
        int a = active.Length, d = x.Columns;
        fixed (double* data = x.AsSpan())
        fixed (int* act = active)
        {
            int r0 = 0;
            for (; r0 + 4 <= rows; r0 += 4)
            {
                double* x0 = data + ((nint)(first + r0) * d), x1 = x0 + d, x2 = x1 + d, x3 = x2 + d;
                float* o = dst + r0;
                for (int p = 0; p < a; p++, o += stride)
                {
                    int f = act[p];
                    o[0] = (float)x0[f];
                    o[1] = (float)x1[f];
                    o[2] = (float)x2[f];
                    o[3] = (float)x3[f];
                }
            }

            for (; r0 < rows; r0++)
            {
                double* xr = data + ((nint)(first + r0) * d);
                float* o = dst + r0;
                for (int p = 0; p < a; p++, o += stride) *o = (float)xr[act[p]];
            }

            if (rows < stride)
                for (int p = 0; p < a; p++)
                    for (int r = rows; r < stride; r++) dst[(p * stride) + r] = 0f;
        }
    }

    /// <summary>
    /// Screens queries start … start + rows − 1 (counted from the call's first query) against the packed panels of this chunk, merging into their candidate
    /// lists (kept from earlier chunks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScreenBlock<TKernel>(Shared state, int start, int rows, int firstPanel, int panelCount,
        int[] candidates, float[] scores)
        where TKernel : IGemmMicroKernel<float>
    {
        int mr = TKernel.Mr, nr = TKernel.Nr, a = state.Active.Length, c = state.C;
        int queryPanels = (rows + mr - 1) / mr;
        float* packedQueries = GemmPackingBuffers<float>.ForA(queryPanels * mr * a);
        for (int i = 0; i < queryPanels; i++)
        {
            int r0 = i * mr;
            PackRows(state.Queries, state.QueryStart + start + r0, Math.Min(mr, rows - r0), state.Active, packedQueries + ((nint)r0 * a), mr);
        }

        float* tile = stackalloc float[mr * nr];
        fixed (float* norms = state.Norms)
        fixed (int* cand = candidates)
        fixed (float* sc = scores)
        {
            for (int panel = 0; panel < panelCount; panel++)
            {
                float* bPanel = (float*)state.Packed + ((nint)panel * a * nr);
                int j0 = (firstPanel + panel) * nr;
                float* panelNorms = norms + j0;
                for (int i = 0; i < queryPanels; i++)
                {
                    TKernel.Run(a, packedQueries + ((nint)i * mr * a), bPanel, -2f, 0f, tile, nr);
                    int valid = Math.Min(mr, rows - (i * mr));
                    for (int r = 0; r < valid; r++)
                    {
                        int q = start + (i * mr) + r;
                        TileMerge.Merge(new ReadOnlySpan<float>(tile + (r * nr), nr), new ReadOnlySpan<float>(panelNorms, nr), j0,
                            new Span<float>(sc + ((nint)q * c), c), new Span<int>(cand + ((nint)q * c), c), state.Path);
                    }
                }
            }
        }
    }
}
