using MathForML.Data;

namespace MathForML.Tests.Data;

public class DataSetFileTests
{
    [Fact]
    public void LabelledRowsSplitOffTheLastColumn()
    {
        using var dir = new TempDirectory();
        var (x, y) = DataSetFile.ReadLabelledRows(dir.Write("blobs.csv", "0.5,1.5,2\n3,4,0\n"));
        Assert.Equal(new double[] { 0.5, 1.5, 3, 4 }, x.ToArray());
        Assert.Equal((2, 2), (x.Rows, x.Columns));
        Assert.Equal([2, 0], y);
    }

    [Theory]
    [InlineData("1,2,0.5\n", "blobs.csv:1:3: the label in the last column must be a non-negative integer, found 0.5")]
    [InlineData("1,2,0\n3,4,-1\n", "blobs.csv:2:3: the label in the last column must be a non-negative integer, found -1")]
    [InlineData("1\n2\n", "expected feature columns and a last column of class labels, found 1 column(s)")]
    public void ABadLabelIsReportedWithItsLineAndColumn(string text, string expected)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<DataFileException>(() => DataSetFile.ReadLabelledRows(dir.Write("blobs.csv", text)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
