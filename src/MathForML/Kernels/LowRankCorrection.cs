using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// The two skinny matrix-vector products of a Householder panel (the xGEMV calls of LAPACK dlatrd), for k row vectors
/// X_0 … X_{k−1} of length m stored row-major with leading dimension ld: the dot products r_l = X_l·v (Xᵀ… as a
/// k×m product X·v), and the correction t ← t − Σ_l (α_l·X_l + β_l·Y_l) of one vector by two such panels.
/// </summary>
/// <remarks>
/// Written here rather than with TensorPrimitives because the panel calls them a few times per column on short rows:
/// fully optimised from the first call (no tier-0 code in a one-shot reduction) and with the correction fused into one
/// pass over t (each lane group of t is loaded and stored once for all 2k rows). Vector paths accumulate with fused
/// multiply-add (dot lanes summed at the end of the row), the tail and the scalar path multiply then add.
/// Cost: 2km flops each; k ≤ nb is small, so both read the panel rows once and are bound by that.
/// </remarks>
internal static class LowRankCorrection
{
    /// <summary>result[l] = X_l·v for l = 0 … k−1, X_l = x[l·ld .. l·ld + m).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dots(ReadOnlySpan<double> x, int ld, int k, int m, ReadOnlySpan<double> v, Span<double> result, KernelPath path)
    {
        KernelArguments.Operand("X", k, m, ld, x.Length);
        if (v.Length < m || result.Length < k) throw new ArgumentException($"v needs {m} values and result {k}.");
        for (int l = 0; l < k; l++)
        {
            var row = x.Slice(l * ld, m);
            result[l] = path switch
            {
                KernelPath.Vector512 => Dot<Vector512<double>, Vector512Lanes<double>>(row, v),
                KernelPath.Vector256 => Dot<Vector256<double>, Vector256Lanes<double>>(row, v),
                _ => Dot<double, ScalarLanes<double>>(row, v),
            };
        }
    }

    /// <summary>t ← t − Σ_{l&lt;k} (α_l·X_l + β_l·Y_l) over the first m entries of t, X_l = x[l·ldx ..], Y_l = y[l·ldy ..].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Subtract(ReadOnlySpan<double> x, int ldx, ReadOnlySpan<double> y, int ldy, int k, int m,
        ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, Span<double> t, KernelPath path)
    {
        KernelArguments.Operand("X", k, m, ldx, x.Length);
        KernelArguments.Operand("Y", k, m, ldy, y.Length);
        if (alpha.Length < k || beta.Length < k || t.Length < m) throw new ArgumentException($"alpha and beta need {k} values and t {m}.");
        if (k == 0 || m == 0) return;
        switch (path)
        {
            case KernelPath.Vector512: Subtract<Vector512<double>, Vector512Lanes<double>>(x, ldx, y, ldy, k, m, alpha, beta, t); break;
            case KernelPath.Vector256: Subtract<Vector256<double>, Vector256Lanes<double>>(x, ldx, y, ldy, k, m, alpha, beta, t); break;
            default: Subtract<double, ScalarLanes<double>>(x, ldx, y, ldy, k, m, alpha, beta, t); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot<TV, TLanes>(ReadOnlySpan<double> row, ReadOnlySpan<double> v)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        ref double rowRef = ref MemoryMarshal.GetReference(row);
        ref double vRef = ref MemoryMarshal.GetReference(v);
        int m = row.Length, j = 0, count = TLanes.Count;
        var acc0 = TLanes.Zero;
        var acc1 = TLanes.Zero;
        for (; j + 2 * count <= m; j += 2 * count)
        {
            acc0 = TLanes.MultiplyAdd(TLanes.Load(ref rowRef, (nuint)j), TLanes.Load(ref vRef, (nuint)j), acc0);
            acc1 = TLanes.MultiplyAdd(TLanes.Load(ref rowRef, (nuint)(j + count)), TLanes.Load(ref vRef, (nuint)(j + count)), acc1);
        }

        double dot = TLanes.Sum(TLanes.Add(acc0, acc1));
        for (; j < m; j++) dot += Unsafe.Add(ref rowRef, j) * Unsafe.Add(ref vRef, j);
        return dot;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Subtract<TV, TLanes>(ReadOnlySpan<double> x, int ldx, ReadOnlySpan<double> y, int ldy, int k, int m,
        ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, Span<double> t)
        where TV : struct
        where TLanes : ILanes<double, TV>
    {
        ref double xRef = ref MemoryMarshal.GetReference(x);
        ref double yRef = ref MemoryMarshal.GetReference(y);
        ref double tRef = ref MemoryMarshal.GetReference(t);
        int j = 0, count = TLanes.Count;
        for (; j + count <= m; j += count)
        {
            var acc = TLanes.Load(ref tRef, (nuint)j);
            for (int l = 0; l < k; l++)
            {
                acc = TLanes.MultiplyAdd(TLanes.Create(-alpha[l]), TLanes.Load(ref Unsafe.Add(ref xRef, (nint)l * ldx), (nuint)j), acc);
                acc = TLanes.MultiplyAdd(TLanes.Create(-beta[l]), TLanes.Load(ref Unsafe.Add(ref yRef, (nint)l * ldy), (nuint)j), acc);
            }

            TLanes.Store(acc, ref tRef, (nuint)j);
        }

        for (; j < m; j++)
        {
            double value = t[j];
            for (int l = 0; l < k; l++) value -= (alpha[l] * x[(l * ldx) + j]) + (beta[l] * y[(l * ldy) + j]);
            t[j] = value;
        }
    }
}
