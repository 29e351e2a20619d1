using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// The squared Euclidean distance ‖a − b‖² = Σ_j (a_j − b_j)², and the squared norm ‖a‖² = Σ_j a_j², in one pass.
/// </summary>
/// <remarks>
/// <c>TensorPrimitives.Distance</c> returns the square root, and composing the squared distance from
/// <c>TensorPrimitives</c> calls costs a pass per call; this kernel is also marked for full optimisation, so it runs at
/// full speed from the first call (library calls start at tier 0 and tier up only after many calls, which for
/// kNN's few calls per query meant the first several predictions). Two accumulators per path, two registers a step
/// (so the sums of independent steps overlap in the pipeline), fused multiply-adds; the accumulators are added lane by
/// lane, then the lanes, then the tail (fewer than two registers' worth) multiplies and adds in order. Cost: 3 flops per element.
/// </remarks>
internal static class SquaredDistance
{
    /// <summary>‖a − b‖² on the best path.</summary>
    public static T Compute<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Compute(a, b, KernelPathSelection.Best);

    /// <summary>‖a − b‖² (a and b of equal length).</summary>
    public static T Compute<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length != b.Length) throw new ArgumentException($"The vectors have lengths {a.Length} and {b.Length}.", nameof(b));
        return Run<T, FlagSet>(a, b, path);
    }

    /// <summary>‖a‖² on the best path.</summary>
    public static T Norm<T>(ReadOnlySpan<T> a)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Norm(a, KernelPathSelection.Best);

    /// <summary>‖a‖² (the distance to the origin).</summary>
    public static T Norm<T>(ReadOnlySpan<T> a, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Run<T, FlagClear>(a, default, path);

    private static T Run<T, TDifference>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TDifference : IKernelFlag =>
        path switch
        {
            KernelPath.Vector512 => Loop<T, Vector512<T>, Vector512Lanes<T>, DifferenceOperator<T>, TDifference>(a, b),
            KernelPath.Vector256 => Loop<T, Vector256<T>, Vector256Lanes<T>, DifferenceOperator<T>, TDifference>(a, b),
            _ => Loop<T, T, ScalarLanes<T>, DifferenceOperator<T>, TDifference>(a, b),
        };

    /// <summary>The one loop: two registers of <typeparamref name="TLanes"/> a step, then the scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T Loop<T, TV, TLanes, TOp, TDifference>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TLanes : ILanes<T, TV>
        where TOp : IDifferenceOperator<TV>, IDifferenceOperator<T>
        where TDifference : IKernelFlag
    {
        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        int n = a.Length, i = 0, w = TLanes.Count;
        TV s0 = TLanes.Zero, s1 = TLanes.Zero;
        for (; i + (2 * w) <= n; i += 2 * w)
        {
            var d0 = TLanes.Load(ref ra, (nuint)i);
            var d1 = TLanes.Load(ref ra, (nuint)(i + w));
            if (TDifference.IsSet)
            {
                d0 = TOp.Subtract(d0, TLanes.Load(ref rb, (nuint)i));
                d1 = TOp.Subtract(d1, TLanes.Load(ref rb, (nuint)(i + w)));
            }

            s0 = TLanes.MultiplyAdd(d0, d0, s0);
            s1 = TLanes.MultiplyAdd(d1, d1, s1);
        }

        T sum = TLanes.Sum(TLanes.Add(s0, s1));
        for (; i < n; i++)
        {
            T d = TDifference.IsSet ? TOp.Subtract(a[i], b[i]) : a[i];
            sum = ScalarLanes<T>.MultiplyAdd(d, d, sum);
        }

        return sum;
    }
}

/// <summary>The arithmetic of <see cref="SquaredDistance"/>, for each register width.</summary>
internal interface IDifferenceOperator<TV> where TV : struct
{
    /// <summary>a − b.</summary>
    static abstract TV Subtract(TV a, TV b);
}

/// <summary>Lane-wise subtraction on scalars and on each vector width.</summary>
internal readonly struct DifferenceOperator<T> : IDifferenceOperator<T>, IDifferenceOperator<Vector256<T>>, IDifferenceOperator<Vector512<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Subtract(T a, T b) => a - b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Subtract(Vector256<T> a, Vector256<T> b) => a - b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Subtract(Vector512<T> a, Vector512<T> b) => a - b;
}
