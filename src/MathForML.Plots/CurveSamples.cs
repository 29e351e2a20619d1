using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// A function sampled on an interval for drawing: the vertical range worth showing (robust to poles) and the pieces of
/// the curve between its gaps (non-finite values, or jumps out of the shown range as at a pole).
/// </summary>
internal static class CurveSamples
{
    /// <summary>Samples f at <paramref name="count"/> evenly spaced points of [from, to].</summary>
    public static (double[] X, double[] Y) Sample(Func<double, double> f, double from, double to, int count = 401)
    {
        var x = new double[count];
        var y = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = from + ((to - from) * i / (count - 1));
            y[i] = f(x[i]);
        }
        return (x, y);
    }

    /// <summary>
    /// The vertical range to show: from the 3rd to the 97th percentile of the finite values (so a pole does not flatten
    /// the rest), widened by 15 % of its span on each side; (−1, 1) when no value is finite.
    /// </summary>
    public static (double Low, double High) Range(double[] y)
    {
        var finite = y.Where(double.IsFinite).Order().ToArray();
        if (finite.Length == 0) return (-1, 1);
        double low = finite[(int)(0.03 * (finite.Length - 1))], high = finite[(int)Math.Ceiling(0.97 * (finite.Length - 1))];
        double span = high - low;
        if (span < 1e-9) span = Math.Max(1, Math.Abs(high));
        return (low - (0.15 * span), high + (0.15 * span));
    }

    /// <summary>Adds the curve as lines, broken where a value is not finite or lies far outside (<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <returns>The first piece drawn (for its legend entry), or null when nothing was drawn.</returns>
    public static ScottPlot.Plottables.Scatter? AddPieces(Plot plot, double[] x, double[] y, double low, double high, Color color)
    {
        double margin = 4 * (high - low);
        ScottPlot.Plottables.Scatter? first = null;
        int start = -1;
        for (int i = 0; i <= x.Length; i++)
        {
            bool inside = i < x.Length && double.IsFinite(y[i]) && y[i] > low - margin && y[i] < high + margin;
            if (inside && start < 0) start = i;
            if (!inside && start >= 0)
            {
                if (i - start >= 2)
                {
                    var piece = plot.Add.ScatterLine(x[start..i], y[start..i], color);
                    first ??= piece;
                }
                start = -1;
            }
        }
        return first;
    }
}
