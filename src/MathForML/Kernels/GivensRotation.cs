using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// Plane (Givens) rotations of two matrix rows, the BLAS routine xROT on rows:
/// a ← c·a − s·b, b ← s·a + c·b (both on the old values), with c = cos θ and s = sin θ (LAPACK dlasr applies a
/// sequence of them, as the implicit QL/QR iterations of dsteqr record them).
/// </summary>
/// <remarks>
/// The vector paths round a ← fma(c, a, −(s·b)) and b ← fma(s, a, c·b); the scalar path (and the tails) multiply then
/// add. <see cref="Sweep"/> applies a run of rotations on consecutive row pairs to one 64-column strip with the shared row
/// held in registers; it exists for <see cref="KernelPath.Vector512"/> only (eight 512-bit registers hold the 64 columns;
/// 256-bit registers would need sixteen, all AVX2 has) and gives the same bits as rotating row pair by row pair on that
/// path. Cost: 6 flops per rotation and column.
/// </remarks>
internal static class GivensRotation
{
    /// <summary>Columns of the strip <see cref="Sweep"/> works on.</summary>
    public const int SweepWidth = 64;

    /// <summary>Whether <see cref="Sweep"/> runs on <paramref name="path"/>.</summary>
    public static bool CanSweep(KernelPath path) => path == KernelPath.Vector512;

    /// <summary>upper ← c·upper − s·lower, lower ← s·upper + c·lower, element by element (lower at least as long as upper).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Rotate<T>(Span<T> upper, Span<T> lower, T c, T s, KernelPath path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (lower.Length < upper.Length) throw new ArgumentException("The lower row is shorter than the upper one.", nameof(lower));
        switch (path)
        {
            case KernelPath.Vector512:
                Loop<T, Vector512<T>, Vector512Lanes<T>, GivensOperator<T>>(upper, lower, c, s);
                break;
            case KernelPath.Vector256:
                Loop<T, Vector256<T>, Vector256Lanes<T>, GivensOperator<T>>(upper, lower, c, s);
                break;
            default:
                Loop<T, T, ScalarLanes<T>, GivensOperator<T>>(upper, lower, c, s);
                break;
        }
    }

    /// <summary>The one loop: lane groups of <typeparamref name="TLanes"/>, then the scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Loop<T, TV, TLanes, TOp>(Span<T> upper, Span<T> lower, T c, T s)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TLanes : ILanes<T, TV>
        where TOp : IGivensOperator<TV>, IGivensOperator<T>
    {
        ref T upperRef = ref MemoryMarshal.GetReference(upper);
        ref T lowerRef = ref MemoryMarshal.GetReference(lower);
        int n = upper.Length, j = 0, count = TLanes.Count;
        var cv = TLanes.Create(c);
        var sv = TLanes.Create(s);
        for (; j + count <= n; j += count)
        {
            var a = TLanes.Load(ref upperRef, (nuint)j);
            var b = TLanes.Load(ref lowerRef, (nuint)j);
            TLanes.Store(TOp.Upper(a, b, cv, sv), ref upperRef, (nuint)j);
            TLanes.Store(TOp.Lower(a, b, cv, sv), ref lowerRef, (nuint)j);
        }

        for (; j < n; j++)
        {
            T a = upper[j], b = lower[j];
            upper[j] = TOp.Upper(a, b, c, s);
            lower[j] = TOp.Lower(a, b, c, s);
        }
    }

    /// <summary>
    /// Rotations from … to − 1 of a QL sweep (rotation t acts on rows index[t] and index[t] + 1, with
    /// (c, s) = (cs[2t], cs[2t + 1]), and index[t + 1] = index[t] − 1) on the <see cref="SweepWidth"/> columns starting at
    /// <paramref name="strip"/> of a row-major matrix with <paramref name="columns"/> columns. The row shared by
    /// consecutive rotations stays in registers, so each rotation loads one row and stores one row (instead of two
    /// each), with eight independent vectors in flight. Only where <see cref="CanSweep"/> holds for the running path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sweep(ref double strip, int columns, ReadOnlySpan<int> index, ReadOnlySpan<double> cs, int from, int to)
    {
        ref double lowerRow = ref Unsafe.Add(ref strip, (nint)(index[from] + 1) * columns);
        var b0 = Vector512.LoadUnsafe(ref lowerRow, 0);
        var b1 = Vector512.LoadUnsafe(ref lowerRow, 8);
        var b2 = Vector512.LoadUnsafe(ref lowerRow, 16);
        var b3 = Vector512.LoadUnsafe(ref lowerRow, 24);
        var b4 = Vector512.LoadUnsafe(ref lowerRow, 32);
        var b5 = Vector512.LoadUnsafe(ref lowerRow, 40);
        var b6 = Vector512.LoadUnsafe(ref lowerRow, 48);
        var b7 = Vector512.LoadUnsafe(ref lowerRow, 56);
        for (int t = from; t < to; t++)
        {
            var c = Vector512.Create(cs[2 * t]);
            var s = Vector512.Create(cs[(2 * t) + 1]);
            ref double upperRow = ref Unsafe.Add(ref strip, (nint)index[t] * columns);
            ref double finished = ref Unsafe.Add(ref upperRow, columns);
            b0 = SweepStep(ref upperRow, ref finished, 0, b0, c, s);
            b1 = SweepStep(ref upperRow, ref finished, 8, b1, c, s);
            b2 = SweepStep(ref upperRow, ref finished, 16, b2, c, s);
            b3 = SweepStep(ref upperRow, ref finished, 24, b3, c, s);
            b4 = SweepStep(ref upperRow, ref finished, 32, b4, c, s);
            b5 = SweepStep(ref upperRow, ref finished, 40, b5, c, s);
            b6 = SweepStep(ref upperRow, ref finished, 48, b6, c, s);
            b7 = SweepStep(ref upperRow, ref finished, 56, b7, c, s);
        }

        ref double lastRow = ref Unsafe.Add(ref strip, (nint)index[to - 1] * columns);
        b0.StoreUnsafe(ref lastRow, 0);
        b1.StoreUnsafe(ref lastRow, 8);
        b2.StoreUnsafe(ref lastRow, 16);
        b3.StoreUnsafe(ref lastRow, 24);
        b4.StoreUnsafe(ref lastRow, 32);
        b5.StoreUnsafe(ref lastRow, 40);
        b6.StoreUnsafe(ref lastRow, 48);
        b7.StoreUnsafe(ref lastRow, 56);
    }

    /// <summary>a = row i (loaded), b = row i+1 (carried): stores the final row i+1, returns the new row i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> SweepStep(ref double upperRow, ref double finished, nuint offset, Vector512<double> b,
        Vector512<double> c, Vector512<double> s)
    {
        var a = Vector512.LoadUnsafe(ref upperRow, offset);
        GivensOperator<double>.Lower(a, b, c, s).StoreUnsafe(ref finished, offset);
        return GivensOperator<double>.Upper(a, b, c, s);
    }
}

