using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// An elementary reflector H = I − τ·v·vᵀ (v[0] = 1) applied to the small dense blocks of a band matrix's bulge chase:
/// both sides of a symmetric block (LAPACK dlarfy, lower triangle), the right of a block (dlarfx 'Right') or its left
/// (dlarfx 'Left'). The blocks are at most the bandwidth (32–64) on a side and lie in a row-major matrix of row stride
/// ld, so every row segment is contiguous and the block sits in L1: the kernel is one short vector loop per row.
/// </summary>
/// <remarks>
/// <para>
/// Both sides, B ← H·B·H for symmetric B (Golub and Van Loan, 4th ed., §8.3.1): w = τ·B·v, w ← w − (τ/2)(wᵀv)·v, then
/// B ← B − v·wᵀ − w·vᵀ. B·v is read from the lower triangle alone, row i giving w_i its dot with v[0..i] and adding
/// v_i·B[i, 0..i−1] into w[0..i−1]; the rank-2 update writes the lower triangle only. Right: each row c ← c − τ(c·v)vᵀ.
/// Left: y = Σᵣ v_r·C[r, ·], then each row C[r, ·] ← C[r, ·] − τ·v_r·y.
/// </para>
/// <para>
/// Used by <see cref="LinearAlgebra.Eigen.BandTridiagonalization"/> (LAPACK dsb2st_kernels); 8·n²·b flops over the
/// whole chase of an order-n, bandwidth-b matrix. The vector paths fuse multiply-adds, the scalar one does not, so the
/// paths agree to rounding.
/// </para>
/// </remarks>
internal static class BandReflectors
{
    /// <summary>
    /// B ← H·B·H on the lower triangle of the L×L block whose first element is a[<paramref name="origin"/>] (row stride
    /// <paramref name="ld"/>, L = v.Length); <paramref name="w"/> is scratch of at least L.
    /// </summary>
    public static void TwoSided(Span<double> a, int origin, int ld, ReadOnlySpan<double> v, double tau, Span<double> w, KernelPath path)
    {
        int length = v.Length;
        Check(a, origin, ld, length, length, w.Length, length);
        if (tau == 0) return;
        switch (path)
        {
            case KernelPath.Vector512: TwoSided<Vector512<double>, Vector512Lanes<double>>(ref Origin(a, origin), ld, v, tau, w); break;
            case KernelPath.Vector256: TwoSided<Vector256<double>, Vector256Lanes<double>>(ref Origin(a, origin), ld, v, tau, w); break;
            default: TwoSided<double, ScalarLanes<double>>(ref Origin(a, origin), ld, v, tau, w); break;
        }
    }

    /// <summary>C ← C·H for the <paramref name="rows"/>×L block at a[<paramref name="origin"/>] (row stride <paramref name="ld"/>, L = v.Length).</summary>
    public static void FromRight(Span<double> a, int origin, int ld, int rows, ReadOnlySpan<double> v, double tau, KernelPath path)
    {
        Check(a, origin, ld, rows, v.Length, 0, 0);
        if (tau == 0 || rows == 0) return;
        switch (path)
        {
            case KernelPath.Vector512: FromRight<Vector512<double>, Vector512Lanes<double>>(ref Origin(a, origin), ld, rows, v, tau); break;
            case KernelPath.Vector256: FromRight<Vector256<double>, Vector256Lanes<double>>(ref Origin(a, origin), ld, rows, v, tau); break;
            default: FromRight<double, ScalarLanes<double>>(ref Origin(a, origin), ld, rows, v, tau); break;
        }
    }

    /// <summary>
    /// C ← H·C for the L×<paramref name="columns"/> block at a[<paramref name="origin"/>] (row stride <paramref name="ld"/>,
    /// L = v.Length); <paramref name="y"/> is scratch of at least <paramref name="columns"/>.
    /// </summary>
    public static void FromLeft(Span<double> a, int origin, int ld, int columns, ReadOnlySpan<double> v, double tau, Span<double> y, KernelPath path)
    {
        Check(a, origin, ld, v.Length, columns, y.Length, columns);
        if (tau == 0 || columns == 0) return;
        switch (path)
        {
            case KernelPath.Vector512: FromLeft<Vector512<double>, Vector512Lanes<double>>(ref Origin(a, origin), ld, columns, v, tau, y); break;
            case KernelPath.Vector256: FromLeft<Vector256<double>, Vector256Lanes<double>>(ref Origin(a, origin), ld, columns, v, tau, y); break;
            default: FromLeft<double, ScalarLanes<double>>(ref Origin(a, origin), ld, columns, v, tau, y); break;
        }
    }

