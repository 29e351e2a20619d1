using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.LinearAlgebra;

namespace MathForML.Statistics;

/// <summary>
/// One pass over a data set X (N×D): the per-feature mean and which features are constant (all N values equal).
/// A constant feature's mean is set to its value exactly, so it centres to exactly 0. The pass also checks X for NaN
/// and ±∞: they make a column sum non-finite, and only then is X scanned for the culprit. Each row is read once for its
/// sum, minimum and maximum (<see cref="RangeAccumulation"/>).
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
        for (int i = 0; i < x.Rows; i++) RangeAccumulation.AddColumns<double>(x.RowSpan(i), sum, lo, hi);

        foreach (var s in sum)
            if (!double.IsFinite(s)) SampleStatistics.RequireSamples(x);
        for (int j = 0; j < d; j++) sum[j] /= x.Rows;
        var constant = new bool[d];
        for (int j = 0; j < d; j++)
        {
            if (lo[j] != hi[j]) continue;
            constant[j] = true;
            sum[j] = lo[j];
        }

        return new FeatureSummary(sum, constant);
    }
}
