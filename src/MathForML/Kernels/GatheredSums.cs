using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MathForML.Kernels;

/// <summary>
/// The gathers of a sparse pull: for each pair p (a target and a run of edges),
/// sums[targets[p]] += Σ_{e = offsets[p]}^{offsets[p+1] − 1} values[sources[e]].
/// Each pair's run is summed on its own and then added to the target's sum, so a target's sum depends only on the
/// order of its pairs and the path, never on how pairs are shared among threads.
/// </summary>
/// <remarks>
/// Paths: scalar (two running sums, even and odd edges, added at the end); Vector256 (AVX2 <c>vgatherdpd</c> of four
/// values a time into one register, its lanes added as <see cref="Vector256.Sum{T}(Vector256{T})"/>, the last up to
/// three edges by the scalar body). The Vector512 path runs the same 256-bit gather: .NET 10 exposes no 512-bit gather,
/// and two 4-wide gathers a step into two registers measured no faster (R-MAT 20 and 22, Zen 5, interleaved runs:
/// 0.79/0.82/0.65 s against 0.66/0.79/0.63 s for 26 steps). The values must be indexable by every source (not checked: the layout
/// that supplies the indices is built and checked once). Cost: one 4-byte index and one 8-byte gather per edge, one
/// read-modify-write of a sum per pair; bound by the latency of the gathers, so it pays to keep the gathered values in
/// cache (see the graph's <c>SourceSegments</c>).
/// </remarks>
internal static class GatheredSums
{
    /// <summary>Adds each pair's run sum to its target's sum, pairs [0, targets.Length), offsets one longer than targets.</summary>
    public static void Accumulate(double[] values, ReadOnlySpan<int> sources, ReadOnlySpan<int> offsets, ReadOnlySpan<int> targets,
        Span<double> sums, KernelPath path)
    {
        if (offsets.Length != targets.Length + 1) throw new ArgumentException($"{targets.Length} pairs need {targets.Length + 1} offsets, found {offsets.Length}.", nameof(offsets));
        if (targets.Length == 0) return;
        if (offsets[0] < 0 || offsets[^1] > sources.Length) throw new ArgumentOutOfRangeException(nameof(offsets), "The pairs' edges run outside the sources.");
        switch (path)
        {
            case KernelPath.Vector512 or KernelPath.Vector256 when Avx2.IsSupported:
                Loop<Gather4>(values, sources, offsets, targets, sums);
                break;
            default:
                Loop<GatherNone>(values, sources, offsets, targets, sums);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Loop<TGather>(double[] values, ReadOnlySpan<int> sources, ReadOnlySpan<int> offsets, ReadOnlySpan<int> targets, Span<double> sums)
        where TGather : IRunGather
    {
        ref int source = ref MemoryMarshal.GetReference(sources);
        ref int offset = ref MemoryMarshal.GetReference(offsets);
        ref int target = ref MemoryMarshal.GetReference(targets);
        ref double sum = ref MemoryMarshal.GetReference(sums);
        fixed (double* value = values)
        {
            int e = offset;
            for (int p = 0; p < targets.Length; p++)
            {
                int end = Unsafe.Add(ref offset, p + 1);
                double run = TGather.Sum(value, ref source, ref e, end);
                double sum0 = 0, sum1 = 0;
                for (; e + 1 < end; e += 2)
                {
                    sum0 += value[Unsafe.Add(ref source, e)];
                    sum1 += value[Unsafe.Add(ref source, e + 1)];
                }

                if (e < end) { sum0 += value[Unsafe.Add(ref source, e)]; e++; }
                Unsafe.Add(ref sum, Unsafe.Add(ref target, p)) += run + (sum0 + sum1);
            }
        }
    }

    /// <summary>The vector part of a run: gathers from e while a whole register's worth is left, returns their sum, advances e.</summary>
    private interface IRunGather
    {
        static abstract unsafe double Sum(double* values, ref int sources, ref int e, int end);
    }

    /// <summary>The scalar path: no vector part.</summary>
    private readonly struct GatherNone : IRunGather
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe double Sum(double* values, ref int sources, ref int e, int end) => 0;
    }

    /// <summary>Four values a gather.</summary>
    private readonly struct Gather4 : IRunGather
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe double Sum(double* values, ref int sources, ref int e, int end)
        {
            if (e + 4 > end) return 0;
            var acc = Vector256<double>.Zero;
            for (; e + 4 <= end; e += 4)
                acc += Avx2.GatherVector256(values, Vector128.LoadUnsafe(ref sources, (nuint)e), 8);
            return Vector256.Sum(acc);
        }
    }
}
