using MathForML.Data;
using MathForML.Tests.DimensionalityReduction;

namespace MathForML.Tests.Cli;

public class PcaCommandTests
{
    [Fact]
    public void JsonOnAFileMatchesTheStoredNumpyEigenvalues()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.npy");
        NpyFile.Write(path, MnistSubset.Images);
        var json = CliRunner.Json("pca", "--data", path, "--components", "5", "--solver", "covariance");
        Assert.Equal(500, json.GetProperty("n").GetInt32());
        Assert.Equal(784, json.GetProperty("d").GetInt32());
        Assert.Equal("covariance", json.GetProperty("solver").GetString());
        var (_, numpy) = NpyFile.Read<double>(ReferenceData.PathOf("mnist", "eigenvalues.npy"));
        var eig = json.GetProperty("eigenvalues").ToVector();
        Assert.Equal(5, eig.Length);
        for (int i = 0; i < 5; i++) Assert.Equal(numpy[i], eig[i], 1e-9 * numpy[i]);
        var mse = json.GetProperty("reconstruction_mse").ToVector();
        Assert.Equal(5, mse.Length);
        Assert.Equal(numpy.Skip(1).Sum(), mse[0], 1e-8);
        Assert.True(json.GetProperty("explained_variance_ratio")[0].GetDouble() > 0.05);
        Assert.True(json.GetProperty("seconds").GetDouble() >= 0);
        Assert.True(json.GetProperty("load_seconds").GetDouble() >= 0);
    }

    [Fact]
    public void PlotsAreWrittenWithLabels()
    {
        using var dir = new TempDirectory();
        var plots = Path.Combine(dir.Path, "plots");
        var json = CliRunner.Json("pca", "--data", MnistSubset.ImagesPath, "--labels", MnistSubset.LabelsPath, "--components", "3",
            "--solver", "randomized", "--plots", plots);
        Assert.Equal("randomized", json.GetProperty("solver").GetString());
        foreach (var name in new[] { "spectrum.png", "reconstruction-error.png", "scatter.png", "reconstructions.png", "components.png" })
            Assert.True(new FileInfo(Path.Combine(plots, name)).Length > 5_000, name);
        Assert.Equal(5, json.GetProperty("plots").GetArrayLength());
        Assert.DoesNotContain(Directory.GetFiles(plots), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void HumanOutputIsATable()
    {
        var (code, output, error) = CliRunner.Run("pca", "--data", MnistSubset.ImagesPath, "--components", "3", "--normalize");
        Assert.Equal(0, code);
        Assert.Contains("PCA of 500×784 data, K = 3, solver gram, normalised", output);
        Assert.Contains("cumulative", output);
        Assert.Contains("features are constant", error);   // the warning goes to stderr
    }

    [Fact]
    public void ConstantFeatureWithNormalizeIsCentredNotDivided()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("c.csv", "1,5,2\n2,5,0\n3,5,1\n4,5,7\n");
        var json = CliRunner.Json("pca", "--data", path, "--normalize", "--components", "3");
        var ratio = json.GetProperty("explained_variance_ratio").ToVector();
        Assert.All(ratio.ToArray(), r => Assert.True(double.IsFinite(r)));
        Assert.Equal(2, json.GetProperty("total_variance").GetDouble(), 12);   // two non-constant features of variance 1
    }

    [Fact]
    public void GramIsChosenForWideData()
    {
        using var dir = new TempDirectory();
        var path = dir.File("wide.npy");
        NpyFile.Write(path, MnistSubset.Images.SliceRows(..40));
        var json = CliRunner.Json("pca", "--data", path, "--components", "10");
        Assert.Equal("gram", json.GetProperty("solver").GetString());
    }

    [Theory]
    [InlineData("small_k2", false)]
    [InlineData("small_k2_normalized", true)]
    public void OutputFilesMatchTheCoursesPca(string name, bool normalize)
    {
        using var dir = new TempDirectory();
        var path = StatsCommandTests.WriteCsv(dir, "small.csv", PcaCourseReference.Small);
        var expected = PcaCourseReference.Week(4).GetProperty(name);
        string[] args = ["pca", "--data", path, "--components", "2", "--out-mean", dir.File("mu.npy"), "--out-components", dir.File("b.npy"),
            "--course-layout", "--out-reconstruction", dir.File("r.csv")];
        var json = CliRunner.Json(normalize ? [.. args, "--normalize"] : args);
        Assert.Equal("columns", json.GetProperty("components_layout").GetString());
        Assert.Equal(3, json.GetProperty("outputs").GetArrayLength());
        var (shape, mu) = NpyFile.Read<double>(dir.File("mu.npy"));
        Assert.Equal([5L], shape);
        PcaCourseReference.AssertClose(expected.GetProperty("mean").ToVector(), MathForML.LinearAlgebra.Vector.Of(mu), 1e-10, "mean");
        var b = MatrixFile.Read(dir.File("b.npy"));
        PcaCourseReference.AssertSameUpToColumnSigns(expected.GetProperty("basis").ToMatrix(), b, 1e-10, "B (D×K)");
        PcaCourseReference.AssertClose(expected.GetProperty("reconstruction").ToMatrix(), MatrixFile.Read(dir.File("r.csv")), 1e-10, "reconstruction");

        // Without --course-layout the components are rows, K×D: Bᵀ.
        string[] rows = ["pca", "--data", path, "--components", "2", "--out-components", dir.File("rows.npy")];
        CliRunner.Json(normalize ? [.. rows, "--normalize"] : rows);
        PcaCourseReference.AssertClose(b.Transpose(), MatrixFile.Read(dir.File("rows.npy")), 0, "rows");
        Assert.DoesNotContain(dir.Files(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void MnistBasisInTheCourseLayoutMatchesNumpyUpToColumnSigns()
    {
        using var dir = new TempDirectory();
        var (code, output, error) = CliRunner.Run("pca", "--data", MnistSubset.ImagesPath, "--components", "10", "--solver", "covariance",
            "--out-components", dir.File("b.npy"), "--course-layout", "--out-reconstruction", dir.File("r.npy"));
        Assert.True(code == 0, error);
        Assert.Contains("(components, 784×10, one a column)", output);
        var b = MatrixFile.Read(dir.File("b.npy"));
        PcaCourseReference.AssertSameUpToColumnSigns(PcaCourseReference.Npy("mnist-basis.npy"), b, 1e-10, "B");
        var r = MatrixFile.Read(dir.File("r.npy"));
        Assert.Equal(500, r.Rows);
        PcaCourseReference.AssertClose(PcaCourseReference.Npy("mnist-reconstruction20.npy"), r.SliceRows(..20), 1e-10, "reconstruction");
    }
}
