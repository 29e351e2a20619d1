using MathForML.Numerics;

namespace MathForML.Statistics;

/// <summary>
/// A histogram: bin k covers [BinEdges[k], BinEdges[k + 1]) (the last bin also holds its right edge) and
/// Frequencies[k] is its count, or its density count/(N·width) when built with <see cref="Density"/> — so a density
/// histogram integrates to 1 and can be compared with a probability density function.
/// </summary>
public sealed record Histogram(double[] BinEdges, double[] Frequencies)
{
    /// <summary>The bin centres.</summary>
    public double[] Centers => Frequencies.Select((_, k) => 0.5 * (BinEdges[k] + BinEdges[k + 1])).ToArray();

    /// <summary>Counts of <paramref name="values"/> in bins of <paramref name="binWidth"/> starting at the multiple of the width at or below the smallest value.</summary>
    public static Histogram Counts(ReadOnlySpan<double> values, double binWidth)
    {
        if (values.IsEmpty) throw new ArgumentException("no values to bin.", nameof(values));
        if (!(binWidth > 0) || !double.IsFinite(binWidth)) throw new ArgumentOutOfRangeException(nameof(binWidth), binWidth, "The bin width must be positive and finite.");
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        Finite.Require(values, nameof(values));
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        double first = Math.Floor(min / binWidth) * binWidth;
        int bins = Math.Max(1, (int)Math.Floor((max - first) / binWidth) + 1);
        var edges = new double[bins + 1];
        for (int k = 0; k <= bins; k++) edges[k] = first + k * binWidth;
        var counts = new double[bins];
        foreach (var v in values) counts[Math.Min(bins - 1, (int)Math.Floor((v - first) / binWidth))]++;
        return new Histogram(edges, counts);
    }

    /// <summary>Like <see cref="Counts"/>, with each count divided by N·width (a density).</summary>
    public static Histogram Density(ReadOnlySpan<double> values, double binWidth)
    {
        var h = Counts(values, binWidth);
        double scale = 1.0 / (values.Length * binWidth);
        return h with { Frequencies = h.Frequencies.Select(c => c * scale).ToArray() };
    }
}
