using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Data;

public class TextMatrixFileTests
{
    [Fact]
    public void ReadsCsvWhitespaceCommentsAndHeaders()
    {
        using var dir = new TempDirectory();
        var csv = dir.Write("a.csv", "# a comment\n x , y\n1,2.5\n\n-3, 4e-2 # trailing\n");
        var m = TextMatrixFile.Read(csv, out var header);
        Assert.Equal(Matrix.FromRows([1, 2.5], [-3, 0.04]), m);
        Assert.Equal(["x", "y"], header!);
        var txt = dir.Write("a.txt", "1 2\t3\n4   5 6\n");
        Assert.Equal(Matrix.FromRows([1, 2, 3], [4, 5, 6]), MatrixFile.Read(txt));
    }

    [Theory]
    [InlineData("1,2\n3\n", 2, 1, "row has 1 values, expected 2")]
    [InlineData("1,2\n3,abc\n", 2, 3, "'abc' is not a number")]
    [InlineData("1,2\n3,,4\n", 2, 3, "empty cell")]
    [InlineData("1,NaN\n", 1, 3, "not a finite number")]
    [InlineData("1 2\n3 Infinity\n", 2, 3, "not a finite number")]
    [InlineData("1,2\n\0\0\u0001\n", 2, 1, "binary data")]
    public void ErrorsNameFileLineAndColumn(string text, int line, int column, string problem)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.csv", text);
        var e = Assert.Throws<DataFileException>(() => MatrixFile.Read(path));
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith($"{path}:{line}:{column}: ", e.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("# only a comment\n\n", "no numbers")]
    public void EmptyFilesAreErrors(string text, string problem)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<DataFileException>(() => MatrixFile.Read(dir.Write("e.csv", text)));
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void MissingFilesAndDirectoriesAreNamed()
    {
        using var dir = new TempDirectory();
        Assert.Throws<FileNotFoundException>(() => MatrixFile.Read(dir.File("nope.csv")));
        var e = Assert.Throws<DataFileException>(() => MatrixFile.Read(dir.Path));
        Assert.Contains("directory", e.Message);
    }

    [Fact]
    public void WriteRoundTripsExactly()
    {
        using var dir = new TempDirectory();
        var m = Matrix.FromRows([Math.PI, -1e-300], [1.0 / 3, 12345678.9]);
        foreach (var name in new[] { "m.csv", "m.txt" })
        {
            MatrixFile.Write(dir.File(name), m);
            Assert.Equal(m, MatrixFile.Read(dir.File(name)));
        }
        Assert.Equal(["m.csv", "m.txt"], dir.Files().Order());
    }
}
