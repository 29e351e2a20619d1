using System.Globalization;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>The steps of a 1-D root finder drawn on its function: Newton's tangents or the secant method's chords, each down to the x-axis.</summary>
public static class RootFindingPlot
{
    /// <summary>How many steps are drawn at most (the rest would pile up at the root, or cycle over the first ones).</summary>
    public const int MaxStepsDrawn = 12;

    /// <summary>
    /// f on [<paramref name="from"/>, <paramref name="to"/>] with the iterates x₀, x₁, … of a root finder: at each xₖ the
    /// point (xₖ, f(xₖ)) and the line that gives xₖ₊₁ where it crosses y = 0: the tangent at xₖ (Newton) or the chord
    /// through (xₖ₋₁, f(xₖ₋₁)) and (xₖ, f(xₖ)) (secant, whose path starts with its two starting points).
    /// </summary>
    /// <param name="title">The figure's title.</param>
    /// <param name="f">The function.</param>
    /// <param name="fLabel">The function's legend label.</param>
    /// <param name="path">The iterates, the start first.</param>
    /// <param name="secant">Whether the path is the secant method's (chords) rather than Newton's (tangents).</param>
    /// <param name="from">The left end of the interval.</param>
    /// <param name="to">The right end of the interval.</param>
    /// <exception cref="ArgumentException">The interval is empty or not finite.</exception>
    public static Figure Create(string title, Func<double, double> f, string fLabel, IReadOnlyList<double> path, bool secant, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(path);
        if (!(to > from) || !double.IsFinite(from) || !double.IsFinite(to))
            throw new ArgumentException($"The interval [{from}, {to}] must be finite and not empty.", nameof(to));
        var plot = new Plot();
        plot.Title(title);
        var (x, y) = CurveSamples.Sample(f, from, to);
        var (low, high) = CurveSamples.Range(y);
        low = Math.Min(low, -0.1 * (high - low));   // the x-axis, where the steps land, always shows
        high = Math.Max(high, 0.1 * (high - low));
        var zero = plot.Add.HorizontalLine(0, 1, Colors.Gray);
        zero.LinePattern = LinePattern.Solid;   // the guide line's default is dashed
        var curve = CurveSamples.AddPieces(plot, x, y, low, high, Colors.Black);
        foreach (var piece in plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>()) piece.LineWidth = 2;
        if (curve is not null) curve.LegendText = fLabel;

        var colour = secant ? Colors.DarkViolet : Colors.OrangeRed;
        int first = secant ? 1 : 0;   // the secant's first line is the chord through x₀ and x₁
        bool labelled = false;
        for (int k = first; k + 1 < path.Count && k - first < MaxStepsDrawn; k++)
        {
            double xk = path[k], xNext = path[k + 1], fk = f(xk);
            if (!double.IsFinite(fk) || !double.IsFinite(xNext)) break;
            double xStart = secant ? path[k - 1] : xk, fStart = secant ? f(path[k - 1]) : fk;
            var line = plot.Add.Line(xStart, fStart, xNext, 0);
            line.LineColor = colour;
            line.LineWidth = 1.5f;
            if (!labelled) line.LegendText = secant ? "chord through the last two points" : "tangent at xₖ, to the axis";
            labelled = true;
            var drop = plot.Add.Line(xNext, 0, xNext, f(xNext));
            drop.LineColor = colour.WithAlpha(0.35);   // faint rather than dotted: Skia's SVG canvas has no dash effect
            drop.LineWidth = 1;
        }
        int shown = Math.Min(path.Count, MaxStepsDrawn + first + 1);
        var xs = path.Take(shown).Where(double.IsFinite).ToArray();
        var marks = plot.Add.ScatterPoints(xs, xs.Select(f).ToArray(), colour);
        marks.MarkerSize = 8;
        marks.LegendText = "iterates (xₖ, f(xₖ))";
        if (path.Count > 0 && double.IsFinite(path[0]))
        {
            var start = plot.Add.ScatterPoints(new[] { path[0] }, new[] { f(path[0]) }, Colors.DodgerBlue);
            start.MarkerSize = 13;
            start.LegendText = $"start x₀ = {path[0].ToString("0.###", CultureInfo.InvariantCulture)}";
        }
        plot.Axes.SetLimits(from, to, low, high);
        plot.XLabel("x");
        plot.YLabel("f(x)");
        LegendPlacement.ShowBelowIfAny(plot);
        return new Figure(plot, 540, 440);
    }
}
