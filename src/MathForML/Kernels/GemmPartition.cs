using System.Numerics;
using MathForML.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// Splits a GEMM between the processor's cores: C is cut into one slab per core, row slabs of whole mr-panels or
/// column slabs of whole nr-panels, whichever leaves the busiest core fewer columns or rows to compute (rows on a tie:
/// then each core packs half of A, the gather, and all of B, the plain copy). Each slab is a GEMM on offset pointers
/// with its own packing buffers, only the packing of the shared operand repeated, whose units of work the cores share
/// through a <see cref="GemmWorkQueue"/>: each core takes its own slab's units first and then helps with what is left of
/// the others', so a core slowed down by another program does not hold the product up. Products under
/// <see cref="ParallelThreshold"/> multiply-adds stay on the calling thread, where the fork would cost more than it saves.
/// </summary>
internal static unsafe class GemmPartition
{
    /// <summary>m·n·k below which a product runs on one thread (about 0.1 ms of work on one core).</summary>
    public const long ParallelThreshold = 96L * 96 * 96;

    /// <summary>Panels of <paramref name="step"/> the busiest of <paramref name="parts"/> slabs computes when <paramref name="extent"/> is cut into whole panels.</summary>
    private static int Slowest(int extent, int step, int parts)
    {
        int panels = (extent + step - 1) / step;
        return ((panels + parts - 1) / parts * step) + (panels < parts ? int.MaxValue / 2 : 0);
    }

    /// <summary>C ← α·op(A)·op(B) + β·C with α ≠ 0, k ≥ 1, on every core when the product is large enough.</summary>
    public static void Run<T, TKernel>(Op transA, Op transB, int m, int n, int k, T alpha,
        T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc, KernelPath path, bool serial = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IGemmMicroKernel<T>
    {
        int cores = serial || (long)m * n * k < ParallelThreshold ? 1 : Environment.ProcessorCount;
        bool byColumns = (double)Slowest(n, TKernel.Nr, cores) / n < (double)Slowest(m, TKernel.Mr, cores) / m;
        int extent = byColumns ? n : m, step = byColumns ? TKernel.Nr : TKernel.Mr;
        int parts = Math.Min(cores, (extent + step - 1) / step);
        if (parts <= 1)
        {
            GemmDriver.Run<T, TKernel>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, path, false, 0);
            return;
        }

        var plans = Slabs(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, byColumns, parts,
            GemmBlocking.For(TKernel.Mr, TKernel.Nr, sizeof(T)), TKernel.Mr, TKernel.Nr);
        var queue = GemmWorkQueue.For(plans);
        KernelTeam.For(0, plans.Length, part => GemmDriver.RunShared<T, TKernel>(plans, queue, part));
    }

    /// <summary>
    /// C cut into <paramref name="parts"/> slabs of whole panels, by columns (nr) or rows (mr), each planned as a product
    /// of its own on offset pointers; the last may be narrower, and none is empty.
    /// </summary>
    internal static GemmPlan<T>[] Slabs<T>(Op transA, Op transB, int m, int n, int k, T alpha,
        T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc, bool byColumns, int parts, GemmBlocking blocks, int mr, int nr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int extent = byColumns ? n : m;
        int slab = GemmDriver.RoundUp((extent + parts - 1) / parts, byColumns ? nr : mr);
        var slabs = new List<GemmPlan<T>>(parts);
        for (int start = 0; start < extent; start += slab)
        {
            int size = Math.Min(slab, extent - start);
            slabs.Add(byColumns
                ? new GemmPlan<T>(transA, transB, m, size, k, alpha, a, lda, transB == Op.None ? b + start : b + (start * ldb), ldb,
                    beta, c + start, ldc, false, 0, blocks, mr, nr)
                : new GemmPlan<T>(transA, transB, size, n, k, alpha, transA == Op.None ? a + (start * lda) : a + start, lda, b, ldb,
                    beta, c + (start * ldc), ldc, false, 0, blocks, mr, nr));
        }

        return slabs.ToArray();
    }
}
