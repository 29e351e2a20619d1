using MathForML.Calculus;
using MathForML.Optimization;
using MathForML.Randomness;

using MathForML.Statistics;

namespace MathForML.Data;

/// <summary>
/// Heights for the Multivariate Calculus course's fitting assignment (week 6, "Fitting the distribution of height
/// data"): the course's own histogram, exactly as the course gives it (<see cref="CourseHistogram"/>), its Gaussian
/// model and its steepest descent (<see cref="CourseFit"/>); and, where raw heights are wanted rather than a histogram,
/// a seeded synthetic sample (<see cref="Sample"/>), which is not the course's data.
/// </summary>
/// <remarks>
/// The synthetic sample: half women N(162.5, 6.5²), half men N(176.0, 7.0²), close to measured adult populations
/// (NCD-RisC, eLife 2016;5:e13410, European and North American averages), so the pooled distribution is unimodal,
/// slightly flat-topped, with mean ≈ 169 cm and standard deviation ≈ 9.5 cm. Normal deviates come from
/// <see cref="SeededRandom.NextGaussian"/> with the given seed, so a seed always gives the same heights.
/// </remarks>
public static class HeightData
{
    /// <summary>The default sample size.</summary>
    public const int DefaultCount = 5000;

    /// <summary>The default seed.</summary>
    public const ulong DefaultSeed = 2019;

    /// <summary>The <see cref="SeededRandom"/> stream of the sample ("HT").</summary>
    private const ulong HeightStream = 0x4854;

    /// <summary>The histogram's default bin width in cm.</summary>
    public const double DefaultBinWidth = 2.5;

    /// <summary>The Gaussian probability density f(x; μ, σ) = exp(−(x − μ)²/(2σ²))/(σ√(2π)) as a formula in x, mu and sigma.</summary>
    public static Expression Gaussian { get; } = Expression.Parse("exp(-(x - mu)^2/(2*sigma^2))/(sigma*sqrt(2*pi))");

    /// <summary>The course histogram's bins: 100 of <see cref="DefaultBinWidth"/> cm from <see cref="CourseFirstEdge"/> cm.</summary>
    public const int CourseBinCount = 100;

    /// <summary>The course histogram's first bin edge in cm (the bins cover 50 … 300 cm).</summary>
    public const double CourseFirstEdge = 50;

    /// <summary>The bin whose centre is 161.25 cm, the first of the course's non-zero bins (50 + 2.5·44 + 1.25).</summary>
    private const int CourseFirstNonZeroBin = 44;

    /// <summary>
    /// The course's raw frequencies of its 16 non-zero bins, centres 161.25, 163.75, …, 198.75 cm, as the course gives
    /// them (they add up to 0.995; <see cref="CourseHistogram"/> normalises them).
    /// </summary>
    public static IReadOnlyList<double> CourseRawFrequencies { get; } =
        [0.031, 0.013, 0.023, 0.064, 0.065, 0.126, 0.132, 0.127, 0.113, 0.091, 0.105, 0.050, 0.018, 0.018, 0.018, 0.001];

    /// <summary>
    /// The course's heights histogram: 100 bins of 2.5 cm from 50 cm (centres 51.25 … 298.75), zero except the 16 bins
    /// at 161.25 … 198.75 that hold <see cref="CourseRawFrequencies"/>, normalised to unit area as the course does,
    /// y ← y / Σy / 2.5 (in that order: Σy = 0.995 whatever the summation order, then two divisions). Equal to the
    /// course's <c>heights_data()</c> to the bit (tests/MathForML.Tests/Reference/heights/make_reference.py).
    /// </summary>
    public static Histogram CourseHistogram()
    {
        var edges = new double[CourseBinCount + 1];
        for (int k = 0; k <= CourseBinCount; k++) edges[k] = CourseFirstEdge + (DefaultBinWidth * k);
        var y = new double[CourseBinCount];
        for (int k = 0; k < CourseRawFrequencies.Count; k++) y[CourseFirstNonZeroBin + k] = CourseRawFrequencies[k];
        double sum = 0;
        foreach (double v in y) sum += v;
        for (int k = 0; k < y.Length; k++) y[k] = y[k] / sum / DefaultBinWidth;
        return new Histogram(edges, y);
    }

