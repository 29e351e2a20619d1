using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Data;

public class MatrixFileTests
{
    [Theory]
    [InlineData("m.csv", MatrixFormat.Csv)]
    [InlineData("m.TXT", MatrixFormat.Text)]
    [InlineData("m.tsv", MatrixFormat.Text)]
    [InlineData("m.npy", MatrixFormat.Npy)]
    [InlineData("m.npz", MatrixFormat.Npz)]
    [InlineData("m.npz:u", MatrixFormat.Npz)]
    public void TheExtensionNamesTheFormat(string name, MatrixFormat format)
    {
        Assert.Equal(format, MatrixFile.FormatOf(name));
        using var dir = new TempDirectory();
        var m = Matrix.FromRows([0.1, -2], [3e-300, 4]);
        MatrixFile.Write(dir.File(name), m);
        Assert.Equal(m, MatrixFile.Read(dir.File(name)));
    }

    [Theory]
    [InlineData("m.xlsx")]
    [InlineData("m")]
    [InlineData("m.np")]
    public void AnUnknownExtensionIsAnErrorAndWritesNothing(string name)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<DataFileException>(() => MatrixFile.Write(dir.File(name), Matrix.FromRows([1])));
        Assert.Contains($"unknown extension '{Path.GetExtension(name)}'", e.Message);
        Assert.Contains(".csv, .txt, .tsv, .dat, .npy, .npz", e.Message);
        Assert.Empty(dir.Files());
    }

    [Fact]
    public void AColonOnlySplitsAnNpzMember()
    {
        Assert.Equal(("a.npz", "w"), MatrixFile.SplitMember("a.npz:w"));
        Assert.Equal(("a.csv:w", null), MatrixFile.SplitMember("a.csv:w"));
        Assert.Equal(("a.npz:", null), MatrixFile.SplitMember("a.npz:"));
    }
}
