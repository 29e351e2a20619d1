using MathForML.Calculus;
using MathForML.Optimization;
using MathForML.Randomness;

using MathForML.Statistics;

namespace MathForML.Data;

/// <summary>
/// A stand-in for the course's height data set (which is not available): a seeded, reproducible sample of adult heights
/// in centimetres, half women and half men, each group normal — women N(162.5, 6.5²), men N(176.0, 7.0²), close to
/// measured adult populations (NCD-RisC, eLife 2016;5:e13410, European and North American averages) — so the pooled
/// distribution is unimodal, slightly flat-topped, with mean ≈ 169 cm and standard deviation ≈ 9.5 cm.
/// Normal deviates come from <see cref="SeededRandom.NextGaussian"/> with the given seed, so a seed always gives the same heights.
/// <see cref="CourseFit"/> reproduces the course's exercise: steepest descent on χ² of a Gaussian against the density
/// histogram, from μ = 155, σ = 6 with aggression 2000 for 50 steps.
/// </summary>
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

    /// <summary><paramref name="count"/> heights (cm), seeded.</summary>
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

    /// <summary>The density histogram of <see cref="Sample"/>.</summary>
    public static Histogram DensityHistogram(int count = DefaultCount, ulong seed = DefaultSeed, double binWidth = DefaultBinWidth) =>
        Histogram.Density(Sample(count, seed), binWidth);

    /// <summary>
    /// The course's fit: steepest descent on χ²(μ, σ) = Σₖ (yₖ − f(xₖ; μ, σ))² over the bin centres xₖ and densities yₖ,
    /// step −aggression·∇χ² with ∇χ² = [Σ −2(y − f)∂f/∂μ, Σ −2(y − f)∂f/∂σ], with the path recorded.
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
}
