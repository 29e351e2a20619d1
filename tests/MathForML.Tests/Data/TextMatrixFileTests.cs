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

    [Fact]
    public void ReadsPandasCsvWithIndexHeaderAndAMissingValue()
    {
        // Reference/formats/pandas.csv was written by DataFrame.to_csv (make_reference.py): index, header, one NaN as "".
        var path = ReferenceData.PathOf("formats", "pandas.csv");
        var drop = new TextMatrixReadOptions { IndexColumn = 0, Missing = MissingValues.DropRow };
        var m = TextMatrixFile.Read(path, drop, out var header);
        Assert.Equal(["height", "weight", "age"], header!);
        FormatReference.BitEqual(FormatReference.Expected("pandas-dropped"), m);

        var e = Assert.Throws<DataFileException>(() => TextMatrixFile.Read(path, new TextMatrixReadOptions { IndexColumn = 0 }, out _));
        Assert.Equal((4, 23), (e.Line, e.Column));
        Assert.Contains("empty cell: a missing value", e.Message);
        Assert.Contains("'ann' is not a number", Assert.Throws<DataFileException>(() => MatrixFile.Read(path)).Message);
    }

    [Fact]
    public void ReadsPandasCsvWithEveryCellQuoted()
    {
        // Reference/formats/pandas-quoted.csv: the same frame written with csv.QUOTE_ALL, index labels holding a comma
        // and doubled quotes (make_reference.py).
        var path = ReferenceData.PathOf("formats", "pandas-quoted.csv");
        var m = TextMatrixFile.Read(path, new TextMatrixReadOptions { IndexColumn = 0, Missing = MissingValues.DropRow }, out var header);
        Assert.Equal(["height", "weight", "age"], header!);
        FormatReference.BitEqual(FormatReference.Expected("pandas-dropped"), m);
    }

    [Theory]
    [InlineData("\"a\",\"b \"\"q\"\"\"\n\"1\",\" 2 \"\n", "1 2")]
    [InlineData("x,y\n\"1.5\", 2\n3,\"-4e-3\"\n", "1.5 2 3 -0.004")]
    public void QuotedCellsAreUnquoted(string text, string expected)
    {
        using var dir = new TempDirectory();
        var m = TextMatrixFile.Read(dir.Write("q.csv", text), out var header);
        Assert.Equal(expected, string.Join(' ', m.ToArray().Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.NotNull(header);
    }

    [Theory]
    [InlineData("a,b\n1,\"2\n", 2, 3)]
    [InlineData("a,b\n\"1\"x,2\n", 2, 4)]
    public void AQuotedCellThatDoesNotEndIsAnErrorAtItsColumn(string text, int line, int column)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<DataFileException>(() => TextMatrixFile.Read(dir.Write("q.csv", text)));
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains("a quoted cell must end with a quote", e.Message);
    }

    [Theory]
    [InlineData("a,b\n1,NA\n2,3\n", "2 3")]
    [InlineData("1 nan\n2 3\nNULL 4\n", "2 3")]
    [InlineData("1,,3\n4,5,6\n", "4 5 6")]
    public void MissingValueMarkersDropTheirRows(string text, string expected)
    {
        using var dir = new TempDirectory();
        var m = MatrixFile.Read(dir.Write("m.csv", text), new TextMatrixReadOptions { Missing = MissingValues.DropRow });
        Assert.Equal(expected, string.Join(' ', m.ToArray()));
    }

    [Fact]
    public void HeaderCanBeDeclaredAndIndexColumnsAnywhere()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("h.csv", "1,2,x\n3,4,y\n");
        var m = TextMatrixFile.Read(path, new TextMatrixReadOptions { Header = true, IndexColumn = 2 }, out var header);
        Assert.Equal(["1", "2"], header!);
        Assert.Equal(Matrix.FromRows([3, 4]), m);
        Assert.Equal(Matrix.FromRows([1, 2], [3, 4]), MatrixFile.Read(path, new TextMatrixReadOptions { Header = false, IndexColumn = 2 }));
        Assert.Contains("no index column 5", Assert.Throws<DataFileException>(() => MatrixFile.Read(path, new TextMatrixReadOptions { IndexColumn = 5 })).Message);
        Assert.Contains("every row (1) has a missing value", Assert.Throws<DataFileException>(() =>
            MatrixFile.Read(dir.Write("all.csv", "a,b\n1,\n"), new TextMatrixReadOptions { Missing = MissingValues.DropRow })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextMatrixReadOptions { IndexColumn = -1 });
        Assert.Contains("infinities", Assert.Throws<DataFileException>(() =>
            MatrixFile.Read(dir.Write("inf.csv", "1,Infinity\n"), new TextMatrixReadOptions { Missing = MissingValues.DropRow })).Message);
    }

    [Theory]
    [InlineData("1,2\n3\n", 2, 1, "row has 1 values, expected 2")]
    [InlineData("1,2\n3,abc\n", 2, 3, "'abc' is not a number")]
    [InlineData("1,2,3\n3,,4\n", 2, 3, "empty cell")]
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
