using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathForML.LinearAlgebra;

namespace MathForML.Statistics;

/// <summary>
/// One pass over a data set X (N×D): the per-feature mean and which features are constant (all N values equal).
/// A constant feature's mean is set to its value exactly, so it centres to exactly 0. The pass also checks X for NaN
/// and ±∞: they make a column sum non-finite, and only then is X scanned for the culprit.
/// </summary>
internal sealed record FeatureSummary(double[] Mean, bool[] Constant)
{
    /// <summary>How many features are constant.</summary>
    public int ConstantCount => Constant.Count(c => c);

    /// <summary>Summarises <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentException">X has no rows, or holds NaN or ±∞.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FeatureSummary Of(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0) throw new ArgumentException("The data set has no samples (0 rows).", nameof(x));
        int d = x.Columns;
        var sum = new double[d];
        var lo = x.Row(0).ToArray();
        var hi = x.Row(0).ToArray();
        for (int i = 0; i < x.Rows; i++) Accumulate(x.RowSpan(i), sum, lo, hi);

        foreach (var s in sum)
            if (!double.IsFinite(s)) SampleStatistics.RequireSamples(x);
        TensorPrimitives.Divide(sum, x.Rows, sum);
        var constant = new bool[d];
        for (int j = 0; j < d; j++)
        {
            if (lo[j] != hi[j]) continue;
            constant[j] = true;
            sum[j] = lo[j];
        }

        return new FeatureSummary(sum, constant);
    }

    /// <summary>
    /// sum += row, lo = min(lo, row), hi = max(hi, row), element-wise in one pass (the row is loaded once, not three
    /// times). NaN needs no care here: it makes the sum non-finite, which <see cref="Of"/> reports.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Accumulate(ReadOnlySpan<double> row, Span<double> sum, Span<double> lo, Span<double> hi)
    {
        int j = 0, d = row.Length;
        ref double r = ref MemoryMarshal.GetReference(row);
        ref double s = ref MemoryMarshal.GetReference(sum);
        ref double l = ref MemoryMarshal.GetReference(lo);
        ref double h = ref MemoryMarshal.GetReference(hi);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j + Vector512<double>.Count <= d; j += Vector512<double>.Count)
            {
                var x = Vector512.LoadUnsafe(ref r, (nuint)j);
                (Vector512.LoadUnsafe(ref s, (nuint)j) + x).StoreUnsafe(ref s, (nuint)j);
                Vector512.MinNative(Vector512.LoadUnsafe(ref l, (nuint)j), x).StoreUnsafe(ref l, (nuint)j);
                Vector512.MaxNative(Vector512.LoadUnsafe(ref h, (nuint)j), x).StoreUnsafe(ref h, (nuint)j);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; j + Vector256<double>.Count <= d; j += Vector256<double>.Count)
            {
                var x = Vector256.LoadUnsafe(ref r, (nuint)j);
                (Vector256.LoadUnsafe(ref s, (nuint)j) + x).StoreUnsafe(ref s, (nuint)j);
                Vector256.MinNative(Vector256.LoadUnsafe(ref l, (nuint)j), x).StoreUnsafe(ref l, (nuint)j);
                Vector256.MaxNative(Vector256.LoadUnsafe(ref h, (nuint)j), x).StoreUnsafe(ref h, (nuint)j);
            }
        }

        for (; j < d; j++)
        {
            double x = row[j];
            sum[j] += x;
            if (x < lo[j]) lo[j] = x;
            if (x > hi[j]) hi[j] = x;
        }
    }
}
