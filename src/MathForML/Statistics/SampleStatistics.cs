using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Statistics;

/// <summary>
/// Mean and covariance of a data set X (N×D, one sample a row), in the course's conventions: the mean is
/// μ = (1/N)·Σₙ xₙ and the covariance is the biased one, S = (1/N)·Σₙ (xₙ − μ)(xₙ − μ)ᵀ (divide by N, not N − 1).
/// </summary>
/// <remarks>
/// The <c>…Naive</c> methods are the course's explicit loops, kept to read and to test against. The fast ones run on
/// the kernels: the mean is one transposed GEMV (Xᵀ·1/N) and the covariance is S = (1/N)·X̃ᵀX̃ by one SYRK whose packing
/// centres the rows on the way (<see cref="CentredSyrk"/>), so X̃ is never stored.
/// Cost: N·D (mean), N·D² (covariance) flops.
/// </remarks>
public static class SampleStatistics
{
    /// <summary>μ = (1/N)·Σₙ xₙ by two explicit loops.</summary>
    public static Vector MeanNaive(Matrix x)
    {
        RequireSamples(x);
        int n = x.Rows, d = x.Columns;
        var mean = new Vector(d);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                mean[j] += x[i, j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        return mean;
    }

    /// <summary>S = (1/N)·Σₙ (xₙ − μ)(xₙ − μ)ᵀ by three explicit loops.</summary>
    public static Matrix CovarianceNaive(Matrix x)
    {
        var mean = MeanNaive(x);
        int n = x.Rows, d = x.Columns;
        var s = new Matrix(d, d);
        for (int i = 0; i < n; i++)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                    s[a, b] += (x[i, a] - mean[a]) * (x[i, b] - mean[b]);
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++)
                s[a, b] /= n;
        return s;
    }

