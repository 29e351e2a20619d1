using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// The two O(K)-per-entry loops that turn the roots of the secular equation into what a values-only divide and conquer
/// needs of the eigenvectors (Gu and Eisenstat, SIAM J. Matrix Anal. Appl. 16, 1995; LAPACK dlaed3's loops):
/// Löwner's product Π_i (λ_i − d_j)/(d_i − d_j) over a range of roots i, and, for one root λ_i = d_o + τ, the sums
/// Σ_j f_j·w_j, Σ_j l_j·w_j and Σ_j w_j² with w_j = ẑ_j/((d_j − d_o) − τ) — two rows of the unnormalised eigenvector
/// and its squared norm, without forming it.
/// </summary>
/// <remarks>
/// Every root is carried as (d_o, τ) with λ = d_o + τ, so λ_i − d_j = (d_o − d_j) + τ and d_j − λ_i = (d_j − d_o) − τ
/// keep full relative accuracy (d_o − d_j and d_j − d_o are exact or nearly, the poles being close). The vector paths
/// keep lane products and lane sums (fma) and combine the lanes at the end; the scalar path and the tails multiply then
/// add. Cost: one division per element in both loops, with 2 and 7 further flops; the 512-bit path replaces the division by
/// <see cref="RefinedReciprocal"/> (about one ulp instead of correctly rounded) and redoes a non-finite result with division.
/// </remarks>
internal static class SecularVectorSums
{
    /// <summary>Π_i ((d_{o_i} − d_j) + τ_i)/(d_i − d_j) over the elements of <paramref name="poleOfRoot"/> (λ_i − d_j over d_i − d_j).</summary>
    /// <param name="poleOfRoot">d_{o_i}, the pole each root is measured from.</param>
    /// <param name="tau">τ_i, the root's offset from that pole.</param>
    /// <param name="pole">d_i, the poles (no element equal to <paramref name="dj"/>: leave j out of the range).</param>
    /// <param name="dj">The pole d_j whose Löwner product is wanted.</param>
    /// <param name="path">The kernel path (tests force each one).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double LownerProduct(ReadOnlySpan<double> poleOfRoot, ReadOnlySpan<double> tau, ReadOnlySpan<double> pole, double dj, KernelPath path)
    {
        if (tau.Length < poleOfRoot.Length || pole.Length < poleOfRoot.Length)
            throw new ArgumentException("τ and the poles must be as long as the roots' poles.");
        return path switch
        {
            KernelPath.Vector512 when Vector512.IsHardwareAccelerated => Product512(poleOfRoot, tau, pole, dj) is var p && RefinedReciprocal.IsUsable(p)
                ? p : ProductTail(poleOfRoot, tau, pole, dj, 0, 1.0),
            KernelPath.Vector256 when Vector256.IsHardwareAccelerated => Product256(poleOfRoot, tau, pole, dj),
            _ => ProductTail(poleOfRoot, tau, pole, dj, 0, 1.0),
        };
    }

