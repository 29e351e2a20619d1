using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// Merges one row of a GEMM tile into a full k-smallest list (<see cref="SmallestK"/>): the scores
/// s_t = tile[t] + norms[t] of samples first + t, for t &lt; tile.Length, in index order. A register of scores is compared
/// with the list's current worst at once, so a row where nothing enters (the usual case once the list has filled with
/// good candidates) costs one add and one compare per register; only the lanes that beat it are offered one by one.
/// </summary>
/// <remarks>
/// The worst is read afresh for each register and each offer checks the list again, so the result is the same on
/// every path: exactly the pairs a one-by-one merge would keep. Used by the fused distance-and-selection screen of
/// k-nearest-neighbour search, where <c>tile</c> holds −2·qᵀx and <c>norms</c> ‖x‖².
/// </remarks>
internal static class TileMerge
{
    /// <summary>Offers s_t = tile[t] + norms[t] with index first + t to the full list (keys, indices), on the given path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Merge<T>(ReadOnlySpan<T> tile, ReadOnlySpan<T> norms, int first, Span<T> keys, Span<int> indices, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (norms.Length < tile.Length) throw new ArgumentException("There are fewer norms than tile values.", nameof(norms));
        if (keys.IsEmpty || indices.Length != keys.Length) throw new ArgumentException("The list needs room for one pair at least, and an index per key.", nameof(indices));
        switch (path)
        {
            case KernelPath.Vector512:
                Loop<T, Vector512<T>, Vector512Lanes<T>, ThresholdOperator<T>>(tile, norms, first, keys, indices);
                break;
            case KernelPath.Vector256:
                Loop<T, Vector256<T>, Vector256Lanes<T>, ThresholdOperator<T>>(tile, norms, first, keys, indices);
                break;
            default:
                Loop<T, T, ScalarLanes<T>, ThresholdOperator<T>>(tile, norms, first, keys, indices);
                break;
        }
    }

    /// <summary>The one loop: registers of <typeparamref name="TLanes"/>, then the scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Loop<T, TV, TLanes, TOp>(ReadOnlySpan<T> tile, ReadOnlySpan<T> norms, int first, Span<T> keys, Span<int> indices)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TLanes : ILanes<T, TV>
        where TOp : IThresholdOperator<TV>, IThresholdOperator<T>
    {
        ref T tileRef = ref MemoryMarshal.GetReference(tile);
        ref T normRef = ref MemoryMarshal.GetReference(norms);
        int n = tile.Length, t = 0, count = TLanes.Count, c = keys.Length;
        for (; t + count <= n; t += count)
        {
            var scores = TLanes.Add(TLanes.Load(ref tileRef, (nuint)t), TLanes.Load(ref normRef, (nuint)t));
            ulong below = TOp.Below(scores, TLanes.Create(keys[c - 1]));
            while (below != 0)
            {
                int at = t + BitOperations.TrailingZeroCount(below);
                below &= below - 1;
                SmallestK.Offer(keys, indices, c, tile[at] + norms[at], first + at);
            }
        }

        for (; t < n; t++)
        {
            T score = tile[t] + norms[t];
            if (TOp.Below(score, keys[c - 1]) != 0) SmallestK.Offer(keys, indices, c, score, first + t);
        }
    }
}

/// <summary>The comparison of <see cref="TileMerge"/>, for each register width.</summary>
internal interface IThresholdOperator<TV> where TV : struct
{
    /// <summary>A bit mask with bit i set where lane i of <paramref name="values"/> is less than that of <paramref name="bound"/> (false for NaN).</summary>
    static abstract ulong Below(TV values, TV bound);
}

/// <summary>Scalar: one bit; vectors: a compare and the lanes' sign bits gathered (vcmpps + vmovmskps / kmov).</summary>
internal readonly struct ThresholdOperator<T> : IThresholdOperator<T>, IThresholdOperator<Vector256<T>>, IThresholdOperator<Vector512<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Below(T values, T bound) => values < bound ? 1UL : 0UL;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Below(Vector256<T> values, Vector256<T> bound) => Vector256.LessThan(values, bound).ExtractMostSignificantBits();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Below(Vector512<T> values, Vector512<T> bound) => Vector512.LessThan(values, bound).ExtractMostSignificantBits();
}
