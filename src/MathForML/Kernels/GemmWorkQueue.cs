using System.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// The units of work (<see cref="GemmPlan{T}"/>) of a product split into slabs, one per core, shared by the cores: each
/// slab's units are claimed in order from its own counter, first by the core it was cut for and then, once their own slab
/// is done, by any core that has finished early, so a core slowed by another program (or by waking late) hands the
/// rest of its slab to the others instead of holding every core up at the end. A unit of rank-kc update p waits until
/// update p − 1 of the same block of C is complete, so every block of C receives its updates in order, whoever
/// computes them, and the result is the same, to the bit, whichever core computed which unit.
/// </summary>
/// <remarks>
/// Claims are made in increasing order and a unit only waits for a unit claimed before it, so the earliest unit in
/// progress never waits: there is no deadlock. Measured before (2048² float64 on the 2-core Xeon VM, each core's half
/// timed): the two halves ended 0.1–42 ms apart (median about 5 ms of a 115 ms product), one core idle meanwhile.
/// </remarks>
internal sealed class GemmWorkQueue
{
    /// <summary>Counters 64 ints apart, so the cores' claims on different slabs never share a cache line.</summary>
    private const int Stride = 16;

    private readonly int[] _claimed;
    private readonly int[][] _updatesDone;

    /// <summary>A queue for slabs of the given numbers of C blocks.</summary>
    public GemmWorkQueue(ReadOnlySpan<int> blocksPerSlab)
    {
        _claimed = new int[blocksPerSlab.Length * Stride];
        _updatesDone = new int[blocksPerSlab.Length][];
        for (int s = 0; s < blocksPerSlab.Length; s++) _updatesDone[s] = new int[blocksPerSlab[s]];
    }

    /// <summary>A queue for the slabs planned.</summary>
    public static GemmWorkQueue For<T>(GemmPlan<T>[] slabs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var blocks = new int[slabs.Length];
        for (int s = 0; s < slabs.Length; s++) blocks[s] = slabs[s].Blocks;
        return new GemmWorkQueue(blocks);
    }

    /// <summary>Claims the next unit of <paramref name="slab"/>, false once all <paramref name="units"/> are claimed.</summary>
    public bool TryClaim(int slab, int units, out int unit)
    {
        ref int claimed = ref _claimed[slab * Stride];
        if (Volatile.Read(ref claimed) >= units)
        {
            unit = units;
            return false;
        }

        unit = Interlocked.Increment(ref claimed) - 1;
        return unit < units;
    }

    /// <summary>Waits until <paramref name="updates"/> rank-kc updates of C block <paramref name="block"/> of <paramref name="slab"/> are complete.</summary>
    public void WaitForUpdates(int slab, int block, int updates)
    {
        ref int done = ref _updatesDone[slab][block];
        if (Volatile.Read(ref done) >= updates) return;
        var spinner = default(SpinWait);
        while (Volatile.Read(ref done) < updates) spinner.SpinOnce(sleep1Threshold: -1);
    }

    /// <summary>Records that C block <paramref name="block"/> of <paramref name="slab"/> has <paramref name="updates"/> updates (its writes published first).</summary>
    public void Complete(int slab, int block, int updates) => Volatile.Write(ref _updatesDone[slab][block], updates);
}
