using MathForML.Calculus;
using MathForML.Plots;

namespace MathForML.Tests.Plots;

/// <summary>The Taylor figure: the function, the polynomial and the point, labelled; a pole breaks the curve instead of joining its branches.</summary>
public class TaylorPlotTests
{
    private static List<string> LegendOf(Figure figure) =>
        figure.Plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t)).ToList();

    [Fact]
    public void TheFunctionThePolynomialAndThePointAreLabelled()
    {
        var series = TaylorSeries.Expand(Expression.Parse("cos(x)"), "x", 0, 4);
        var figure = TaylorPlot.Create("cos", Math.Cos, "f(x) = cos x", series, -6, 6);
        Assert.Equal(["f(x) = cos x", "Taylor polynomial of order 4", "expansion point a = 0"], LegendOf(figure));
        Assert.Equal("x", figure.Plot.Axes.Bottom.Label.Text);
        Assert.Equal("y", figure.Plot.Axes.Left.Label.Text);
        var limits = figure.Plot.Axes.GetLimits();
        Assert.True(limits.Bottom < -1 && limits.Top > 1 && limits.Top < 2, $"cos x's range, not the polynomial's: {limits}");
    }

    [Fact]
    public void APoleSplitsTheCurveIntoItsBranches()
    {
        var figure = TaylorPlot.Create("1/x", x => 1 / x, "f(x) = 1/x", null, -1, 4);
        var lines = figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToArray();
        Assert.Equal(2, lines.Length);
        Assert.All(lines[0].Data.GetScatterPoints(), p => Assert.True(p.X < 0));
        Assert.All(lines[1].Data.GetScatterPoints(), p => Assert.True(p.X > 0));
    }

    [Fact]
    public void AFormulaThatCannotBeDrawnStillGivesAxesAndATitle()
    {
        var svg = TaylorPlot.Create("nothing to draw", _ => double.NaN, "f", null, -1, 1).Plot.GetSvgXml(540, 480);
        Assert.True(svg.Length > 5_000, $"{svg.Length} characters is an empty picture");
    }

    [Fact]
    public void AnEmptyIntervalIsRefused() =>
        Assert.Throws<ArgumentException>(() => TaylorPlot.Create("t", Math.Sin, "sin", null, 1, 1));
}
