using MathForML.Calculus;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.Graphs;
using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;
using MathForML.Optimization;
using MathForML.Plots;
using MathForML.Statistics;
using MathForML.Tests.DimensionalityReduction;

namespace MathForML.Tests.Plots;

/// <summary>
/// Every figure of MathForML.Plots draws from real results and saves atomically: a PNG (or an SVG by extension) and
/// nothing else in the folder, and no file at all when the save fails.
/// </summary>
public class FigureTests
{
    private static readonly byte[] PngMagic = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    public static TheoryData<string> FigureNames => new() { "pca-spectrum", "pca-error", "pca-scatter", "pca-reconstructions", "pca-components", "histogram-fit", "curve-fit", "ranks", "reflection", "reflection-basis", "vectors", "matrix", "grid-transform", "projection", "loss", "accuracy", "course-curve", "course-cost", "image-strip", "image-single" };

    [Theory]
    [MemberData(nameof(FigureNames))]
    public void EachFigureSavesAPngAndNothingElse(string name)
    {
        using var dir = new TempDirectory();
        var figure = Create(name);
        var path = figure.Save(dir.File(name + ".png"));
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 4).SequenceEqual(PngMagic), $"{name}: not a PNG");
        Assert.True(bytes.Length > 5_000, $"{name}: {bytes.Length} bytes is too small to hold the picture");
        Assert.Equal([name + ".png"], dir.Files());
    }

    [Fact]
    public void AnSvgNameGivesAnSvg()
    {
        using var dir = new TempDirectory();
        var path = Create("ranks").Save(dir.File("ranks.svg"));
        Assert.Contains("<svg", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void ASaveIntoAMissingFolderFailsAndWritesNothing()
    {
        using var dir = new TempDirectory();
        Assert.Throws<DirectoryNotFoundException>(() => Create("ranks").Save(dir.File("no/such/folder/ranks.png")));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void PcaSaveAllWritesFiveFiguresForImagesAndThreeOtherwise()
    {
        using var dir = new TempDirectory();
        var x = MnistSubset.Images;
        var fit = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance });
        Assert.Equal(["spectrum.png", "reconstruction-error.png", "scatter.png", "reconstructions.png", "components.png"],
            PcaPlots.SaveAll(dir.Path, x, MnistSubset.Labels, fit));
        var table = Matrix.FromRows([1, 2, 3], [2, 1, 0], [4, 4, 1], [0, 3, 2]);
        using var other = new TempDirectory();
        Assert.Equal(["spectrum.png", "reconstruction-error.png", "scatter.png"], PcaPlots.SaveAll(other.Path, table, null, Pca.Fit(table)));
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        var x = MnistSubset.Images;
        var fit = Pca.Fit(x.SliceRows(..50), new PcaOptions { Components = 5 });
        Assert.Equal(28, PcaPlots.ImageSide(784));
        Assert.Null(PcaPlots.ImageSide(783));
        Assert.Throws<ArgumentException>(() => PcaPlots.Scatter(fit, x.SliceRows(..50), [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => PcaPlots.Components(fit, 27));
        Assert.Throws<ArgumentException>(() => ImagePlots.Strip("t", x.SliceRows(..3), 28, ["one", "two"]));
        Assert.Throws<ArgumentException>(() => ImagePlots.Single("t", x.Row(0), 27));
        Assert.Throws<ArgumentException>(() => FitPlots.CurveFit("t", [1, 2], [1], Expression.Parse("b1*x"), LineFit()));
    }

    private static NonlinearLeastSquaresResult LineFit() =>
        NonlinearLeastSquares.Fit(Expression.Parse("b1*x"), ["x"], Matrix.FromRows([1.0], [2.0], [3.0]), [2.1, 3.9, 6.2], ["b1"], [1.0]);

    private static Figure Create(string name)
    {
        switch (name)
        {
            case "pca-spectrum": return PcaPlots.Spectrum(MnistPca.Value);
            case "pca-error": return PcaPlots.ReconstructionError(MnistPca.Value);
            case "pca-scatter": return PcaPlots.Scatter(MnistPca.Value, MnistSubset.Images, MnistSubset.Labels);
            case "pca-reconstructions": return PcaPlots.Reconstructions(MnistPca.Value, MnistSubset.Images, MnistSubset.Labels, 28);
            case "pca-components": return PcaPlots.Components(MnistPca.Value, 28);
            case "histogram-fit":
                var histogram = HeightData.DensityHistogram();
                var centres = Matrix.FromRows(histogram.Centers.Select(c => new[] { c }).ToArray());
                var fit = NonlinearLeastSquares.Fit(HeightData.Gaussian, ["x"], centres, histogram.Frequencies, ["mu", "sigma"], [155.0, 6.0]);
                return FitPlots.HistogramFit("heights", histogram, HeightData.Gaussian, fit, "height (cm)");
            case "curve-fit": return FitPlots.CurveFit("a line", [1, 2, 3], [2.1, 3.9, 6.2], Expression.Parse("b1*x"), LineFit());
            case "ranks":
                var ranks = PageRank.Course(InternetGenerator.Generate(12, 3), damping: 0.85);
                return RankBarPlot.Create("ranks", ranks.Ranks.Select((r, i) => (i, r)).ToArray(), "surfers (of 100)");
            case "reflection":
                var mirror = Matrix.FromRows([2, -1], [1, 2]);
                return ReflectionPlot.Create(Bear.Parts(), Transformations.Reflection(mirror), mirror.Column(0));
            case "reflection-basis":
                var basis = Matrix.FromRows([1, -1], [1.5, 2]);
                return ReflectionPlot.CreateWithBasis(Bear.Parts(), Transformations.Reflection(basis), basis);
            case "vectors":
                var steps = GramSchmidt.Steps(Matrix.FromRows([3, 1], [1, 2]));
                return VectorPlot.Create("Gram-Schmidt", [PlotArrow.FromOrigin(3, 1, "b0", ScottPlot.Colors.Gray, faint: true),
                    PlotArrow.FromOrigin(steps[^1].After[0], steps[^1].After[1], "e1", ScottPlot.Colors.SteelBlue)]);
            case "matrix":
                var operations = SingularityTest.Steps(Matrix.FromRows([0, 7, -5, 3], [2, 8, 0, 4], [3, 12, 0, 5], [1, 3, 1, 3]));
                return MatrixPlot.Create(operations[2].After, "fixRowOne", highlightRow: 1);
            case "grid-transform":
                return GridTransformPlot.Create(Matrix.FromRows([1, 1], [0.5, 1.5]), "A", [PlotArrow.FromOrigin(1, 1, "v", ScottPlot.Colors.DarkGreen)]);
            case "projection":
                var cloud = Matrix.FromRows([2, 1.2], [1, 0.3], [-1, -0.8], [-2, -1.1]);
                var along = Matrix.FromRows([2], [1]);
                return ProjectionPlot.Create(cloud, MathForML.Geometry.Projection.RowsOntoSubspace(cloud, along), Vector.Of(2, 1), "onto span(b)");
            case "loss": return TrainingPlots.Loss(Epochs);
            case "accuracy": return TrainingPlots.Accuracy(Epochs);
            case "image-strip": return ImagePlots.Strip("digits", MnistSubset.Images.SliceRows(..4), 28, ["a", "b", "c", "d"]);
            case "image-single": return ImagePlots.Single("the mean digit", SampleStatistics.Mean(MnistSubset.Images), 28);
            case "course-curve": return TrainingPlots.CourseCurve(Course.Value.Network, CurveData.Heart().Y, Course.Value.Training);
            default: return TrainingPlots.CourseCost(Course.Value.Training);
        }
    }

    private static readonly Lazy<Pca> MnistPca = new(() => Pca.Fit(MnistSubset.Images, new PcaOptions { Solver = PcaSolver.Covariance }));

    private static readonly EpochReport[] Epochs = [new(0, 1.2, 0.61, 0.58, 0.1), new(1, 0.7, 0.82, 0.80, 0.1), new(2, 0.5, 0.88, 0.85, 0.1)];

    private static readonly Lazy<(CourseNetwork Network, CourseTraining Training)> Course = new(() =>
    {
        var (x, y) = CurveData.Heart();
        var network = new CourseNetwork(1);
        return (network, network.Train(x, y, 2_000, 7, recordEvery: 100));
    });
}