    /// <summary>μ = (Xᵀ·1)/N: the rows summed (on every core for large X), then one division.</summary>
    /// <exception cref="ArgumentException">X has no rows, or holds NaN or ±∞.</exception>
    public static Vector Mean(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0) throw new ArgumentException("The data set has no samples (0 rows).", nameof(x));
        var mean = ColumnSums(x);
        // A sum is finite only if every term is (NaN and ±∞ propagate), so the scan for the culprit runs only on failure.
        if (!Finite.All(mean)) RequireSamples(x);
        TensorPrimitives.Divide(mean, x.Rows, mean);
        return Vector.Wrap(mean);
    }

    /// <summary>The per-feature variance (1/N)·Σₙ (xₙⱼ − μⱼ)², the diagonal of the covariance.</summary>
    public static Vector Variance(Matrix x) => Variance(x, Mean(x));

    /// <summary>The per-feature standard deviation √(Variance).</summary>
    public static Vector StandardDeviation(Matrix x)
    {
        var v = Variance(x);
        TensorPrimitives.Sqrt<double>(v.AsSpan(), v.AsSpan());
        return v;
    }

    /// <summary>S = (1/N)·(X − 1μᵀ)ᵀ(X − 1μᵀ) by SYRK, centring while packing.</summary>
    /// <exception cref="ArgumentException">X has no rows, or holds NaN or ±∞.</exception>
    public static Matrix Covariance(Matrix x) => Covariance(x, Mean(x));

    /// <summary>
    /// S = (1/(N − ddof))·(X − 1μᵀ)ᵀ(X − 1μᵀ): <paramref name="ddof"/> = 0 is the course's biased covariance (divide by N,
    /// <c>cov_naive</c>, <c>np.cov(X.T, bias=True)</c>, the maximum-likelihood estimate), <paramref name="ddof"/> = 1 the
    /// unbiased sample covariance (divide by N − 1, <c>np.cov(X.T)</c>'s default). "Delta degrees of freedom" as numpy names it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ddof"/> is negative, or not below N (nothing left to divide by).</exception>
    /// <exception cref="ArgumentException">X has no rows, or holds NaN or ±∞.</exception>
    public static Matrix Covariance(Matrix x, int ddof)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0) throw new ArgumentException("The data set has no samples (0 rows).", nameof(x));
        if (ddof < 0 || ddof >= x.Rows)
            throw new ArgumentOutOfRangeException(nameof(ddof), ddof, $"ddof must be between 0 and N − 1 = {x.Rows - 1} (the divisor N − ddof must be positive) for {x.Rows} samples.");
        var s = new Matrix(x.Columns, x.Columns);
        Scatter(x, Mean(x).AsSpan(), default, 1.0 / (x.Rows - ddof), s.AsSpan());
        if (!s.IsFinite()) RequireSamples(x);
        return s;
    }

    /// <summary>The covariance about a given <paramref name="mean"/> (usually <see cref="Mean"/> of X).</summary>
    public static Matrix Covariance(Matrix x, Vector mean)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0) throw new ArgumentException("The data set has no samples (0 rows).", nameof(x));
        RequireLength(mean, x.Columns, nameof(mean));
        var s = new Matrix(x.Columns, x.Columns);
        Scatter(x, mean.AsSpan(), default, 1.0 / x.Rows, s.AsSpan());
        if (!s.IsFinite()) RequireSamples(x);   // NaN or ±∞ in X reach S; find and report them
        return s;
    }

    /// <summary>
    /// C ← α·Σₙ zₙzₙᵀ with zₙ = (xₙ − μ) / σ element-wise (no division when <paramref name="scale"/> is empty), in one
    /// SYRK over all N rows that centres (and scales) X while packing it (<see cref="CentredSyrk"/>). With
    /// <paramref name="runs"/>, only those features (runs of consecutive columns, in order) enter zₙ, and C is a×a for
    /// the a features they cover.
    /// </summary>
    internal static void Scatter(Matrix x, ReadOnlySpan<double> mean, ReadOnlySpan<double> scale, double alpha, Span<double> c,
        IReadOnlyList<(int Start, int Length)>? runs = null, CancellationToken cancellationToken = default)
    {
        int d = x.Columns;
        var segments = runs ?? [(0, d)];
        int a = 0;
        foreach (var (_, length) in segments) a += length;
        // The kept features' columns of X, and μ and 1/σ gathered to them.
        var columns = new int[a];
        var shift = new double[a];
        var factor = new double[a];
        for (int r = 0, offset = 0; r < segments.Count; offset += segments[r].Length, r++)
        {
            var (first, length) = segments[r];
            for (int t = 0; t < length; t++) columns[offset + t] = first + t;
            mean.Slice(first, length).CopyTo(shift.AsSpan(offset, length));
            if (scale.IsEmpty) factor.AsSpan(offset, length).Fill(1.0);   // (x − μ)·1 is exactly x − μ
            else TensorPrimitives.Divide(1.0, scale.Slice(first, length), factor.AsSpan(offset, length));
        }

        CentredSyrk.ComputeLower(a, x.Rows, alpha, x.AsSpan(), d, columns, shift, factor, 0.0, c, a, KernelPathSelection.Best, cancellationToken);
        SymmetricMirror.LowerToUpper(c, a, a);
    }

    /// <summary>
    /// Σₙ xₙ, the column sums, one vectorised row addition at a time. Memory-bound: splitting the rows between cores
    /// measured slower on the shared 2-core machines (the fork waits for a busy core), so it stays on one thread.
    /// </summary>
    internal static double[] ColumnSums(Matrix x)
    {
        var sum = new double[x.Columns];
        for (int i = 0; i < x.Rows; i++) TensorPrimitives.Add(sum, x.RowSpan(i), sum);
        return sum;
    }

    internal static Vector Variance(Matrix x, Vector mean)
    {
        int n = x.Rows, d = x.Columns;
        var sum = new double[d];
        var diff = new double[d];
        for (int i = 0; i < n; i++)
        {
            TensorPrimitives.Subtract(x.RowSpan(i), mean.AsSpan(), diff);
            TensorPrimitives.MultiplyAdd(diff, diff, sum, sum);
        }

        TensorPrimitives.Divide(sum, n, sum);
        return new Vector(sum);
    }

    internal static void RequireSamples(Matrix x, string name = "x")
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Rows == 0) throw new ArgumentException("The data set has no samples (0 rows).", name);
        Finite.Require(x, name);
    }

    internal static void RequireLength(Vector v, int length, string name)
    {
        ArgumentNullException.ThrowIfNull(v, name);
        if (v.Length != length)
            throw new DimensionMismatchException($"Expected a vector of {length} features, found {v.Length}.", name);
    }
}
