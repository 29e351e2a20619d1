namespace MathForML.Kernels;

/// <summary>
/// Cache block sizes of the GotoBLAS/BLIS loop nest (Goto and van de Geijn 2008; Low et al., "Analytical modeling
/// is enough for high-performance BLIS", ACM TOMS 43(2), 2016), for the loop order of <see cref="GemmDriver"/>:
/// an mr×kc micro-panel of packed A stays in L1 while the micro-kernel sweeps the kc×nc packed block of B, which
/// stays in L2; the mc×kc packed block of A sits in L3 and is read from it once per B block.
/// </summary>
/// <param name="Mc">Rows of the packed A block (a multiple of Mr).</param>
/// <param name="Kc">Depth of a rank-kc update: the shared dimension of both packed blocks.</param>
/// <param name="Nc">Columns of the packed B block (a multiple of Nr).</param>
/// <param name="McNarrow">
/// Rows of the packed A block when one B block holds all of op(B) (n ≤ Nc; 0: Mc then too): a quarter of L2, so that
/// the block, read for only ⌈n/nr⌉ tiles a panel, is read back from L2 right after it is packed, not from L3.
/// </param>
internal readonly record struct GemmBlocking(int Mc, int Kc, int Nc, int McNarrow = 0)
{
    /// <summary>The packed A block's target, in L3 (one per core).</summary>
    private const int ABlockBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Block sizes for a micro-kernel of <paramref name="mr"/>×<paramref name="nr"/> on <paramref name="elementSize"/>-byte
    /// elements, cut to this machine's caches (<see cref="CpuCaches"/>): kc makes the A micro-panel (mr·kc elements) two
    /// thirds of L1 — 32 KB of a 48 KB L1, kc = 512 doubles or 1024 floats for the 8-row AVX-512 kernel —, nc makes the
    /// B block (kc·nc) half of L2, and mc makes the A block 4 MB.
    /// </summary>
    /// <remarks>
    /// Measured on a 2-core Emerald Rapids (48 KB L1d, 2 MB L2), 2048² on both cores, interleaved, 16 rounds: A panel
    /// 32 KB with B block 1 MB 154.0 GFLOP/s (float64) and 305.9 (float32), against 151.6 / 301.5 for 24 KB with
    /// 640 KB, 148.5 / 299.9 for 40 KB with 800 KB and 150.4 / 297.6 for 16 KB with 512 KB; one core on pre-packed
    /// blocks: 82–83 GFLOP/s of its 85 for B blocks of 0.6–1 MB, 81 at 0.5 MB, 78 at 1.5 MB, 65 at 2 MB. Narrow products
    /// (n = 60, the randomized PCA's X·M and Xᵀ·Q on 10,000 MNIST rows), one core's half: 4 MB A blocks 11.0 and 13.3 ms,
    /// 1 MB 10.0 and 13.2, 512 KB 9.8 and 12.5.
    /// </remarks>
    public static GemmBlocking For(int mr, int nr, int elementSize) => For(CpuCaches.Current, mr, nr, elementSize);

    /// <summary>The block sizes for caches of the sizes given.</summary>
    internal static GemmBlocking For(CpuCaches caches, int mr, int nr, int elementSize)
    {
        int kc = Math.Max(1, caches.L1DataBytes * 2 / 3 / (mr * elementSize));
        int nc = Math.Max(nr, caches.L2Bytes / 2 / (kc * elementSize) / nr * nr);
        int mc = Math.Max(mr, ABlockBytes / (kc * elementSize) / mr * mr);
        int mcNarrow = Math.Max(mr, caches.L2Bytes / 4 / (kc * elementSize) / mr * mr);
        return new GemmBlocking(mc, kc, nc, Math.Min(mc, mcNarrow));
    }
}
