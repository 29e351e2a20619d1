using MathForML.Data;
using MathForML.Plots;

namespace MathForML.Tests.Plots;

/// <summary>The χ² plane: shading, contours, the descent's path from its start and the other solver's minimum, labelled.</summary>
public class ChiSquaredContourPlotTests
{
    private static List<string> LegendOf(Figure figure) =>
        figure.Plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t)).ToList();

    [Fact]
    public void TheCoursesDescentIsDrawnOverItsChiSquared()
    {
        var h = HeightData.CourseHistogram();
        var fit = HeightData.CourseFit(h);
        var figure = ChiSquaredContourPlot.Create("χ²", (mu, sigma) => HeightData.ChiSquared(h, mu, sigma), "μ (cm)", "σ (cm)",
            150, 200, 2, 16, fit.Path, "steepest descent", [178.5, 7.55], "Levenberg–Marquardt");
        Assert.Equal(["steepest descent", "start (155, 6)", "end (178.52, 7.55)", "Levenberg–Marquardt"], LegendOf(figure));
        Assert.Single(figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.Heatmap>());
        Assert.Single(figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.ContourLines>());
        Assert.Equal("μ (cm)", figure.Plot.Axes.Bottom.Label.Text);
        Assert.Equal("σ (cm)", figure.Plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void APathThatBlowsUpIsDrawnUpToItsLastFinitePoint()
    {
        double[][] path = [[160, 6], [170, 7], [double.NaN, double.NaN], [175, 8]];
        var figure = ChiSquaredContourPlot.Create("t", (x, y) => 1 + (x * x) + (y * y), "p", "q", 150, 200, 2, 16, path, "descent", null, "");
        var line = figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().First();
        Assert.Equal(2, line.Data.GetScatterPoints().Count);
        Assert.Contains("end (170, 7)", LegendOf(figure));
    }

    [Fact]
    public void AnEmptyRangeIsRefused() =>
        Assert.Throws<ArgumentException>(() => ChiSquaredContourPlot.Create("t", (x, y) => 1, "p", "q", 1, 1, 0, 1, [], "d", null, ""));
}
