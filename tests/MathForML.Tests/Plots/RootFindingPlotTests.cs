using MathForML.Calculus;
using MathForML.Plots;

namespace MathForML.Tests.Plots;

/// <summary>The root-finding figure: one line per step (and a thinner one down from the curve to each landing), from the tangent (or chord) to the axis, labelled; at most <see cref="RootFindingPlot.MaxStepsDrawn"/> steps.</summary>
public class RootFindingPlotTests
{
    private static List<string> LegendOf(Figure figure) =>
        figure.Plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t)).ToList();

    private static double F(double x) => (x * x * x) - (2 * x) + 2;

    [Fact]
    public void NewtonsTangentsEndOnTheAxisAtTheNextIterate()
    {
        var r = NewtonRaphson.FindRoot(F, x => (3 * x * x) - 2, -2);
        var path = r.Path.Select(p => p[0]).ToArray();
        var figure = RootFindingPlot.Create("Newton", F, "f", path, secant: false, -3, 3);
        var lines = figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.LinePlot>().Where(l => l.LineWidth > 1).ToArray();
        Assert.Equal(Math.Min(path.Length - 1, RootFindingPlot.MaxStepsDrawn), lines.Length);
        Assert.Equal(path[0], lines[0].Start.X);
        Assert.Equal(path[1], lines[0].End.X);
        Assert.Equal(0, lines[0].End.Y);
        Assert.Contains("tangent at xₖ, to the axis", LegendOf(figure));
        Assert.Contains("start x₀ = -2", LegendOf(figure));
        Assert.Equal("f(x)", figure.Plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void TheSecantsChordsStartAtThePointBefore()
    {
        var r = Secant.Solve(F, -2);
        var figure = RootFindingPlot.Create("secant", F, "f", r.Path, secant: true, -3, 3);
        var first = figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.LinePlot>().First();
        Assert.Equal(r.Path[0], first.Start.X);
        Assert.Equal(r.Path[2], first.End.X);
        Assert.Contains("chord through the last two points", LegendOf(figure));
    }

    [Fact]
    public void ACycleIsDrawnOnlyForItsFirstSteps()
    {
        var r = NewtonRaphson.FindRoot(F, x => (3 * x * x) - 2, 0);
        Assert.False(r.Converged);
        var figure = RootFindingPlot.Create("cycle", F, "f", r.Path.Select(p => p[0]).ToArray(), secant: false, -3, 3);
        Assert.True(figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.LinePlot>().Count() <= 2 * RootFindingPlot.MaxStepsDrawn);
    }
}
