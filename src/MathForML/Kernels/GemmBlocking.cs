namespace MathForML.Kernels;

/// <summary>
/// Cache block sizes of the GotoBLAS/BLIS loop nest (Goto and van de Geijn 2008; Low et al., "Analytical modeling
/// is enough for high-performance BLIS", 2016): a kc×nr micro-panel of packed B stays in L1 while the micro-kernel
/// sweeps it, the mc×kc packed block of A stays in L2, and the kc×nc packed block of B in L3.
/// </summary>
/// <param name="Mc">Rows of the packed A block (a multiple of Mr).</param>
/// <param name="Kc">Depth of a rank-kc update: the shared dimension of both packed blocks.</param>
/// <param name="Nc">Columns of the packed B block (a multiple of Nr).</param>
internal readonly record struct GemmBlocking(int Mc, int Kc, int Nc)
{
    private const int Depth = 256;

    /// <summary>
    /// Block sizes for a micro-kernel of <paramref name="mr"/>×<paramref name="nr"/> on <paramref name="elementSize"/>-byte
    /// elements. kc = 256 makes the B micro-panel kc·nr elements (48 KB for the 512-bit kernels, 16 KB for 6×8 doubles on
    /// the 256-bit path): the 256-bit one sits in a 32 KB (Zen 3) L1, the 512-bit one is re-read from L2 with the A
    /// micro-panel, which measured no slower on Zen 5 than kc = 128 or 192 and halves the C updates. The A block
    /// targets 384 KB of a 1 MB L2 on the 512-bit path (Zen 5) and 224 KB of a 512 KB L2 on the 256-bit path (Zen 3),
    /// leaving room for the B micro-panels and C; the B block targets 4 MB of L3.
    /// </summary>
    public static GemmBlocking For(KernelPath path, int mr, int nr, int elementSize)
    {
        int l2Bytes = path == KernelPath.Vector512 ? 384 * 1024 : 224 * 1024;
        int mc = Math.Max(mr, l2Bytes / (Depth * elementSize) / mr * mr);
        int nc = Math.Max(nr, 4 * 1024 * 1024 / (Depth * elementSize) / nr * nr);
        return new GemmBlocking(mc, Depth, nc);
    }
}
