using MathForML.Calculus;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>A function and its Taylor polynomial about a point, drawn over an interval, with the expansion point marked.</summary>
public static class TaylorPlot
{
    /// <summary>f and Tₙ on [<paramref name="from"/>, <paramref name="to"/>]; the vertical range is f's (so a wild polynomial leaves the frame, as it should).</summary>
    /// <param name="title">The figure's title.</param>
    /// <param name="f">The function.</param>
    /// <param name="fLabel">The function's legend label, e.g. "f(x) = cos x".</param>
    /// <param name="series">The Taylor polynomial, or null to draw f alone (when the expansion fails at the point).</param>
    /// <param name="from">The left end of the interval.</param>
    /// <param name="to">The right end of the interval.</param>
    /// <exception cref="ArgumentException">The interval is empty or not finite.</exception>
    public static Figure Create(string title, Func<double, double> f, string fLabel, TaylorSeries? series, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!(to > from) || !double.IsFinite(from) || !double.IsFinite(to))
            throw new ArgumentException($"The interval [{from}, {to}] must be finite and not empty.", nameof(to));
        var plot = new Plot();
        plot.Title(title);
        var (x, y) = CurveSamples.Sample(f, from, to);
        var (low, high) = CurveSamples.Range(y);
        var curve = CurveSamples.AddPieces(plot, x, y, low, high, Colors.Black);
        if (curve is not null) curve.LegendText = fLabel;
        foreach (var piece in plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>()) piece.LineWidth = 2;
        if (series is not null)
        {
            var (_, t) = CurveSamples.Sample(series.Evaluate, from, to);
            var poly = CurveSamples.AddPieces(plot, x, t, low, high, Colors.OrangeRed);
            // Solid, not dashed: the SVG the Studio draws has no dash effect (Skia's SVG canvas reports it unsupported).
            foreach (var piece in plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Where(p => p.Color == Colors.OrangeRed))
                piece.LineWidth = 3;
            if (poly is not null) poly.LegendText = $"Taylor polynomial of order {series.Order}";
            double fa = f(series.Point);
            if (double.IsFinite(fa))
            {
                var point = plot.Add.ScatterPoints(new[] { series.Point }, new[] { fa }, Colors.DodgerBlue);
                point.MarkerSize = 12;
                point.LegendText = $"expansion point a = {series.Point.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}";
            }
        }
        plot.Axes.SetLimits(from, to, low, high);
        plot.XLabel("x");
        plot.YLabel("y");
        LegendPlacement.ShowBelowIfAny(plot);
        return new Figure(plot, 540, 480);
    }
}
