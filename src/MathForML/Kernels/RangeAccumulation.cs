using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// One pass over a data row x (one sample, D features) that keeps each feature's range and a sum:
/// lo ← min(lo, x) and hi ← max(hi, x) element-wise, together with either the column sums s ← s + x
/// (<see cref="AddColumns{T}(ReadOnlySpan{T}, Span{T}, Span{T}, Span{T}, KernelPath)"/>, for feature means) or the row's
/// squared norm ‖x‖² = Σ_j x_j² (<see cref="SquaredNormAndRange{T}(ReadOnlySpan{T}, Span{T}, Span{T}, KernelPath)"/>,
/// for distance identities). The row is loaded once, not three times.
/// </summary>
/// <remarks>
/// Min and max are the processor's own (x86 minpd/maxpd, <see cref="Vector256.MinNative{T}(Vector256{T}, Vector256{T})"/>;
/// the scalar path keeps the old value unless x is strictly smaller/larger): with NaN in x, or −0 beside +0, which value
/// lands in lo/hi is unspecified. Callers detect NaN and ±∞ from the sum, which they make non-finite. The squared norm
/// is accumulated lane by lane with fused multiply-adds and the lanes added at the end; the tail (and the scalar path)
/// multiplies then adds. Cost: D loads, 2–3 stores per element; memory bound.
/// </remarks>
internal static class RangeAccumulation
{
    /// <summary>sum ← sum + row, lo ← min(lo, row), hi ← max(hi, row), on the best path.</summary>
    public static void AddColumns<T>(ReadOnlySpan<T> row, Span<T> sum, Span<T> lo, Span<T> hi)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        AddColumns(row, sum, lo, hi, KernelPathSelection.Best);

    /// <summary>sum ← sum + row, lo ← min(lo, row), hi ← max(hi, row) (sum, lo, hi at least as long as the row).</summary>
    public static void AddColumns<T>(ReadOnlySpan<T> row, Span<T> sum, Span<T> lo, Span<T> hi, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (sum.Length < row.Length) throw new ArgumentException("The sums are shorter than the row.", nameof(sum));
        Run<T, FlagSet>(row, sum, lo, hi, path);
    }

    /// <summary>Returns ‖row‖² and does lo ← min(lo, row), hi ← max(hi, row), on the best path.</summary>
    public static T SquaredNormAndRange<T>(ReadOnlySpan<T> row, Span<T> lo, Span<T> hi)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        SquaredNormAndRange(row, lo, hi, KernelPathSelection.Best);

    /// <summary>Returns ‖row‖² and does lo ← min(lo, row), hi ← max(hi, row) (lo, hi at least as long as the row).</summary>
    public static T SquaredNormAndRange<T>(ReadOnlySpan<T> row, Span<T> lo, Span<T> hi, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Run<T, FlagClear>(row, default, lo, hi, path);

    private static T Run<T, TColumnSums>(ReadOnlySpan<T> row, Span<T> sum, Span<T> lo, Span<T> hi, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TColumnSums : IKernelFlag
    {
        if (lo.Length < row.Length || hi.Length < row.Length) throw new ArgumentException("lo and hi must be at least as long as the row.");
        return path switch
        {
            KernelPath.Vector512 => Loop<T, Vector512<T>, Vector512Lanes<T>, RangeOperator<T>, TColumnSums>(row, sum, lo, hi),
            KernelPath.Vector256 => Loop<T, Vector256<T>, Vector256Lanes<T>, RangeOperator<T>, TColumnSums>(row, sum, lo, hi),
            _ => Loop<T, T, ScalarLanes<T>, RangeOperator<T>, TColumnSums>(row, sum, lo, hi),
        };
    }

    /// <summary>The one loop: lane groups of <typeparamref name="TLanes"/>, then the scalar tail. Returns ‖row‖² (0 with column sums).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T Loop<T, TV, TLanes, TOp, TColumnSums>(ReadOnlySpan<T> row, Span<T> sum, Span<T> lo, Span<T> hi)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TLanes : ILanes<T, TV>
        where TOp : IRangeOperator<TV>, IRangeOperator<T>
        where TColumnSums : IKernelFlag
    {
        ref T r = ref MemoryMarshal.GetReference(row);
        ref T s = ref MemoryMarshal.GetReference(sum);
        ref T l = ref MemoryMarshal.GetReference(lo);
        ref T h = ref MemoryMarshal.GetReference(hi);
        int n = row.Length, j = 0, count = TLanes.Count;
        var squares = TLanes.Zero;
        for (; j + count <= n; j += count)
        {
            var x = TLanes.Load(ref r, (nuint)j);
            if (TColumnSums.IsSet) TLanes.Store(TLanes.Add(TLanes.Load(ref s, (nuint)j), x), ref s, (nuint)j);
            else squares = TLanes.MultiplyAdd(x, x, squares);
            TLanes.Store(TOp.Min(TLanes.Load(ref l, (nuint)j), x), ref l, (nuint)j);
            TLanes.Store(TOp.Max(TLanes.Load(ref h, (nuint)j), x), ref h, (nuint)j);
        }

        T total = TLanes.Sum(squares);
        for (; j < n; j++)
        {
            T x = row[j];
            if (TColumnSums.IsSet) sum[j] = ScalarLanes<T>.Add(sum[j], x);
            else total = ScalarLanes<T>.MultiplyAdd(x, x, total);
            lo[j] = TOp.Min(lo[j], x);
            hi[j] = TOp.Max(hi[j], x);
        }

        return total;
    }
}

/// <summary>The arithmetic of <see cref="RangeAccumulation"/>, for each register width.</summary>
internal interface IRangeOperator<TV> where TV : struct
{
    /// <summary>The smaller of the running minimum m and x (either when they compare equal or one is NaN).</summary>
    static abstract TV Min(TV m, TV x);

    /// <summary>The larger of the running maximum m and x (either when they compare equal or one is NaN).</summary>
    static abstract TV Max(TV m, TV x);
}

/// <summary>Scalar bodies compare and keep; vector bodies use the native min/max instructions.</summary>
internal readonly struct RangeOperator<T> : IRangeOperator<T>, IRangeOperator<Vector256<T>>, IRangeOperator<Vector512<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Min(T m, T x) => x < m ? x : m;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Min(Vector256<T> m, Vector256<T> x) => Vector256.MinNative(m, x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Min(Vector512<T> m, Vector512<T> x) => Vector512.MinNative(m, x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Max(T m, T x) => x > m ? x : m;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Max(Vector256<T> m, Vector256<T> x) => Vector256.MaxNative(m, x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Max(Vector512<T> m, Vector512<T> x) => Vector512.MaxNative(m, x);
}
