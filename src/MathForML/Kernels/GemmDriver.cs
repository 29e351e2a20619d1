using System.Numerics;
using System.Runtime.CompilerServices;

namespace MathForML.Kernels;

/// <summary>
/// The single-threaded GotoBLAS/BLIS loop nest around a micro-kernel (Goto and van de Geijn, "Anatomy of
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
/// Cost: 2·m·n·k flops.
/// </summary>
internal static unsafe class GemmDriver
{
    /// <summary>
    /// C ← α·op(A)·op(B) + β·C with α ≠ 0 and k ≥ 1. When <paramref name="lowerOnly"/> is set (SYRK), tiles lying
    /// wholly above the diagonal of the full matrix are skipped, where row i of this C is row
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Run<T, TKernel>(Op transA, Op transB, int m, int n, int k, T alpha,
        T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc, bool lowerOnly, int rowOffset, GemmBlocking blocks)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        int mr = TKernel.Mr, nr = TKernel.Nr;
        int mcMax = Balanced(m, n <= blocks.Nc && blocks.McNarrow > 0 ? blocks.McNarrow : blocks.Mc, mr);
        int kcMax = Balanced(k, blocks.Kc, 1);
        int ncMax = Balanced(n, blocks.Nc, nr);
        T* packedA = GemmPackingBuffers<T>.ForA(mcMax * kcMax);
        T* packedB = GemmPackingBuffers<T>.ForB(kcMax * ncMax);
        T* tile = stackalloc T[mr * nr];

        bool oneBlockOfB = n <= ncMax;
        for (int pc = 0; pc < k; pc += kcMax)
        {
            int kc = Math.Min(kcMax, k - pc);
            T betaBlock = pc == 0 ? beta : T.One;
            if (oneBlockOfB) GemmPacking.PackB(transB, transB == Op.None ? b + (pc * ldb) : b + pc, ldb, kc, n, nr, packedB);
            for (int ic = 0; ic < m; ic += mcMax)
            {
                int mc = Math.Min(mcMax, m - ic);
                T* aBlock = transA == Op.None ? a + (ic * lda) + pc : a + (pc * lda) + ic;
                GemmPacking.PackA(transA, aBlock, lda, mc, kc, mr, packedA);
                if (oneBlockOfB)
                {
                    MultiplyBlockDownColumns<T, TKernel>(mc, n, kc, packedA, packedB, alpha, betaBlock, c + (ic * ldc), ldc,
                        lowerOnly ? rowOffset + ic : int.MaxValue / 2, tile);
                    continue;
                }

                for (int jc = 0; jc < n; jc += ncMax)
                {
                    int nc = Math.Min(ncMax, n - jc);
                    if (lowerOnly && jc > rowOffset + ic + mc - 1) break;
                    T* bBlock = transB == Op.None ? b + (pc * ldb) + jc : b + (jc * ldb) + pc;
                    GemmPacking.PackB(transB, bBlock, ldb, kc, nc, nr, packedB);
                    MultiplyBlock<T, TKernel>(mc, nc, kc, packedA, packedB, alpha, betaBlock, c + (ic * ldc) + jc, ldc,
                        lowerOnly ? rowOffset + ic - jc : int.MaxValue / 2, tile);
                }
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
}
