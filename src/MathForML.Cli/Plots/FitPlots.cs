using MathForML.Calculus;
using MathForML.Data;
using MathForML.Optimization;
using ScottPlot;

namespace MathForML.Cli.Plots;

/// <summary>Figures of least-squares fits: a histogram with the fitted density, and data points with the fitted curve.</summary>
internal static class FitPlots
{
    /// <summary>The histogram's bars with the model <paramref name="density"/>(x; parameters) drawn over them.</summary>
    public static void SaveHistogramFit(string path, string title, Histogram histogram, Expression density, NonlinearLeastSquaresResult fit, string xLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        var bars = plot.Add.Bars(histogram.Centers, histogram.Frequencies);
        double width = histogram.BinEdges[1] - histogram.BinEdges[0];
        foreach (var bar in bars.Bars) bar.Size = width * 0.95;
        AddCurve(plot, density, fit, histogram.BinEdges[0], histogram.BinEdges[^1]);
        plot.XLabel(xLabel);
        plot.ShowLegend();
        PlotFile.SavePng(plot, path, 800, 500);
    }

    /// <summary>The observations (x, y) of a one-predictor problem with the fitted model through them.</summary>
    public static void SaveCurveFit(string path, string title, double[] x, double[] y, Expression model, NonlinearLeastSquaresResult fit)
    {
        var plot = new Plot();
        plot.Title(title);
        var points = plot.Add.ScatterPoints(x, y);
        points.LegendText = "observations";
        points.MarkerSize = 6;
        AddCurve(plot, model, fit, x.Min(), x.Max());
        plot.XLabel("x");
        plot.YLabel("y");
        plot.ShowLegend(Alignment.UpperLeft);
        PlotFile.SavePng(plot, path, 800, 500);
    }

    private static void AddCurve(Plot plot, Expression model, NonlinearLeastSquaresResult fit, double from, double to)
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
        curve.LegendText = string.Join(", ", fit.ParameterNames.Zip(fit.Parameters).Select(p => $"{p.First} = {p.Second:G4}"));
    }
}
