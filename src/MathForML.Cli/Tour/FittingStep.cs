using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.Optimization;
using MathForML.Plots;

namespace MathForML.Cli.Tour;

/// <summary>
/// The Multivariate Calculus course's fitting assignment and a certified problem: a Gaussian fitted to the course's
/// heights histogram (<see cref="HeightData.CourseHistogram"/>), first by the course's 50 steepest-descent steps on χ² from (μ, σ) = (155, 6), then by
/// Levenberg–Marquardt with standard errors; then NIST StRD's Thurber problem (a cubic/cubic rational model, 7
/// parameters, "higher" difficulty) from its first start, compared with NIST's certified values.
/// </summary>
internal sealed class FittingStep : ITourStep
{
    private const string NistProblem = "Thurber";

    public string Name => "fitting";

    public string Title => "Least squares: a Gaussian fitted to heights, and NIST's Thurber problem";

    public object Run(TourStepContext c)
    {
        var histogram = HeightData.CourseHistogram();
        var course = HeightData.CourseFit(histogram);
        bool monotone = course.PathResidualSumOfSquares.Zip(course.PathResidualSumOfSquares.Skip(1)).All(p => p.Second < p.First);
        var centres = Matrix.FromRows(histogram.Centers.Select(x => new[] { x }).ToArray());
        var lm = NonlinearLeastSquares.Fit(HeightData.Gaussian, ["x"], centres, histogram.Frequencies, ["mu", "sigma"], [155.0, 6.0], cancellationToken: c.Cancellation);
        c.Say($"the course's heights histogram ({histogram.Frequencies.Length} bins of 2.5 cm): 50 steepest-descent steps give μ = {course.Parameters[0]:F6}, σ = {course.Parameters[1]:F6} (the course: 178.519824, 7.549908; χ² fell at every step: {monotone})");
        c.Say($"Levenberg–Marquardt: μ = {lm.Parameters[0]:F4} ± {lm.StandardErrors[0]:F4} cm, σ = {lm.Parameters[1]:F4} ± {lm.StandardErrors[1]:F4} cm in {lm.Iterations} iterations");
        FitPlots.HistogramFit("The course's heights histogram and the fitted Gaussian", histogram, HeightData.Gaussian, lm, "height (cm)", "probability density (1/cm)", "cm").Save(c.Plot("heights-fit.png"));

        var nist = NistStrdProblem.Load(NistProblem);
        var fit = nist.Fit(1);
        double digits = Math.Min(fit.Parameters.Select((b, j) => NistStrdProblem.LogRelativeError(b, nist.CertifiedValues[j])).Min(),
            NistStrdProblem.LogRelativeError(fit.ResidualSumOfSquares, nist.CertifiedResidualSumOfSquares));
        c.Say($"NIST {nist.Name} ({nist.Difficulty.ToLowerInvariant()} difficulty, {nist.Response.Length} observations): y = {nist.Formula}");
        for (int j = 0; j < fit.Parameters.Length; j++)
            c.Say($"  {fit.ParameterNames[j]} = {fit.Parameters[j],18:G12} ± {fit.StandardErrors[j]:G6}   (certified {nist.CertifiedValues[j]:G11} ± {nist.CertifiedStandardDeviations[j]:G6})");
        c.Say($"  {fit.Iterations} iterations; agrees with the certified values to {digits:F1} significant digits");
        FitPlots.CurveFit($"NIST StRD {nist.Name}: the fitted rational model", nist.Predictors.Column(0).ToArray(), nist.Response, nist.Model, fit).Save(c.Plot("nist-thurber.png"));

        return new
        {
            heights = new
            {
                data = "course histogram",
                steepest_descent = new { mu = course.Parameters[0], sigma = course.Parameters[1], chi2_decreased_every_step = monotone },
                levenberg_marquardt = new
                {
                    mu = lm.Parameters[0],
                    sigma = lm.Parameters[1],
                    mu_standard_error = lm.StandardErrors[0],
                    sigma_standard_error = lm.StandardErrors[1],
                    iterations = lm.Iterations,
                },
            },
            nist = new
            {
                problem = nist.Name,
                parameters = fit.ParameterNames.Zip(fit.Parameters).ToDictionary(p => p.First, p => p.Second),
                standard_errors = fit.ParameterNames.Zip(fit.StandardErrors).ToDictionary(p => p.First, p => p.Second),
                residual_sum_of_squares = fit.ResidualSumOfSquares,
                iterations = fit.Iterations,
                certified_digits = digits,
            },
        };
    }

}
