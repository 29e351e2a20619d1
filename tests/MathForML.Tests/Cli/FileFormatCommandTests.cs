using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Cli;

/// <summary>The matrix-file options every file-reading command shares: .npz members, pandas CSV, output by extension, pixel scale.</summary>
public class FileFormatCommandTests
{
    [Fact]
    public void LinalgReadsNpzMembersAndPandasCsv()
    {
        var npz = ReferenceData.PathOf("formats", "stored.npz");
        Assert.Equal(2, CliRunner.Json("linalg", "rank", npz + ":b").GetProperty("rank").GetInt32());
        var csv = ReferenceData.PathOf("formats", "pandas.csv");
        Assert.Equal(3, CliRunner.Json("linalg", "rank", csv, "--index-col", "0", "--missing", "drop").GetProperty("rank").GetInt32());
    }

    [Fact]
    public void FitReadsAQuotedPandasCsvByIndexColumnAndHeaderNames()
    {
        // pandas-quoted.csv: 4 rows, one with a missing weight; fitting age against height uses the 3 complete rows.
        var csv = ReferenceData.PathOf("formats", "pandas-quoted.csv");
        var fit = CliRunner.Json("fit", "--data", csv, "--index-col", "0", "--missing", "drop", "--model", "b1*x+b2", "--x", "height", "--y", "age", "--start", "b1=1,b2=0");
        Assert.Equal(3, fit.GetProperty("observations").GetInt32());
        Assert.True(fit.GetProperty("converged").GetBoolean());
    }

    [Fact]
    public void NnReadsLabelledRowsWithAnIndexColumnAndScalesThem()
    {
        // Pixels 0…255 as text with the label last: --scale 255 gives the network the same inputs as pixels in [0, 1].
        using var dir = new TempDirectory();
        var rows = Enumerable.Range(0, 40).Select(i => $"r{i},{i * 6 % 256},{255 - i * 6 % 256},{i % 2}");
        var raw = dir.Write("raw.csv", "id,a,b,label\n" + string.Join('\n', rows) + "\n");
        var unit = dir.Write("unit.csv", "id,a,b,label\n" + string.Join('\n', Enumerable.Range(0, 40).Select(i =>
            $"r{i},{(i * 6 % 256 / 255.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)},{((255 - i * 6 % 256) / 255.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)},{i % 2}")) + "\n");
        var scaled = CliRunner.Json("nn", "train", "--data", raw, "--index-col", "0", "--scale", "255", "--epochs", "2", "--batch", "8", "--seed", "3");
        var plain = CliRunner.Json("nn", "train", "--data", unit, "--index-col", "0", "--epochs", "2", "--batch", "8", "--seed", "3");
        Assert.Equal(36, scaled.GetProperty("train_samples").GetInt32() + scaled.GetProperty("test_samples").GetInt32() - 4);
        Assert.Equal(plain.GetProperty("epochs")[1].GetProperty("loss").GetDouble(), scaled.GetProperty("epochs")[1].GetProperty("loss").GetDouble());
        Assert.Equal(plain.GetProperty("epochs")[1].GetProperty("test_accuracy").GetDouble(), scaled.GetProperty("epochs")[1].GetProperty("test_accuracy").GetDouble());
        var unscaled = CliRunner.Json("nn", "train", "--data", raw, "--index-col", "0", "--epochs", "2", "--batch", "8", "--seed", "3");
        Assert.NotEqual(plain.GetProperty("epochs")[1].GetProperty("loss").GetDouble(), unscaled.GetProperty("epochs")[1].GetProperty("loss").GetDouble());
    }

    [Fact]
    public void OutputFormatFollowsTheExtension()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.csv", "2,1\n1,3\n");
        CliRunner.Json("linalg", "inverse", a, "--out", dir.File("inv.npz") + ":inverse");
        Assert.Equal(["inverse"], NpzFile.ReadNames(dir.File("inv.npz")));
        Assert.True(NpzFile.ReadMatrix(dir.File("inv.npz")).ApproximatelyEquals(Matrix.FromRows([0.6, -0.2], [-0.2, 0.4]), 1e-15));
        CliRunner.AssertBadInput(dir, ["linalg", "inverse", a, "--out", dir.File("inv.parquet2")], "unknown extension '.parquet2'");
    }

    [Fact]
    public void ArrowAndParquetAreReadAndWrittenByExtension()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.csv", "2,1\n1,3\n");
        var inverse = Matrix.FromRows([0.6, -0.2], [-0.2, 0.4]);
        CliRunner.Json("linalg", "inverse", a, "--out", dir.File("inv.parquet"));
        Assert.Equal("PAR1"u8.ToArray(), File.ReadAllBytes(dir.File("inv.parquet"))[..4]);
        Assert.True(ParquetFile.ReadMatrix(dir.File("inv.parquet")).ApproximatelyEquals(inverse, 1e-15));
        CliRunner.Json("linalg", "inverse", dir.File("inv.parquet"), "--out", dir.File("a.feather"));
        Assert.Equal("ARROW1"u8.ToArray(), File.ReadAllBytes(dir.File("a.feather"))[..6]);
        Assert.True(ArrowFile.ReadMatrix(dir.File("a.feather")).ApproximatelyEquals(Matrix.FromRows([2, 1], [1, 3]), 1e-14));
        Assert.Equal(2, CliRunner.Json("linalg", "rank", dir.File("a.feather")).GetProperty("rank").GetInt32());
    }

    [Fact]
    public void PcaOfUint8DigitsIsTheSameFromNpyAndIdx()
    {
        var npy = ReferenceData.PathOf("mnist", "mnist500-x.npy");
        var (_, bytes) = NpyFile.Read<byte>(npy);
        using var dir = new TempDirectory();
        var idx = dir.File("digits-idx3-ubyte");
        IdxFile.Write(idx, IdxDataType.UInt8, [500, 28, 28], bytes.Select(b => (double)b).ToArray());
        string[] pca = ["pca", "--components", "5", "--solver", "covariance"];
        var fromNpy = CliRunner.Json([.. pca, "--data", npy]).GetProperty("eigenvalues").ToVector().ToArray();
        var fromIdx = CliRunner.Json([.. pca, "--data", idx]).GetProperty("eigenvalues").ToVector().ToArray();
        Assert.Equal(fromIdx, fromNpy);
        var raw = CliRunner.Json([.. pca, "--data", npy, "--scale", "none"]).GetProperty("eigenvalues").ToVector().ToArray();
        Assert.Equal(fromNpy[0] * 255 * 255, raw[0], fromNpy[0] * 255 * 255 * 1e-12);
    }
}