/// <summary>The arithmetic of <see cref="GivensRotation"/>, for each register width.</summary>
internal interface IGivensOperator<TV> where TV : struct
{
    /// <summary>c·a − s·b.</summary>
    static abstract TV Upper(TV a, TV b, TV c, TV s);

    /// <summary>s·a + c·b.</summary>
    static abstract TV Lower(TV a, TV b, TV c, TV s);
}

/// <summary>Scalar bodies multiply then add; vector bodies fuse the last multiply with the add.</summary>
internal readonly struct GivensOperator<T> : IGivensOperator<T>, IGivensOperator<Vector256<T>>, IGivensOperator<Vector512<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Upper(T a, T b, T c, T s) => (c * a) - (s * b);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Upper(Vector256<T> a, Vector256<T> b, Vector256<T> c, Vector256<T> s) => FusedMultiplyAdd.Apply(c, a, -(s * b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Upper(Vector512<T> a, Vector512<T> b, Vector512<T> c, Vector512<T> s) => FusedMultiplyAdd.Apply(c, a, -(s * b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Lower(T a, T b, T c, T s) => (s * a) + (c * b);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Lower(Vector256<T> a, Vector256<T> b, Vector256<T> c, Vector256<T> s) => FusedMultiplyAdd.Apply(s, a, c * b);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Lower(Vector512<T> a, Vector512<T> b, Vector512<T> c, Vector512<T> s) => FusedMultiplyAdd.Apply(s, a, c * b);
}
