using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;

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

    [Fact]
    public void Uint8DigitsGiveTheSameNumbersAsNpyAndAsIdx()
    {
        // The stored MNIST subset is uint8 .npy; the same bytes as an IDX file must give the same matrix, bit for bit,
        // and so the same PCA eigenvalues (and numpy's, to rounding).
        var npy = ReferenceData.PathOf("mnist", "mnist500-x.npy");
        var (_, bytes) = NpyFile.Read<byte>(npy);
        using var dir = new TempDirectory();
        var idx = dir.File("digits-idx3-ubyte");
        IdxFile.Write(idx, IdxDataType.UInt8, [500, 28, 28], bytes.Select(b => (double)b).ToArray());
        var fromNpy = DataSetFile.ReadSamples(npy);
        var fromIdx = DataSetFile.ReadSamples(idx);
        FormatReference.BitEqual(fromIdx, fromNpy);
        Assert.Equal(bytes[300] / 255.0, fromNpy.ToArray()[300]);
        var a = Pca.Fit(fromNpy, new PcaOptions { Components = 10, Solver = PcaSolver.Covariance }).ExplainedVariance.ToArray();
        var b = Pca.Fit(fromIdx, new PcaOptions { Components = 10, Solver = PcaSolver.Covariance }).ExplainedVariance.ToArray();
        Assert.Equal(a.Select(BitConverter.DoubleToInt64Bits), b.Select(BitConverter.DoubleToInt64Bits));
        var numpy = NpyFile.ReadMatrix(ReferenceData.PathOf("mnist", "eigenvalues.npy")).ToArray();
        for (int i = 0; i < 10; i++) Assert.Equal(numpy[i], a[i], 1e-10);

        NpzFile.Write(dir.File("d.npz"), new Dictionary<string, Matrix> { ["x"] = Matrix.FromRows([255, 0]) });
        Assert.Equal(Matrix.FromRows([255, 0]), DataSetFile.ReadSamples(dir.File("d.npz")));   // float64: taken as it is
    }

    [Fact]
    public void ScaleNoneKeepsBytesAndDivide255DividesAnyFile()
    {
        var npy = ReferenceData.PathOf("mnist", "mnist500-x.npy");
        var raw = DataSetFile.ReadSamples(npy, TextMatrixReadOptions.Default, PixelScale.None);
        Assert.Equal(255, raw.ToArray().Max());
        using var dir = new TempDirectory();
        var csv = dir.Write("p.csv", "0,51,255\n");
        Assert.Equal(new[] { 0, 0.2, 1 }, DataSetFile.ReadSamples(csv, TextMatrixReadOptions.Default, PixelScale.Divide255).ToArray());
        Assert.Equal(new[] { 0.0, 51, 255 }, DataSetFile.ReadSamples(csv).ToArray());
        var idx = dir.File("i-idx3-ubyte");
        IdxFile.Write(idx, IdxDataType.UInt8, [1, 1, 2], [3, 255]);
        Assert.Equal(new[] { 3.0, 255 }, DataSetFile.ReadSamples(idx, TextMatrixReadOptions.Default, PixelScale.None).ToArray());
        Assert.Equal(new[] { 3 / 255.0, 1 }, DataSetFile.ReadSamples(idx, TextMatrixReadOptions.Default, PixelScale.Divide255).ToArray());
        Assert.Equal(new[] { 3 / 255.0, 1 }, DataSetFile.ReadSamples(idx).ToArray());
    }
}
