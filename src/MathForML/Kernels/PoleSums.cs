using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// The two sums of the secular equation's rational model (LAPACK dlaed4's ψ, φ and their derivatives):
/// S = Σ_j z_j²/(δ_j − t) and S′ = Σ_j (z_j/(δ_j − t))², in one pass over z and δ.
/// </summary>
/// <remarks>
/// Per element r = z_j/(δ_j − t) (on the 512-bit path for doubles by <see cref="RefinedReciprocal"/>, to about one ulp
/// instead of correctly rounded, twice as fast); the vector paths accumulate fma(z, r, s) and fma(r, r, s′) lane by lane and add the
/// lanes at the end, the scalar path (and the tails) multiply then add. Cost: 1 division and 4 flops per element.
/// </remarks>
internal static class PoleSums
{
    /// <summary>(S, S′) on the best path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (T Sum, T SumOfSquares) Compute<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> delta, T t)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Compute(z, delta, t, KernelPathSelection.Best);

    /// <summary>(S, S′) over the elements of z (δ at least as long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (T Sum, T SumOfSquares) Compute<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> delta, T t, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (delta.Length < z.Length) throw new ArgumentException("δ is shorter than z.", nameof(delta));
        if (path == KernelPath.Vector512 && typeof(T) == typeof(double) && RefinedReciprocal.IsAccelerated)
        {
            // Division-free on AVX-512 (RefinedReciprocal); a non-finite sum is redone with division below.
            var (sum, squares) = Loop<T, Vector512<T>, Vector512Lanes<T>, ReciprocalPoleSumOperator<T>>(z, delta, t);
            if (RefinedReciprocal.IsUsable(double.CreateTruncating(sum)) && RefinedReciprocal.IsUsable(double.CreateTruncating(squares)))
                return (sum, squares);
        }

        return path switch
        {
            KernelPath.Vector512 => Loop<T, Vector512<T>, Vector512Lanes<T>, PoleSumOperator<T>>(z, delta, t),
            KernelPath.Vector256 => Loop<T, Vector256<T>, Vector256Lanes<T>, PoleSumOperator<T>>(z, delta, t),
            _ => Loop<T, T, ScalarLanes<T>, PoleSumOperator<T>>(z, delta, t),
        };
    }

    /// <summary>The one loop: lane groups of <typeparamref name="TLanes"/>, then the scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (T Sum, T SumOfSquares) Loop<T, TV, TLanes, TOp>(ReadOnlySpan<T> z, ReadOnlySpan<T> delta, T t)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TLanes : ILanes<T, TV>
        where TOp : IPoleSumOperator<TV>, IPoleSumOperator<T>
    {
        ref T zRef = ref MemoryMarshal.GetReference(z);
        ref T deltaRef = ref MemoryMarshal.GetReference(delta);
        int n = z.Length, j = 0, count = TLanes.Count;
        var tv = TLanes.Create(t);
        TV sum = TLanes.Zero, squares = TLanes.Zero;
        for (; j + count <= n; j += count)
        {
            var zv = TLanes.Load(ref zRef, (nuint)j);
            var r = TOp.Ratio(zv, TLanes.Load(ref deltaRef, (nuint)j), tv);
            sum = TLanes.MultiplyAdd(zv, r, sum);
            squares = TLanes.MultiplyAdd(r, r, squares);
        }

        T s = TLanes.Sum(sum), q = TLanes.Sum(squares);
        for (; j < n; j++)
        {
            T r = TOp.Ratio(z[j], delta[j], t);
            s = ScalarLanes<T>.MultiplyAdd(z[j], r, s);
            q = ScalarLanes<T>.MultiplyAdd(r, r, q);
        }

        return (s, q);
    }
}

/// <summary>The arithmetic of <see cref="PoleSums"/>, for each register width.</summary>
internal interface IPoleSumOperator<TV> where TV : struct
{
    /// <summary>r = z/(δ − t).</summary>
    static abstract TV Ratio(TV z, TV delta, TV t);
}

/// <summary>The ratio r = z/(δ − t) on scalars and on each vector width.</summary>
internal readonly struct PoleSumOperator<T> : IPoleSumOperator<T>, IPoleSumOperator<Vector256<T>>, IPoleSumOperator<Vector512<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Ratio(T z, T delta, T t) => z / (delta - t);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Ratio(Vector256<T> z, Vector256<T> delta, Vector256<T> t) => z / (delta - t);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Ratio(Vector512<T> z, Vector512<T> delta, Vector512<T> t) => z / (delta - t);

}

/// <summary>The ratio r = z·(1/(δ − t)) with the division-free reciprocal of <see cref="RefinedReciprocal"/> (512-bit doubles; the scalar tail divides).</summary>
internal readonly struct ReciprocalPoleSumOperator<T> : IPoleSumOperator<T>, IPoleSumOperator<Vector512<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Ratio(T z, T delta, T t) => z / (delta - t);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Ratio(Vector512<T> z, Vector512<T> delta, Vector512<T> t) =>
        (z.AsDouble() * RefinedReciprocal.Of((delta - t).AsDouble())).As<double, T>();
}
