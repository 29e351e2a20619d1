using MathForML.Optimization;
using MathForML.Plots;
using MathForML.Randomness;

namespace MathForML.Tests.Plots;

/// <summary>The sandpit's pictures: a PNG of a game and of compared paths, with the labels a learner needs (checked in the SVG).</summary>
public class SandpitPlotsTests
{
    private static readonly Lazy<Sandpit> RandomSeed0 = new(() => new Sandpit(SandpitLandscape.Create(SandpitLandscapeKind.Random, new NumPyRandom(0))));

    [Fact]
    public void AGameIsDrawnWithItsClicksPathsAndThePhone()
    {
        using var dir = new TempDirectory();
        var game = new SandpitGame(RandomSeed0.Value, SandpitMode.SteepestDescent, SandpitStrategies.Gradient());
        var clicks = new[] { game.Click(3, 1.5), game.Click(5, 5) };
        var figure = SandpitPlots.Game(RandomSeed0.Value, "Sandpit: a game", clicks);
        var png = File.ReadAllBytes(figure.Save(dir.File("game.png")));
        Assert.True(png.Length > 20_000, $"{png.Length} bytes is too small for the picture");
        var legend = LegendOf(figure);
        foreach (var text in new[] { "steps after a click", "clicks (numbered)", "phone (global minimum, 0.97, 0.52)", "stuck: a local minimum without the phone", "dip-stick arrow −J (downhill)" })
            Assert.Contains(text, legend);
        Assert.Equal("Sandpit: a game", figure.Plot.Axes.Title.Label.Text);
        Assert.Equal("x", figure.Plot.Axes.Bottom.Label.Text);
        Assert.Equal("y", figure.Plot.Axes.Left.Label.Text);
        // The numbers beside the clicks.
        var numbers = figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t => t.LabelText).ToArray();
        Assert.Equal(["1", "2"], numbers);
    }

    private static List<string> LegendOf(Figure figure) =>
        figure.Plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t)).ToList();

    [Fact]
    public void PathsShareAColourAndALegendEntryPerLabel()
    {
        using var dir = new TempDirectory();
        var sandpit = RandomSeed0.Value;
        var paths = new List<(string, IReadOnlyList<double[]>)>();
        foreach (var (label, step) in new[] { ("gradient", SandpitStrategies.Gradient()), ("hybrid", SandpitStrategies.Hybrid()) })
            foreach (var (x, y) in new[] { (3.0, 1.5), (0.5, 4.5) })
                paths.Add((label, SandpitDescent.Play(sandpit, x, y, step).Points));
        var figure = SandpitPlots.Paths(sandpit, "two strategies", paths);
        Assert.True(new FileInfo(figure.Save(dir.File("paths.png"))).Length > 20_000);
        var legend = LegendOf(figure);
        Assert.Single(legend, "gradient");
        Assert.Single(legend, "hybrid");
        var lines = figure.Plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Where(p => p.LineWidth > 0).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.Equal(lines[0].Color, lines[1].Color);
        Assert.NotEqual(lines[0].Color, lines[2].Color);
    }

    [Fact]
    public void AHiddenGameShowsTheClicksButNeitherDepthsNorThePhone()
    {
        var game = new SandpitGame(RandomSeed0.Value);
        var figure = SandpitPlots.Game(RandomSeed0.Value, "hidden", [game.Click(3, 1.5)], reveal: false);
        var plottables = figure.Plot.GetPlottables().ToArray();
        Assert.Empty(plottables.OfType<ScottPlot.Plottables.Heatmap>());
        Assert.Empty(plottables.OfType<ScottPlot.Plottables.ContourLines>());
        var legend = LegendOf(figure);
        Assert.Contains("clicks (numbered)", legend);
        Assert.Contains("dip-stick arrow −J (downhill)", legend);
        Assert.DoesNotContain(legend, t => t.StartsWith("phone", StringComparison.Ordinal));
        Assert.Equal("x", figure.Plot.Axes.Bottom.Label.Text);
    }

    [Fact]
    public void AHiddenGameBeforeItsFirstGuessIsDrawn()
    {
        // Nothing but the sand: the legend must still have an entry, or ScottPlot draws an empty picture.
        var svg = SandpitPlots.Game(RandomSeed0.Value, "hidden", [], reveal: false).Plot.GetSvgXml(540, 600);
        Assert.Contains("hidden", svg);
        Assert.True(svg.Length > 5_000, $"{svg.Length} characters is an empty picture");
    }
}