    /// <summary>
    /// <paramref name="count"/> heights (cm) of the synthetic sample, seeded: not the course's data (which comes only as
    /// a histogram, <see cref="CourseHistogram"/>), for when raw heights are wanted.
    /// </summary>
    public static double[] Sample(int count = DefaultCount, ulong seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new SeededRandom(seed, HeightStream);
        var heights = new double[count];
        for (int i = 0; i < count; i++)
        {
            bool woman = (i & 1) == 0;
            double z = random.NextGaussian();
            heights[i] = woman ? 162.5 + 6.5 * z : 176.0 + 7.0 * z;
        }
        return heights;
    }

    /// <summary>The density histogram of the synthetic <see cref="Sample"/> (not the course's: <see cref="CourseHistogram"/>).</summary>
    public static Histogram DensityHistogram(int count = DefaultCount, ulong seed = DefaultSeed, double binWidth = DefaultBinWidth) =>
        Histogram.Density(Sample(count, seed), binWidth);

    /// <summary>
    /// The course's fit: steepest descent on χ²(μ, σ) = Σₖ (yₖ − f(xₖ; μ, σ))² over the bin centres xₖ and densities yₖ,
    /// step −aggression·∇χ² with ∇χ² = [Σ −2(y − f)∂f/∂μ, Σ −2(y − f)∂f/∂σ], with the path recorded. The defaults are
    /// the course's: from (μ, σ) = (155, 6), aggression 2000, 50 steps; on <see cref="CourseHistogram"/> they end at the
    /// course's μ = 178.51982404192677, σ = 7.549907722008972 (to about 10⁻¹³ relative: the derivatives are the
    /// library's symbolic ones and its sums run in another order than NumPy's, so the last bits may differ).
    /// </summary>
    public static NonlinearLeastSquaresResult CourseFit(Histogram histogram, double mu = 155, double sigma = 6, double aggression = 2000, int steps = 50)
    {
        var centres = histogram.Centers;
        var x = LinearAlgebra.Matrix.FromRows(centres.Select(c => new[] { c }).ToArray());
        return NonlinearLeastSquares.Fit(Gaussian, ["x"], x, histogram.Frequencies, ["mu", "sigma"], [mu, sigma], new NonlinearLeastSquaresOptions
        {
            Method = NonlinearLeastSquaresMethod.SteepestDescent,
            Aggression = aggression,
            MaxIterations = steps,
            RecordPath = true,
        });
    }

    /// <summary>
    /// The course's χ²(μ, σ) = Σₖ (yₖ − f(xₖ; μ, σ))² over the histogram's bin centres xₖ and densities yₖ, with the
    /// Gaussian f(x; μ, σ) = exp(−(x − μ)²/(2σ²))/(σ√(2π)) (<see cref="Gaussian"/>): the surface the course's steepest
    /// descent (<see cref="CourseFit"/>) walks down (Multivariate Calculus, week 6, "Fitting the distribution of height
    /// data"). Evaluated directly, not through the formula, so a grid of it for contours is cheap. σ ≤ 0 gives NaN
    /// (there is no such Gaussian).
    /// </summary>
    public static double ChiSquared(Histogram histogram, double mu, double sigma)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (!(sigma > 0)) return double.NaN;
        var edges = histogram.BinEdges;
        var y = histogram.Frequencies;
        double scale = 1 / (sigma * Math.Sqrt(2 * Math.PI)), sum = 0;
        for (int k = 0; k < y.Length; k++)
        {
            double centre = 0.5 * (edges[k] + edges[k + 1]);   // as Histogram.Centers, without its array
            double d = centre - mu, r = y[k] - (scale * Math.Exp(-(d * d) / (2 * sigma * sigma)));
            sum += r * r;
        }
        return sum;
    }
}
