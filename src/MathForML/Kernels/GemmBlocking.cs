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
internal readonly record struct GemmBlocking(int Mc, int Kc, int Nc)
{
    /// <summary>The packed A block's target, in L3 (one per core).</summary>
    private const int ABlockBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Block sizes for a micro-kernel of <paramref name="mr"/>×<paramref name="nr"/> on <paramref name="elementSize"/>-byte
    /// elements. kc makes the A micro-panel (mr·kc elements) half of L1 — 24 KB of the 48 KB L1 of Zen 4/5 and Golden
    /// Cove on the 512-bit path (kc = 384 doubles, 768 floats), 16 KB of a 32 KB L1 otherwise —, nc makes the B block
    /// (kc·nc) 640 KB of a 1–2 MB L2 on the 512-bit path and 256 KB of a 512 KB L2 otherwise, and mc makes the A block
    /// 4 MB. Measured on a 2-core Emerald Rapids (2 MB L2), one core, 2048² float64 on pre-packed blocks: 82–83 GFLOP/s
    /// of the core's 85 for B blocks of 0.6–1 MB at kc = 256–512, 81 at 0.5 MB, 78 at 1.5 MB, 65 at 2 MB.
    /// </summary>
    public static GemmBlocking For(KernelPath path, int mr, int nr, int elementSize)
    {
        bool wide = path == KernelPath.Vector512;
        int aPanelBytes = wide ? 24 * 1024 : 16 * 1024;
        int bBlockBytes = wide ? 640 * 1024 : 256 * 1024;
        int kc = Math.Max(1, aPanelBytes / (mr * elementSize));
        int nc = Math.Max(nr, bBlockBytes / (kc * elementSize) / nr * nr);
        int mc = Math.Max(mr, ABlockBytes / (kc * elementSize) / mr * mr);
        return new GemmBlocking(mc, kc, nc);
    }
}
