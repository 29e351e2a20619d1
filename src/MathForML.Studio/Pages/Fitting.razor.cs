using System.Globalization;
using MathForML.Data;
using MathForML.Optimization;
using MathForML.Plots;
using MathForML.Statistics;
using MathForML.Studio.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace MathForML.Studio.Pages;

/// <summary>
/// Fitting the distribution of height data (Multivariate Calculus, week 6 assignment): the course's histogram
/// (<see cref="HeightData.CourseHistogram"/>), its steepest descent on χ² (<see cref="HeightData.CourseFit"/>) from a start
/// clicked on the χ² plane (<see cref="HeightData.ChiSquared"/>, drawn by <see cref="ChiSquaredContourPlot"/>) with an
/// aggression slider, and Levenberg–Marquardt's fit (<see cref="NonlinearLeastSquares"/>) with standard errors beside it.
/// </summary>
public sealed partial class Fitting
{
    private const double MuFrom = 150, MuTo = 200, SigmaFrom = 2, SigmaTo = 16;

    private static readonly Histogram Heights = HeightData.CourseHistogram();
    private static readonly LinearAlgebra.Matrix Centres = LinearAlgebra.Matrix.FromRows(Heights.Centers.Select(c => new[] { c }).ToArray());

    private double _mu0 = 155, _sigma0 = 6, _aggression = 2000, _steps = 50;
    private NonlinearLeastSquaresResult _descent = null!;
    private NonlinearLeastSquaresResult? _lm;
    private string? _lmError;
    private Figure _contours = null!;
    private Figure _histogramFigure = null!;

    /// <inheritdoc />
    protected override void OnInitialized() => Fit();

    private static string F(double x, string format = "0.000000") => Components.Numbers.Format(x, format);

    private void Fit()
    {
        _descent = HeightData.CourseFit(Heights, _mu0, _sigma0, _aggression, (int)_steps);
        try
        {
            _lm = NonlinearLeastSquares.Fit(HeightData.Gaussian, ["x"], Centres, Heights.Frequencies, ["mu", "sigma"], [_mu0, _sigma0]);
            _lmError = null;
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
        {
            _lm = null;
            _lmError = e.Message;
        }
        _contours = ChiSquaredContourPlot.Create($"χ²(μ, σ): {(int)_steps} steps at a = {F(_aggression, "0")}",
            (mu, sigma) => HeightData.ChiSquared(Heights, mu, sigma), "μ (cm)", "σ (cm)", MuFrom, MuTo, SigmaFrom, SigmaTo,
            _descent.Path, "steepest descent", _lm?.Parameters, "Levenberg–Marquardt");
        var histogram = FitPlots.HistogramFit("The course's heights and the descent's Gaussian", Heights, HeightData.Gaussian, _descent,
            "height (cm)", "probability density (1/cm)", "cm");
        _histogramFigure = histogram with { Width = 540, Height = 380 };
    }

    private string DescentNote()
    {
        var chi2 = _descent.PathResidualSumOfSquares;
        if (chi2.Count < 2) return "";
        if (!double.IsFinite(chi2[^1])) return "The descent blew up: the aggression is too high for this start.";
        bool monotone = chi2.Zip(chi2.Skip(1)).All(p => p.Second < p.First);
        return monotone
            ? $"χ² fell at every step, from {F(chi2[0], "0.000E+0")} to {F(chi2[^1], "0.000E+0")}."
            : $"χ² rose at some steps (the aggression overshoots): from {F(chi2[0], "0.000E+0")} to {F(chi2[^1], "0.000E+0")}.";
    }

    private static double? Parse(ChangeEventArgs e, double from, double to) =>
        Components.Numbers.TryParse(e, out double v) && v >= from && v <= to ? v : null;

    private void Mu0Changed(ChangeEventArgs e)
    {
        if (Parse(e, MuFrom, MuTo) is not { } mu) return;
        _mu0 = mu;
        Fit();
    }

    private void Sigma0Changed(ChangeEventArgs e)
    {
        if (Parse(e, SigmaFrom, SigmaTo) is not { } sigma) return;
        _sigma0 = sigma;
        Fit();
    }

    private void AggressionChanged(double a)
    {
        _aggression = a;
        Fit();
    }

    private void StepsChanged(double n)
    {
        _steps = n;
        Fit();
    }

    private void CourseStart()
    {
        (_mu0, _sigma0, _aggression, _steps) = (155, 6, 2000, 50);
        Fit();
    }

    private void Pointer(FigurePointer p)
    {
        if (p.Phase != PointerPhase.Down) return;
        double mu = p.Position.X, sigma = p.Position.Y;
        if (mu < MuFrom || mu > MuTo || sigma < SigmaFrom || sigma > SigmaTo) return;
        _mu0 = Math.Round(mu, 2);
        _sigma0 = Math.Round(sigma, 2);
        Fit();
    }
}
