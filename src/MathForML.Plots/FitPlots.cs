using MathForML.Calculus;
using MathForML.Optimization;
using MathForML.Statistics;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>Figures of least-squares fits: a histogram with the fitted density, and data points with the fitted curve.</summary>
public static class FitPlots
{
    /// <summary>The histogram's bars with the model <paramref name="density"/>(x; parameters) drawn over them.</summary>
    /// <param name="title">The figure's title.</param>
    /// <param name="histogram">The data, as bars.</param>
    /// <param name="density">The fitted model, a formula in one predictor and the fit's parameters.</param>
    /// <param name="fit">The fit whose parameters the curve uses (they are listed in the legend).</param>
    /// <param name="xLabel">The label of the horizontal axis.</param>
    /// <param name="yLabel">The label of the vertical axis (what the bars' heights are).</param>
    /// <param name="unit">The unit of the parameters in the legend (e.g. "cm"), or null.</param>
    /// <remarks>
    /// The horizontal axis spans the non-empty bins and as much again on each side as a quarter of their span, so that
    /// a histogram with many empty bins (the course's heights: 100 bins from 50 cm, 16 of them filled) is readable.
    /// Parameters named by Greek letters (mu, sigma, …) are written as the letters.
    /// </remarks>
    public static Figure HistogramFit(string title, Histogram histogram, Expression density, NonlinearLeastSquaresResult fit, string xLabel,
        string yLabel = "frequency density", string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var plot = new Plot();
        plot.Title(title);
        var bars = plot.Add.Bars(histogram.Centers, histogram.Frequencies);
        double width = histogram.BinEdges[1] - histogram.BinEdges[0];
        foreach (var bar in bars.Bars) bar.Size = width * 0.95;
        var filled = Enumerable.Range(0, histogram.Frequencies.Length).Where(i => histogram.Frequencies[i] != 0).ToArray();
        double from = histogram.BinEdges[0], to = histogram.BinEdges[^1];
        if (filled.Length > 0)
        {
            double low = histogram.BinEdges[filled[0]], high = histogram.BinEdges[filled[^1] + 1], margin = Math.Max((high - low) / 4, width);
            from = Math.Max(from, low - margin);
            to = Math.Min(to, high + margin);
        }
        AddCurve(plot, density, fit, from, to, unit);
        plot.Axes.SetLimitsX(from, to);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        return new Figure(plot, 800, 500);
    }

    /// <summary>The observations (x, y) of a one-predictor problem with the fitted model through them.</summary>
    /// <param name="title">The figure's title.</param>
    /// <param name="x">The predictor of each observation.</param>
    /// <param name="y">The response of each observation.</param>
    /// <param name="model">The fitted model, a formula in one predictor and the fit's parameters.</param>
    /// <param name="fit">The fit whose parameters the curve uses.</param>
    public static Figure CurveFit(string title, double[] x, double[] y, Expression model, NonlinearLeastSquaresResult fit)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length || x.Length == 0)
            throw new ArgumentException($"x has {x.Length} values and y {y.Length}; they must be as many, and at least one.", nameof(y));
        var plot = new Plot();
        plot.Title(title);
        var points = plot.Add.ScatterPoints(x, y);
        points.LegendText = "observations";
        points.MarkerSize = 6;
        AddCurve(plot, model, fit, x.Min(), x.Max());
        plot.XLabel("x");
        plot.YLabel("y");
        plot.ShowLegend(Alignment.UpperLeft);
        return new Figure(plot, 800, 500);
    }

    private static readonly Dictionary<string, string> Greek = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α",
        ["beta"] = "β",
        ["gamma"] = "γ",
        ["delta"] = "δ",
        ["lambda"] = "λ",
        ["mu"] = "μ",
        ["sigma"] = "σ",
        ["theta"] = "θ",
    };

    private static void AddCurve(Plot plot, Expression model, NonlinearLeastSquaresResult fit, double from, double to, string? unit = null)
    {
        var variables = model.Variables.Where(v => !fit.ParameterNames.Contains(v)).ToArray();
        if (variables.Length != 1) throw new ArgumentException($"The model must have one predictor besides its parameters; it has {variables.Length}.", nameof(model));
        var f = model.Compile([variables[0], .. fit.ParameterNames]);
        var xs = Enumerable.Range(0, 300).Select(i => from + (to - from) * i / 299).ToArray();
        var argument = new double[1 + fit.Parameters.Length];
        fit.Parameters.CopyTo(argument, 1);
        var ys = xs.Select(x =>
        {
            argument[0] = x;
            return f(argument);
        }).ToArray();
        var curve = plot.Add.Scatter(xs, ys);
        curve.MarkerSize = 0;
        curve.LineWidth = 3;
        curve.LegendText = string.Join(", ", fit.ParameterNames.Zip(fit.Parameters)
            .Select(p => $"{Greek.GetValueOrDefault(p.First, p.First)} = {p.Second:G4}{(unit is null ? "" : " " + unit)}"));
    }
}
