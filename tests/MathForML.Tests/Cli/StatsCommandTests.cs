using System.Globalization;
using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.Statistics;
using MathForML.Tests.DimensionalityReduction;
using static MathForML.Tests.PcaCourseReference;

namespace MathForML.Tests.Cli;

/// <summary><c>mml stats mean|cov</c> against the course's week 1 computed by numpy (Reference/pca-course, to 1e-10).</summary>
public class StatsCommandTests
{
    /// <summary>Writes <paramref name="x"/> as CSV with every double in its round-trip form (the file holds it exactly).</summary>
    internal static string WriteCsv(TempDirectory dir, string name, Matrix x) =>
        dir.Write(name, string.Join('\n', Enumerable.Range(0, x.Rows).Select(i =>
            string.Join(',', x.Row(i).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))))) + "\n");

    [Fact]
    public void MeanAndCovarianceMatchNumpy()
    {
        using var dir = new TempDirectory();
        var path = WriteCsv(dir, "small.csv", Small);
        var week1 = Week(1);
        var mean = CliRunner.Json("stats", "mean", path);
        Assert.Equal(12, mean.GetProperty("n").GetInt32());
        Assert.Equal(5, mean.GetProperty("d").GetInt32());
        AssertClose(week1.GetProperty("mean").ToVector(), mean.GetProperty("mean").ToVector(), 1e-10, "mean");

        var biased = CliRunner.Json("stats", "cov", path);
        Assert.Equal(0, biased.GetProperty("ddof").GetInt32());
        AssertClose(week1.GetProperty("cov_bias").ToMatrix(), biased.GetProperty("covariance").ToMatrix(), 1e-10, "cov (divide by N)");
        AssertClose(week1.GetProperty("cov").ToMatrix(), biased.GetProperty("covariance").ToMatrix(), 1e-10, "cov_naive");

        var unbiased = CliRunner.Json("stats", "cov", path, "--ddof", "1");
        Assert.Equal(1, unbiased.GetProperty("ddof").GetInt32());
        AssertClose(week1.GetProperty("cov_ddof1").ToMatrix(), unbiased.GetProperty("covariance").ToMatrix(), 1e-10, "cov --ddof 1");
    }

    [Fact]
    public void EveryDataFormatGivesTheSameMean()
    {
        using var dir = new TempDirectory();
        var expected = Week(1).GetProperty("mean").ToVector();
        var npy = dir.File("small.npy");
        NpyFile.Write(npy, Small);
        var parquet = dir.File("small.parquet");
        ParquetFile.Write(parquet, Small);
        var indexed = dir.Write("indexed.csv", "id,a,b,c,d,e\n" + string.Join('\n', Enumerable.Range(0, Small.Rows).Select(i =>
            $"row{i}," + string.Join(',', Small.Row(i).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))))) + "\n");
        foreach (var args in new[] { new[] { npy }, [parquet], [indexed, "--index-col", "0"] })
            AssertClose(expected, CliRunner.Json(["stats", "mean", .. args]).GetProperty("mean").ToVector(), 1e-10, args[0]);
    }

    [Fact]
    public void Uint8PixelsAreScaledAsPcaReadsThem()
    {
        // mnist500-x.npy holds uint8 pixels: --scale auto divides by 255, as mml pca does.
        var json = CliRunner.Json("stats", "mean", MnistSubset.ImagesPath);
        Assert.Equal(784, json.GetProperty("d").GetInt32());
        AssertClose(SampleStatistics.Mean(MnistSubset.Images), json.GetProperty("mean").ToVector(), 1e-15, "mean of x/255");
        var raw = CliRunner.Json("stats", "mean", MnistSubset.ImagesPath, "--scale", "none").GetProperty("mean").ToVector();
        AssertClose(SampleStatistics.Mean(MnistSubset.Images) * 255, raw, 1e-12, "mean of x");
    }

    [Fact]
    public void OutWritesTheVectorAndTheMatrix()
    {
        using var dir = new TempDirectory();
        var path = WriteCsv(dir, "small.csv", Small);
        var (code, output, error) = CliRunner.Run("stats", "mean", path, "--out", dir.File("mu.npy"));
        Assert.True(code == 0, error);
        Assert.Contains("wrote", output);
        var (shape, mu) = NpyFile.Read<double>(dir.File("mu.npy"));
        Assert.Equal([5L], shape);   // a 1-D array, as numpy keeps a mean
        AssertClose(Week(1).GetProperty("mean").ToVector(), Vector.Of(mu), 1e-10, "mu.npy");

        CliRunner.Json("stats", "cov", path, "--ddof", "1", "--out", dir.File("s.csv"));
        AssertClose(Week(1).GetProperty("cov_ddof1").ToMatrix(), MatrixFile.Read(dir.File("s.csv")), 1e-10, "s.csv");
        CliRunner.Json("stats", "mean", path, "--out", dir.File("mu.csv"));
        Assert.Equal(1, MatrixFile.Read(dir.File("mu.csv")).Rows);
        Assert.DoesNotContain(dir.Files(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void HumanOutputNamesTheDivisor()
    {
        using var dir = new TempDirectory();
        var path = WriteCsv(dir, "small.csv", Small);
        var (code, output, _) = CliRunner.Run("stats", "cov", path);
        Assert.Equal(0, code);
        Assert.Contains("Covariance of 12 samples of 5 features, divided by N = 12", output);
        Assert.Contains("S (5×5):", output);
        (code, output, _) = CliRunner.Run("stats", "cov", path, "--ddof", "1");
        Assert.Contains("divided by N − 1 = 11", output);
        (code, output, _) = CliRunner.Run("stats", "mean", path);
        Assert.Contains("μ: [4.13014, -2.28942, -0.155119, 1.18561, 10.1295]", output);
    }
}