    /// <summary>
    /// For the root λ = d_o + τ: (Σ_j f_j·w_j, Σ_j l_j·w_j, Σ_j w_j²) with w_j = ẑ_j/((d_j − d_o) − τ), over the elements of
    /// <paramref name="zHat"/> (the other spans at least as long).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double First, double Last, double Norm2) BoundarySums(ReadOnlySpan<double> zHat, ReadOnlySpan<double> pole,
        ReadOnlySpan<double> first, ReadOnlySpan<double> last, double poleOfRoot, double tau, KernelPath path)
    {
        int k = zHat.Length;
        if (pole.Length < k || first.Length < k || last.Length < k)
            throw new ArgumentException("The poles and both rows must be as long as ẑ.");
        return path switch
        {
            KernelPath.Vector512 when Vector512.IsHardwareAccelerated => Sums512(zHat, pole, first, last, poleOfRoot, tau) is var s
                && RefinedReciprocal.IsUsable(s.Item1) && RefinedReciprocal.IsUsable(s.Item2) && RefinedReciprocal.IsUsable(s.Item3)
                ? s : SumsTail(zHat, pole, first, last, poleOfRoot, tau, 0, (0, 0, 0)),
            KernelPath.Vector256 when Vector256.IsHardwareAccelerated => Sums256(zHat, pole, first, last, poleOfRoot, tau),
            _ => SumsTail(zHat, pole, first, last, poleOfRoot, tau, 0, (0, 0, 0)),
        };
    }

    /// <summary>
    /// One row of the secular eigenvector matrix before normalisation: row[i] = ẑ_j/((d_j − d_{o_i}) − τ_i) for every root i
    /// (<paramref name="poleOfRoot"/>, <paramref name="tau"/> and <paramref name="row"/> equally long).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Ratios(double zHat, double dj, ReadOnlySpan<double> poleOfRoot, ReadOnlySpan<double> tau, Span<double> row, KernelPath path)
    {
        int k = row.Length;
        if (poleOfRoot.Length < k || tau.Length < k) throw new ArgumentException("The roots' poles and τ must be as long as the row.");
        int i = 0;
        if (path == KernelPath.Vector512 && Vector512.IsHardwareAccelerated) i = Ratios512(zHat, dj, poleOfRoot, tau, row);
        else if (path == KernelPath.Vector256 && Vector256.IsHardwareAccelerated) i = Ratios256(zHat, dj, poleOfRoot, tau, row);
        for (; i < k; i++) row[i] = zHat / ((dj - poleOfRoot[i]) - tau[i]);
    }

    /// <summary>The 512-bit body of <see cref="Ratios"/>: whole registers with the refined reciprocal, redone by division where it is not finite; returns the first index left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Ratios512(double zHat, double dj, ReadOnlySpan<double> poleOfRoot, ReadOnlySpan<double> tau, Span<double> row)
    {
        ref double oRef = ref MemoryMarshal.GetReference(poleOfRoot);
        ref double tRef = ref MemoryMarshal.GetReference(tau);
        ref double rRef = ref MemoryMarshal.GetReference(row);
        int k = row.Length, i = 0;
        var zv = Vector512.Create(zHat);
        var djv = Vector512.Create(dj);
        for (; i + Vector512<double>.Count <= k; i += Vector512<double>.Count)
        {
            var difference = (djv - Vector512.LoadUnsafe(ref oRef, (nuint)i)) - Vector512.LoadUnsafe(ref tRef, (nuint)i);
            var ratio = zv * RefinedReciprocal.Of(difference);
            if (!Vector512.IsNaN(ratio).Equals(Vector512<double>.Zero) || !Vector512.IsInfinity(ratio).Equals(Vector512<double>.Zero))
                ratio = zv / difference;
            ratio.StoreUnsafe(ref rRef, (nuint)i);
        }

        return i;
    }

    /// <summary>The 256-bit body of <see cref="Ratios"/>; returns the first index left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Ratios256(double zHat, double dj, ReadOnlySpan<double> poleOfRoot, ReadOnlySpan<double> tau, Span<double> row)
    {
        ref double oRef = ref MemoryMarshal.GetReference(poleOfRoot);
        ref double tRef = ref MemoryMarshal.GetReference(tau);
        ref double rRef = ref MemoryMarshal.GetReference(row);
        int k = row.Length, i = 0;
        var zv = Vector256.Create(zHat);
        var djv = Vector256.Create(dj);
        for (; i + Vector256<double>.Count <= k; i += Vector256<double>.Count)
        {
            var difference = (djv - Vector256.LoadUnsafe(ref oRef, (nuint)i)) - Vector256.LoadUnsafe(ref tRef, (nuint)i);
            (zv / difference).StoreUnsafe(ref rRef, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Product512(ReadOnlySpan<double> poleOfRoot, ReadOnlySpan<double> tau, ReadOnlySpan<double> pole, double dj)
    {
        ref double oRef = ref MemoryMarshal.GetReference(poleOfRoot);
        ref double tRef = ref MemoryMarshal.GetReference(tau);
        ref double dRef = ref MemoryMarshal.GetReference(pole);
        int n = poleOfRoot.Length, i = 0;
        var djv = Vector512.Create(dj);
        var product = Vector512<double>.One;
        for (; i + Vector512<double>.Count <= n; i += Vector512<double>.Count)
        {
            var numerator = (Vector512.LoadUnsafe(ref oRef, (nuint)i) - djv) + Vector512.LoadUnsafe(ref tRef, (nuint)i);
            product *= numerator * RefinedReciprocal.Of(Vector512.LoadUnsafe(ref dRef, (nuint)i) - djv);
        }

        return ProductTail(poleOfRoot, tau, pole, dj, i, LaneProduct(product.GetLower()) * LaneProduct(product.GetUpper()));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Product256(ReadOnlySpan<double> poleOfRoot, ReadOnlySpan<double> tau, ReadOnlySpan<double> pole, double dj)
    {
        ref double oRef = ref MemoryMarshal.GetReference(poleOfRoot);
        ref double tRef = ref MemoryMarshal.GetReference(tau);
        ref double dRef = ref MemoryMarshal.GetReference(pole);
        int n = poleOfRoot.Length, i = 0;
        var djv = Vector256.Create(dj);
        var product = Vector256<double>.One;
        for (; i + Vector256<double>.Count <= n; i += Vector256<double>.Count)
        {
            var numerator = (Vector256.LoadUnsafe(ref oRef, (nuint)i) - djv) + Vector256.LoadUnsafe(ref tRef, (nuint)i);
            product *= numerator / (Vector256.LoadUnsafe(ref dRef, (nuint)i) - djv);
        }

        return ProductTail(poleOfRoot, tau, pole, dj, i, LaneProduct(product));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LaneProduct(Vector256<double> v) => v[0] * v[1] * (v[2] * v[3]);

    private static double ProductTail(ReadOnlySpan<double> poleOfRoot, ReadOnlySpan<double> tau, ReadOnlySpan<double> pole, double dj, int from, double product)
    {
        for (int i = from; i < poleOfRoot.Length; i++) product *= ((poleOfRoot[i] - dj) + tau[i]) / (pole[i] - dj);
        return product;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double, double, double) Sums512(ReadOnlySpan<double> zHat, ReadOnlySpan<double> pole, ReadOnlySpan<double> first,
        ReadOnlySpan<double> last, double poleOfRoot, double tau)
    {
        ref double zRef = ref MemoryMarshal.GetReference(zHat);
        ref double dRef = ref MemoryMarshal.GetReference(pole);
        ref double fRef = ref MemoryMarshal.GetReference(first);
        ref double lRef = ref MemoryMarshal.GetReference(last);
        int n = zHat.Length, j = 0;
        var ov = Vector512.Create(poleOfRoot);
        var tv = Vector512.Create(tau);
        Vector512<double> sf = default, sl = default, sn = default;
        for (; j + Vector512<double>.Count <= n; j += Vector512<double>.Count)
        {
            var w = Vector512.LoadUnsafe(ref zRef, (nuint)j) * RefinedReciprocal.Of((Vector512.LoadUnsafe(ref dRef, (nuint)j) - ov) - tv);
            sf = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref fRef, (nuint)j), w, sf);
            sl = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref lRef, (nuint)j), w, sl);
            sn = Vector512.FusedMultiplyAdd(w, w, sn);
        }

        return SumsTail(zHat, pole, first, last, poleOfRoot, tau, j, (Vector512.Sum(sf), Vector512.Sum(sl), Vector512.Sum(sn)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double, double, double) Sums256(ReadOnlySpan<double> zHat, ReadOnlySpan<double> pole, ReadOnlySpan<double> first,
        ReadOnlySpan<double> last, double poleOfRoot, double tau)
    {
        ref double zRef = ref MemoryMarshal.GetReference(zHat);
        ref double dRef = ref MemoryMarshal.GetReference(pole);
        ref double fRef = ref MemoryMarshal.GetReference(first);
        ref double lRef = ref MemoryMarshal.GetReference(last);
        int n = zHat.Length, j = 0;
        var ov = Vector256.Create(poleOfRoot);
        var tv = Vector256.Create(tau);
        Vector256<double> sf = default, sl = default, sn = default;
        for (; j + Vector256<double>.Count <= n; j += Vector256<double>.Count)
        {
            var w = Vector256.LoadUnsafe(ref zRef, (nuint)j) / ((Vector256.LoadUnsafe(ref dRef, (nuint)j) - ov) - tv);
            sf = FusedMultiplyAdd.Apply(Vector256.LoadUnsafe(ref fRef, (nuint)j), w, sf);
            sl = FusedMultiplyAdd.Apply(Vector256.LoadUnsafe(ref lRef, (nuint)j), w, sl);
            sn = FusedMultiplyAdd.Apply(w, w, sn);
        }

        return SumsTail(zHat, pole, first, last, poleOfRoot, tau, j, (Vector256.Sum(sf), Vector256.Sum(sl), Vector256.Sum(sn)));
    }

    private static (double, double, double) SumsTail(ReadOnlySpan<double> zHat, ReadOnlySpan<double> pole, ReadOnlySpan<double> first,
        ReadOnlySpan<double> last, double poleOfRoot, double tau, int from, (double F, double L, double N) sums)
    {
        for (int j = from; j < zHat.Length; j++)
        {
            double w = zHat[j] / ((pole[j] - poleOfRoot) - tau);
            sums.F += first[j] * w;
            sums.L += last[j] * w;
            sums.N += w * w;
        }

        return sums;
    }
}
