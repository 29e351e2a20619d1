using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// The inner step of the fused Householder tridiagonalisation pass (LAPACK dsytd2/dlatrd with UPLO = 'L', the
/// symmetric rank-2 update xSYR2 fused with the symmetric product xSYMV): for one row piece x of the lower triangle,
/// x ← x − v_r·w − w_r·v (the previous reflector's update A ← A − v·wᵀ − w·vᵀ), then returns x·u and does
/// p ← p + u_r·x (the row's share of p = A·u, both the row dot and, by symmetry, the column axpy).
/// </summary>
/// <remarks>
/// Each element of x is loaded and stored once for all three operations. Per lane group the vector paths round as
/// fma(−v_r, w, x) then fma(−w_r, v, ·), acc ← fma(x, u, acc), p ← fma(x, u_r, p); the dot's lane sums are added at the
/// end (<see cref="Vector256.Sum{T}(Vector256{T})"/>) and the tail (and the scalar path) continues in plain
/// multiply-then-add. Cost: 8 flops per element with the update, 4 without; memory bound.
/// </remarks>
internal static class TridiagonalRowUpdate
{
    /// <summary>Returns row·u and does p ← p + ur·row, on the best path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T DotAndAxpy<T>(Span<T> row, ReadOnlySpan<T> u, Span<T> p, T ur)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        DotAndAxpy(row, u, p, ur, KernelPathSelection.Best);

    /// <summary>Returns row·u and does p ← p + ur·row (u and p at least as long as row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T DotAndAxpy<T>(Span<T> row, ReadOnlySpan<T> u, Span<T> p, T ur, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Run<T, FlagClear>(row, default, default, u, p, T.Zero, T.Zero, ur, path);

    /// <summary>row ← row − vr·w − wr·v, then returns row·u and does p ← p + ur·row, on the best path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T UpdateDotAndAxpy<T>(Span<T> row, ReadOnlySpan<T> v, ReadOnlySpan<T> w, ReadOnlySpan<T> u, Span<T> p,
        T vr, T wr, T ur)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        UpdateDotAndAxpy(row, v, w, u, p, vr, wr, ur, KernelPathSelection.Best);

    /// <summary>row ← row − vr·w − wr·v, then returns row·u and does p ← p + ur·row (v, w, u, p at least as long as row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T UpdateDotAndAxpy<T>(Span<T> row, ReadOnlySpan<T> v, ReadOnlySpan<T> w, ReadOnlySpan<T> u, Span<T> p,
        T vr, T wr, T ur, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (v.Length < row.Length || w.Length < row.Length) ThrowShort();
        return Run<T, FlagSet>(row, v, w, u, p, vr, wr, ur, path);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Run<T, TUpdate>(Span<T> row, ReadOnlySpan<T> v, ReadOnlySpan<T> w, ReadOnlySpan<T> u, Span<T> p,
        T vr, T wr, T ur, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TUpdate : IKernelFlag
    {
        if (u.Length < row.Length || p.Length < row.Length) ThrowShort();
        return path switch
        {
            KernelPath.Vector512 => Loop<T, Vector512<T>, Vector512Lanes<T>, TridiagonalRowOperator<T>, TUpdate>(row, v, w, u, p, vr, wr, ur),
            KernelPath.Vector256 => Loop<T, Vector256<T>, Vector256Lanes<T>, TridiagonalRowOperator<T>, TUpdate>(row, v, w, u, p, vr, wr, ur),
            _ => Loop<T, T, ScalarLanes<T>, TridiagonalRowOperator<T>, TUpdate>(row, v, w, u, p, vr, wr, ur),
        };
    }

    /// <summary>The one loop: lane groups of <typeparamref name="TLanes"/>, then the scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T Loop<T, TV, TLanes, TOp, TUpdate>(Span<T> row, ReadOnlySpan<T> v, ReadOnlySpan<T> w, ReadOnlySpan<T> u, Span<T> p,
        T vr, T wr, T ur)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TLanes : ILanes<T, TV>
        where TOp : ITridiagonalRowOperator<TV>, ITridiagonalRowOperator<T>
        where TUpdate : IKernelFlag
    {
        ref T rowRef = ref MemoryMarshal.GetReference(row);
        ref T vRef = ref MemoryMarshal.GetReference(v);
        ref T wRef = ref MemoryMarshal.GetReference(w);
        ref T uRef = ref MemoryMarshal.GetReference(u);
        ref T pRef = ref MemoryMarshal.GetReference(p);
        int n = row.Length, j = 0, count = TLanes.Count;
        var acc = TLanes.Zero;
        var minusVr = TLanes.Create(-vr);
        var minusWr = TLanes.Create(-wr);
        var urv = TLanes.Create(ur);
        for (; j + count <= n; j += count)
        {
            var x = TLanes.Load(ref rowRef, (nuint)j);
            if (TUpdate.IsSet)
            {
                x = TOp.Update(x, TLanes.Load(ref vRef, (nuint)j), TLanes.Load(ref wRef, (nuint)j), minusVr, minusWr);
                TLanes.Store(x, ref rowRef, (nuint)j);
            }

            acc = TLanes.MultiplyAdd(x, TLanes.Load(ref uRef, (nuint)j), acc);
            TLanes.Store(TLanes.MultiplyAdd(x, urv, TLanes.Load(ref pRef, (nuint)j)), ref pRef, (nuint)j);
        }

        T dot = TLanes.Sum(acc);
        for (; j < n; j++)
        {
            T x = row[j];
            if (TUpdate.IsSet)
            {
                x = TOp.Update(x, v[j], w[j], -vr, -wr);
                row[j] = x;
            }

            dot = ScalarLanes<T>.MultiplyAdd(x, u[j], dot);
            p[j] = ScalarLanes<T>.MultiplyAdd(x, ur, p[j]);
        }

        return dot;
    }

    private static void ThrowShort() =>
        throw new ArgumentException("v, w, u and p must be at least as long as the row.");
}

/// <summary>The arithmetic of <see cref="TridiagonalRowUpdate"/>, for each register width.</summary>
internal interface ITridiagonalRowOperator<TV> where TV : struct
{
    /// <summary>x − v_r·w − w_r·v, given −v_r and −w_r: rounded as (x − v_r·w) − w_r·v.</summary>
    static abstract TV Update(TV x, TV v, TV w, TV minusVr, TV minusWr);
}

/// <summary>The rank-2 row update: scalar bodies multiply then add (two roundings each), vector bodies fuse.</summary>
internal readonly struct TridiagonalRowOperator<T> :
    ITridiagonalRowOperator<T>, ITridiagonalRowOperator<Vector256<T>>, ITridiagonalRowOperator<Vector512<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Update(T x, T v, T w, T minusVr, T minusWr) => x + (minusVr * w) + (minusWr * v);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Update(Vector256<T> x, Vector256<T> v, Vector256<T> w, Vector256<T> minusVr, Vector256<T> minusWr) =>
        FusedMultiplyAdd.Apply(minusWr, v, FusedMultiplyAdd.Apply(minusVr, w, x));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Update(Vector512<T> x, Vector512<T> v, Vector512<T> w, Vector512<T> minusVr, Vector512<T> minusWr) =>
        FusedMultiplyAdd.Apply(minusWr, v, FusedMultiplyAdd.Apply(minusVr, w, x));

}
