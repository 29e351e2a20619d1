using MathForML.Data;
using MathForML.Tests.DimensionalityReduction;

namespace MathForML.Tests.Cli;

/// <summary>
/// The CLI only translates: options are the library's enums (any case, only their names), a fit is done once whatever
/// is asked for, and the library's checks are the ones the user sees, under the flag's name.
/// </summary>
public class TranslationTests
{
    [Theory]
    [InlineData("covariance")]
    [InlineData("Covariance")]
    [InlineData("COVARIANCE")]
    public void EnumOptionsTakeTheirNamesInAnyCase(string solver)
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.npy");
        NpyFile.Write(path, MnistSubset.Images.SliceRows(..40));
        Assert.Equal("covariance", CliRunner.Json("pca", "--data", path, "--components", "2", "--solver", solver).GetProperty("solver").GetString());
    }

    [Theory]
    [InlineData("--solver must be one of auto, covariance, gram, randomized, got '1'.", "pca", "--solver", "1")]
    [InlineData("--method must be one of lm, gauss-newton, steepest, got 'LevenbergMarquardt'.", "fit", "--data", "d.csv", "--method", "LevenbergMarquardt")]
    [InlineData("--optimizer must be one of sgd, adam, got 'Sgd2'.", "nn", "train", "--optimizer", "Sgd2")]
    public void AnythingButTheNamesIsAParseError(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHelpListsTheChoices()
    {
        var (code, output, _) = CliRunner.Run("pca", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--solver <auto|covariance|gram|randomized>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PlotsComeFromTheSameFitAsTheNumbers()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.npy");
        NpyFile.Write(path, MnistSubset.Images.SliceRows(..60));
        var plain = CliRunner.Json("pca", "--data", path, "--components", "4");
        var plotted = CliRunner.Json("pca", "--data", path, "--components", "4", "--plots", dir.File("figures"));
        Assert.Equal(plain.GetProperty("eigenvalues").ToVector().ToArray(), plotted.GetProperty("eigenvalues").ToVector().ToArray(), new ToleranceComparer(1e-9));
        Assert.Equal(plain.GetProperty("reconstruction_mse").ToVector().ToArray(), plotted.GetProperty("reconstruction_mse").ToVector().ToArray(), new ToleranceComparer(1e-9));
        Assert.Equal(5, plotted.GetProperty("plots").GetArrayLength());
    }

    private sealed class ToleranceComparer(double relative) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= relative * Math.Max(Math.Abs(a), Math.Abs(b));

        public int GetHashCode(double value) => 0;
    }
}
