using System.Numerics;
using System.Runtime.CompilerServices;

namespace MathForML.Kernels;

/// <summary>
/// The GotoBLAS/BLIS loop nest around a micro-kernel (Goto and van de Geijn, "Anatomy of
/// High-Performance Matrix Multiplication", ACM TOMS 34(3), 2008; Van Zee and van de Geijn, "BLIS", ACM TOMS 41(3), 2015):
/// <code>
/// for pc in 0..k step kc                      rank-kc update, β' = β for pc = 0, else 1
///   for ic in 0..m step mc
///     pack op(A)[ic.., pc..] into mr×kc panels          (L3)
///     for jc in 0..n step nc
///       pack op(B)[pc.., jc..] into kc×nr panels        (L2)
///       for ir in 0..mc step mr                          A micro-panel (L1)
///         for jr in 0..nc step nr                        B micro-panels stream from L2
///           micro-kernel: C[ic+ir.., jc+jr..] ← α·Ã·B̃ + β'·C
/// </code>
/// The innermost loop walks along the rows of C, so consecutive micro-tiles of C are neighbours in memory and the
/// hardware prefetchers stream them; walking down the columns instead (one B micro-panel against a stream of A
/// panels) makes every tile's lines a separate miss, which cost 8–10 % on 2048² products once C no longer fits in L2
/// (Emerald Rapids). Each element of op(A) is packed once, each of op(B) ⌈m/mc⌉ times. A product narrow enough that
/// all of op(B) is one block packs it once per rank-kc update and walks its tiles down the columns instead
/// (<see cref="MultiplyBlockDownColumns{T, TKernel}"/>). Tiles cut by the edge of C are computed in full on the
/// zero-padded panels into a scratch tile and only the valid part is written back.
/// The three outer loops are run as a sequence of units of work (<see cref="GemmPlan{T}"/>: one A block against one
/// B block in one update), which is what lets the cores that share a product hand each other the rest of their slabs
/// (<see cref="GemmWorkQueue"/>). Cost: 2·m·n·k flops.
/// </summary>
internal static unsafe class GemmDriver
{
    /// <summary>
    /// C ← α·op(A)·op(B) + β·C with α ≠ 0 and k ≥ 1, on the calling thread. When <paramref name="lowerOnly"/> is set
    /// (SYRK), tiles lying wholly above the diagonal of the full matrix are skipped, where row i of this C is row
    /// <paramref name="rowOffset"/> + i of the full matrix and column j is column j; tiles that cross the diagonal are
    /// computed whole.
    /// </summary>
    public static void Run<T, TKernel>(Op transA, Op transB, int m, int n, int k, T alpha,
        T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc, KernelPath path, bool lowerOnly, int rowOffset)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T> =>
        Run<T, TKernel>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, lowerOnly, rowOffset,
            GemmBlocking.For(TKernel.Mr, TKernel.Nr, sizeof(T)));

    /// <summary>The loop nest with the block sizes given (tests use small ones to cross every block boundary).</summary>
    internal static void Run<T, TKernel>(Op transA, Op transB, int m, int n, int k, T alpha,
        T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc, bool lowerOnly, int rowOffset, GemmBlocking blocks)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        var plan = new GemmPlan<T>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, lowerOnly, rowOffset,
            blocks, TKernel.Mr, TKernel.Nr);
        RunUnits<T, TKernel>(new ReadOnlySpan<GemmPlan<T>>(in plan), null, 0);
    }

    /// <summary>
    /// One core's share of a product split into slabs (<see cref="GemmPartition"/>): the units of slab
    /// <paramref name="first"/>, then whatever is left of the others, claimed from <paramref name="queue"/>.
    /// </summary>
    public static void RunShared<T, TKernel>(GemmPlan<T>[] slabs, GemmWorkQueue queue, int first)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T> =>
        RunUnits<T, TKernel>(slabs, queue, first);

    /// <summary>
    /// The loop nest over units of work: each unit packs its A block and its B block, unless the block packed last is
    /// the same one (so on one thread op(A) is packed once per update and A block, op(B) once per unit, or once per update
    /// when it is one block, as in the nest above), and multiplies them into its block of C. Without a queue the units
    /// of the single plan run in order; with one, the slabs are visited from <paramref name="first"/> on and each unit
    /// is claimed, waits for the update before it on its block of C, and reports itself done.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunUnits<T, TKernel>(ReadOnlySpan<GemmPlan<T>> plans, GemmWorkQueue? queue, int first)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        int mr = TKernel.Mr, nr = TKernel.Nr;
        int aLength = 0, bLength = 0;
        foreach (ref readonly var plan in plans)
        {
            aLength = Math.Max(aLength, plan.McMax * plan.KcMax);
            bLength = Math.Max(bLength, plan.KcMax * plan.NcMax);
        }

        T* packedA = GemmPackingBuffers<T>.ForA(aLength);
        T* packedB = GemmPackingBuffers<T>.ForB(bLength);
        T* tile = stackalloc T[mr * nr];
        PackedSource packedAFrom = default, packedBFrom = default;

        for (int visit = 0; visit < plans.Length; visit++)
        {
            int slab = (first + visit) % plans.Length;
            ref readonly var plan = ref plans[slab];
            int unit = -1;
            while (queue is null ? ++unit < plan.Units : queue.TryClaim(slab, plan.Units, out unit))
            {
                int jIndex = unit % plan.BBlocks, rest = unit / plan.BBlocks;
                int iIndex = rest % plan.ABlocks, update = rest / plan.ABlocks;
                int pc = update * plan.KcMax, kc = Math.Min(plan.KcMax, plan.K - pc);
                int ic = iIndex * plan.McMax, mc = Math.Min(plan.McMax, plan.M - ic);
                int jc = jIndex * plan.NcMax, nc = Math.Min(plan.NcMax, plan.N - jc);
                int block = (iIndex * plan.BBlocks) + jIndex;
                bool oneBlockOfB = plan.BBlocks == 1;
                if (plan.LowerOnly && jc > plan.RowOffset + ic + mc - 1)
                {
                    queue?.Complete(slab, block, update + 1);
                    continue;
                }

                queue?.WaitForUpdates(slab, block, update);
                T* aBlock = plan.TransA == Op.None ? plan.A + (ic * plan.Lda) + pc : plan.A + (pc * plan.Lda) + ic;
                var aSource = new PackedSource((nint)aBlock, kc, mc);
                if (aSource != packedAFrom)
                {
                    GemmPacking.PackA(plan.TransA, aBlock, plan.Lda, mc, kc, mr, packedA);
                    packedAFrom = aSource;
                }

                T* bBlock = plan.TransB == Op.None ? plan.B + (pc * plan.Ldb) + jc : plan.B + (jc * plan.Ldb) + pc;
                var bSource = new PackedSource((nint)bBlock, kc, nc);
                if (bSource != packedBFrom)
                {
                    GemmPacking.PackB(plan.TransB, bBlock, plan.Ldb, kc, nc, nr, packedB);
                    packedBFrom = bSource;
                }

                T betaBlock = update == 0 ? plan.Beta : T.One;
                T* cBlock = plan.C + (ic * plan.Ldc) + jc;
                if (oneBlockOfB)
                    MultiplyBlockDownColumns<T, TKernel>(mc, nc, kc, packedA, packedB, plan.Alpha, betaBlock, cBlock, plan.Ldc,
                        plan.LowerOnly ? plan.RowOffset + ic : int.MaxValue / 2, tile);
                else
                    MultiplyBlock<T, TKernel>(mc, nc, kc, packedA, packedB, plan.Alpha, betaBlock, cBlock, plan.Ldc,
                        plan.LowerOnly ? plan.RowOffset + ic - jc : int.MaxValue / 2, tile);
                queue?.Complete(slab, block, update + 1);
            }
        }
    }

    /// <summary>
    /// The two innermost loops: C[0..mc, 0..nc] ← α·Ã·B̃ + β·C for a packed A block (⌈mc/mr⌉ panels of mr×kc) and B block
    /// (⌈nc/nr⌉ panels of kc×nr), along each row of tiles in turn. A tile whose first column lies past
    /// <paramref name="diagonal"/> + its last row is wholly above the diagonal and skipped, with the rest of its row
    /// (int.MaxValue / 2 computes every tile). <paramref name="tile"/> is mr·nr scratch for the tiles cut by the block's edge.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void MultiplyBlock<T, TKernel>(int mc, int nc, int kc, T* packedA, T* packedB, T alpha, T beta, T* c, nint ldc,
        int diagonal, T* tile)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        int mr = TKernel.Mr, nr = TKernel.Nr;
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            T* aPanel = packedA + ((nint)ir * kc);
            T* cRow = c + (ir * ldc);
            for (int jr = 0; jr < nc; jr += nr)
            {
                if (jr > diagonal + ir + rows - 1) break;
                Tile<T, TKernel>(kc, aPanel, packedB + ((nint)jr * kc), rows, Math.Min(nr, nc - jr), alpha, beta, cRow + jr, ldc, tile);
            }
        }
    }

    /// <summary>
    /// <see cref="MultiplyBlock{T, TKernel}"/> one column of tiles after another: each B micro-panel is read for every A
    /// panel of the block in turn while it stays in L1. For products narrow enough that all of op(B) is one block (n ≤ nc),
    /// whose C is narrow too, so the tiles down a column are close together: measured 3–10 % faster than along the rows
    /// for n = 24–240 (the randomized PCA's X·M and Xᵀ·Q on 10,000 MNIST rows, one core's half). A tile wholly above the
    /// diagonal is skipped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void MultiplyBlockDownColumns<T, TKernel>(int mc, int nc, int kc, T* packedA, T* packedB, T alpha, T beta, T* c, nint ldc,
        int diagonal, T* tile)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        int mr = TKernel.Mr, nr = TKernel.Nr;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int columns = Math.Min(nr, nc - jr);
            T* bPanel = packedB + ((nint)jr * kc);
            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = Math.Min(mr, mc - ir);
                if (jr > diagonal + ir + rows - 1) continue;
                Tile<T, TKernel>(kc, packedA + ((nint)ir * kc), bPanel, rows, columns, alpha, beta, c + (ir * ldc) + jr, ldc, tile);
            }
        }
    }

    /// <summary>
    /// One tile of rows×columns (at most mr×nr): the micro-kernel straight into C when the tile is whole, else into the
    /// scratch <paramref name="tile"/> on the zero-padded panels, of which only the valid part is written back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile<T, TKernel>(int kc, T* aPanel, T* bPanel, int rows, int columns, T alpha, T beta, T* c, nint ldc, T* tile)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        if (rows == TKernel.Mr && columns == TKernel.Nr)
        {
            TKernel.Run(kc, aPanel, bPanel, alpha, beta, c, ldc);
            return;
        }

        TKernel.Run(kc, aPanel, bPanel, T.One, T.Zero, tile, TKernel.Nr);
        WriteEdge(tile, TKernel.Nr, rows, columns, alpha, beta, c, ldc);
    }

    /// <summary>C[0..rows, 0..columns] ← α·tile + β·C (C not read when β = 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WriteEdge<T>(T* tile, int ldt, int rows, int columns, T alpha, T beta, T* c, nint ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < rows; i++)
        {
            T* src = tile + (i * ldt);
            T* dst = c + (i * ldc);
            if (beta == T.Zero)
                for (int j = 0; j < columns; j++) dst[j] = alpha * src[j];
            else
                for (int j = 0; j < columns; j++) dst[j] = (alpha * src[j]) + (beta * dst[j]);
        }
    }

    /// <summary>
    /// The block size at most <paramref name="limit"/> that cuts <paramref name="extent"/> into the fewest, most equal
    /// blocks, rounded up to a multiple of <paramref name="step"/> (so 2048 in blocks of 2040 becomes two of 1032, not 2040 + 8).
    /// </summary>
    internal static int Balanced(int extent, int limit, int step)
    {
        int blocks = (extent + limit - 1) / limit;
        return Math.Min(RoundUp((extent + blocks - 1) / blocks, step), Math.Max(step, limit / step * step));
    }

    /// <summary>The smallest multiple of <paramref name="step"/> that is at least <paramref name="value"/>.</summary>
    public static int RoundUp(int value, int step) => (value + step - 1) / step * step;

    /// <summary>
    /// Where a packed block came from: its first element in the operand, its depth and its width. Operands are not
    /// written during a product and distinct blocks of one operand start at distinct elements, so equal sources mean
    /// equal packed blocks.
    /// </summary>
    private readonly record struct PackedSource(nint From, int Depth, int Width);
}
