using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MathForML.Kernels;

/// <summary>
/// The operand Z of <see cref="CentredSyrk"/>, described rather than stored: Z[p, t] = (X[p, columns[t]] − shift[t])·factor[t]
/// for the k×n Z over a row-major X (leading dimension <see cref="Ldx"/>). The pointers are pinned by the caller.
/// </summary>
internal readonly unsafe struct CentredOperand(double* x, nint ldx, int* columns, double* shift, double* factor)
{
    /// <summary>X[0, 0].</summary>
    public double* X { get; } = x;

    /// <summary>Distance between the rows of X.</summary>
    public nint Ldx { get; } = ldx;

    /// <summary>columns[t]: the column of X that feature t of Z is taken from (strictly increasing).</summary>
    public int* Columns { get; } = columns;

    /// <summary>shift[t]: subtracted from feature t (its mean).</summary>
    public double* Shift { get; } = shift;

    /// <summary>factor[t]: multiplies feature t after the shift (1/σ, or 1).</summary>
    public double* Factor { get; } = factor;
}

/// <summary>
/// Packs blocks of Z = (X[:, columns] − 1·shiftᵀ)·diag(factor) straight from X into the panel layout of
/// <see cref="GemmPacking"/> (Goto and van de Geijn 2008, section 6): a panel of w features holds, for each of kc samples p,
/// the w values Z[p, t…t+w−1] side by side. Both operands of ZᵀZ are panels of this form (w = mr for A, w = nr for B), so
/// the centring happens while packing, and Z is never stored.
/// </summary>
/// <remarks>
/// A panel whose features are consecutive columns of X is read with vector loads; one that straddles a gap (a constant
/// feature left out) is read with AVX2 gathers from offsets fixed for the whole panel; edge panels (fewer than w features
/// left) fall back to scalar code and are padded with zeros. Every value is rounded as (x − shift)·factor in that order,
/// so the packed block is exactly the one a centre-then-pack would give.
/// </remarks>
internal static unsafe class CentredPacking
{
    /// <summary>
    /// Packs features <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 of samples
    /// <paramref name="row"/> … <paramref name="row"/> + <paramref name="kc"/> − 1 into ⌈count/w⌉ panels of w features.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pack(in CentredOperand z, int row, int kc, int first, int count, int w, double* destination)
    {
        double* rows = z.X + (row * z.Ldx);
        for (int q = 0; q < count; q += w)
        {
            int t = first + q, valid = Math.Min(w, count - q);
            double* dst = destination + ((nint)q * kc);
            int start = z.Columns[t];
            if (valid == w && Vector512.IsHardwareAccelerated && w % 8 == 0 && z.Columns[t + w - 1] - start == w - 1)
                Contiguous(rows + start, z.Ldx, kc, z.Shift + t, z.Factor + t, w, dst);
            else if (valid == w && Avx512F.IsSupported && w % 8 == 0 && Permuted(rows, z.Ldx, kc, z.Columns + t, z.Shift + t, z.Factor + t, w, dst))
                continue;
            else if (valid == w && Avx2.IsSupported && w % 4 == 0)
                Gathered(rows + start, z.Ldx, kc, z.Columns + t, z.Shift + t, z.Factor + t, w, dst);
            else
                Scalar(rows, z.Ldx, kc, z.Columns + t, z.Shift + t, z.Factor + t, valid, w, dst);
        }
    }

    /// <summary>dst[p·w + c] = (src[p·ldx + c] − shift[c])·factor[c]: w consecutive columns, eight lanes at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Contiguous(double* src, nint ldx, int kc, double* shift, double* factor, int w, double* dst)
    {
        if (w == 8)
        {
            var s = Vector512.Load(shift);
            var f = Vector512.Load(factor);
            for (int p = 0; p < kc; p++, src += ldx, dst += 8) ((Vector512.Load(src) - s) * f).Store(dst);
            return;
        }

        for (int p = 0; p < kc; p++, src += ldx, dst += w)
            for (int c = 0; c < w; c += 8)
                ((Vector512.Load(src + c) - Vector512.Load(shift + c)) * Vector512.Load(factor + c)).Store(dst + c);
    }

    /// <summary>
    /// dst[p·w + c] = (rows[p·ldx + columns[c]] − shift[c])·factor[c] when each group of eight features lies within
    /// sixteen consecutive columns of X (a short gap): two vector loads and one two-source permute (vpermt2pd) a group.
    /// Returns false, packing nothing, when a group spreads wider or its window would run past the end of a row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Permuted(double* rows, nint ldx, int kc, int* columns, double* shift, double* factor, int w, double* dst)
    {
        int groups = w / 8;
        int* bases = stackalloc int[groups];
        var lanes = stackalloc Vector512<long>[groups];
        for (int g = 0; g < groups; g++)
        {
            int first = columns[8 * g];
            if (columns[(8 * g) + 7] - first >= 16 || first + 16 > ldx) return false;
            bases[g] = first;
            lanes[g] = Vector512.Create(
                columns[8 * g] - first, columns[(8 * g) + 1] - first, columns[(8 * g) + 2] - first, columns[(8 * g) + 3] - first,
                columns[(8 * g) + 4] - first, columns[(8 * g) + 5] - first, columns[(8 * g) + 6] - first, (long)columns[(8 * g) + 7] - first);
        }

        for (int p = 0; p < kc; p++, rows += ldx, dst += w)
        {
            for (int g = 0; g < groups; g++)
            {
                double* window = rows + bases[g];
                var v = Avx512F.PermuteVar8x64x2(Vector512.Load(window), lanes[g], Vector512.Load(window + 8));
                ((v - Vector512.Load(shift + (8 * g))) * Vector512.Load(factor + (8 * g))).Store(dst + (8 * g));
            }
        }

        return true;
    }

    /// <summary>dst[p·w + c] = (src[p·ldx + columns[c] − columns[0]] − shift[c])·factor[c]: four lanes a gather.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gathered(double* src, nint ldx, int kc, int* columns, double* shift, double* factor, int w, double* dst)
    {
        int* offsets = stackalloc int[w];
        for (int c = 0; c < w; c++) offsets[c] = columns[c] - columns[0];
        for (int p = 0; p < kc; p++, src += ldx, dst += w)
        {
            for (int c = 0; c < w; c += 4)
            {
                var v = Avx2.GatherVector256(src, Vector128.Load(offsets + c), 8);
                ((v - Vector256.Load(shift + c)) * Vector256.Load(factor + c)).Store(dst + c);
            }
        }
    }

    /// <summary>The general case, element by element; lanes <paramref name="valid"/> … w − 1 are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scalar(double* rows, nint ldx, int kc, int* columns, double* shift, double* factor, int valid, int w, double* dst)
    {
        for (int p = 0; p < kc; p++, rows += ldx, dst += w)
        {
            for (int c = 0; c < valid; c++) dst[c] = (rows[columns[c]] - shift[c]) * factor[c];
            for (int c = valid; c < w; c++) dst[c] = 0;
        }
    }
}