    /// <summary>The block (rows×columns at origin, stride ld) lies in a, and the scratch holds what it must.</summary>
    private static void Check(Span<double> a, int origin, int ld, int rows, int columns, int scratch, int scratchNeeded)
    {
        if (rows > 0 && columns > 0 && (origin < 0 || columns > ld || (long)origin + ((long)(rows - 1) * ld) + columns > a.Length))
            throw new ArgumentOutOfRangeException(nameof(origin), $"A {rows}×{columns} block at {origin} (stride {ld}) does not fit in {a.Length} elements.");
        if (scratch < scratchNeeded) throw new ArgumentException($"The scratch needs {scratchNeeded} elements, has {scratch}.", nameof(a));
    }

    private static ref double Origin(Span<double> a, int origin) => ref Unsafe.Add(ref MemoryMarshal.GetReference(a), origin);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TwoSided<TV, TLanes>(ref double b, int ld, ReadOnlySpan<double> v, double tau, Span<double> w)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        int length = v.Length;
        ref double vRef = ref MemoryMarshal.GetReference(v);
        ref double wRef = ref MemoryMarshal.GetReference(w);
        w[..length].Clear();
        for (int i = 0; i < length; i++)
        {
            ref double row = ref Unsafe.Add(ref b, (nint)i * ld);
            Unsafe.Add(ref wRef, i) += Dot<TV, TLanes>(ref row, ref vRef, i + 1);
            AddScaled<TV, TLanes>(ref wRef, ref row, v[i], i);
        }

        double dot = 0;
        for (int i = 0; i < length; i++)
        {
            w[i] *= tau;
            dot += w[i] * v[i];
        }

        AddScaled<TV, TLanes>(ref wRef, ref vRef, -0.5 * tau * dot, length);
        for (int i = 0; i < length; i++)
            AddTwoScaled<TV, TLanes>(ref Unsafe.Add(ref b, (nint)i * ld), ref wRef, -v[i], ref vRef, -w[i], i + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FromRight<TV, TLanes>(ref double c, int ld, int rows, ReadOnlySpan<double> v, double tau)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        int length = v.Length;
        ref double vRef = ref MemoryMarshal.GetReference(v);
        for (int r = 0; r < rows; r++)
        {
            ref double row = ref Unsafe.Add(ref c, (nint)r * ld);
            AddScaled<TV, TLanes>(ref row, ref vRef, -tau * Dot<TV, TLanes>(ref row, ref vRef, length), length);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FromLeft<TV, TLanes>(ref double c, int ld, int columns, ReadOnlySpan<double> v, double tau, Span<double> y)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        int rows = v.Length;
        ref double yRef = ref MemoryMarshal.GetReference(y);
        y[..columns].Clear();
        for (int r = 0; r < rows; r++) AddScaled<TV, TLanes>(ref yRef, ref Unsafe.Add(ref c, (nint)r * ld), v[r], columns);
        for (int r = 0; r < rows; r++) AddScaled<TV, TLanes>(ref Unsafe.Add(ref c, (nint)r * ld), ref yRef, -tau * v[r], columns);
    }

    /// <summary>Σ x[j]·y[j] for j &lt; length: lane accumulators, then the scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Dot<TV, TLanes>(ref double x, ref double y, int length)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        int count = TLanes.Count, j = 0;
        var acc = TLanes.Zero;
        for (; j + count <= length; j += count) acc = TLanes.MultiplyAdd(TLanes.Load(ref x, (nuint)j), TLanes.Load(ref y, (nuint)j), acc);
        double sum = TLanes.Sum(acc);
        for (; j < length; j++) sum += Unsafe.Add(ref x, j) * Unsafe.Add(ref y, j);
        return sum;
    }

    /// <summary>y[j] += α·x[j] for j &lt; length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddScaled<TV, TLanes>(ref double y, ref double x, double alpha, int length)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        int count = TLanes.Count, j = 0;
        var s = TLanes.Create(alpha);
        for (; j + count <= length; j += count)
            TLanes.Store(TLanes.MultiplyAdd(TLanes.Load(ref x, (nuint)j), s, TLanes.Load(ref y, (nuint)j)), ref y, (nuint)j);
        for (; j < length; j++) Unsafe.Add(ref y, j) += Unsafe.Add(ref x, j) * alpha;
    }

    /// <summary>y[j] += α·x[j] + β·z[j] for j &lt; length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTwoScaled<TV, TLanes>(ref double y, ref double x, double alpha, ref double z, double beta, int length)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        int count = TLanes.Count, j = 0;
        var s = TLanes.Create(alpha);
        var t = TLanes.Create(beta);
        for (; j + count <= length; j += count)
        {
            var sum = TLanes.MultiplyAdd(TLanes.Load(ref x, (nuint)j), s, TLanes.Load(ref y, (nuint)j));
            TLanes.Store(TLanes.MultiplyAdd(TLanes.Load(ref z, (nuint)j), t, sum), ref y, (nuint)j);
        }

        for (; j < length; j++) Unsafe.Add(ref y, j) += (Unsafe.Add(ref x, j) * alpha) + (Unsafe.Add(ref z, j) * beta);
    }
}
