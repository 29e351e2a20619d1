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
