using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using MathForML.Data;
using MathForML.LinearAlgebra;
using static MathForML.Tests.Data.FormatReference;

namespace MathForML.Tests.Data;

public class ArrowFileTests
{
    /// <summary>Values whose bits a careless conversion would change: signed zero, subnormals, the extremes, infinities.</summary>
    internal static Matrix Awkward() => Matrix.FromRows(
        [-0.0, 0.0, double.Epsilon],
        [-double.Epsilon, 2.2250738585072009e-308, double.MaxValue],
        [-double.MaxValue, Math.PI, 1.0 / 3],
        [double.PositiveInfinity, double.NegativeInfinity, -1e-300]);

    [Theory]
    [InlineData("m.arrow")]
    [InlineData("m.feather")]
    public void RoundTripsToTheBit(string file)
    {
        using var dir = new TempDirectory();
        var m = Awkward();
        ArrowFile.Write(dir.File(file), m);
        var table = ArrowFile.ReadTable(dir.File(file));
        Assert.Equal(["c0", "c1", "c2"], table.ColumnNames);
        BitEqual(m, table.Values);
        MatrixFile.Write(dir.File("via-" + file), m);
        Assert.Equal("ARROW1"u8.ToArray(), File.ReadAllBytes(dir.File("via-" + file))[..6]);
        BitEqual(m, MatrixFile.Read(dir.File("via-" + file)));
    }

    [Fact]
    public void KeepsColumnNamesAndSpansSeveralRecordBatches()
    {
        using var dir = new TempDirectory();
        var m = new Matrix(70_000, 2);
        for (int i = 0; i < m.Rows; i++) (m[i, 0], m[i, 1]) = (i, -0.5 * i);
        ArrowFile.Write(dir.File("big.arrow"), m, ["x", "y"]);
        var table = ArrowFile.ReadTable(dir.File("big.arrow"));
        Assert.Equal(["x", "y"], table.ColumnNames);
        BitEqual(m, table.Values);
        Assert.Throws<ArgumentException>(() => ArrowFile.Write(dir.File("bad.arrow"), m, ["x"]));
        Assert.Throws<ArgumentException>(() => ArrowFile.Write(dir.File("bad.arrow"), m, ["x", "x"]));
        Assert.Equal(["big.arrow"], dir.Files());
    }

    [Fact]
    public void ReadsAFileWrittenByArrowFileWriter()
    {
        using var dir = new TempDirectory();
        var path = dir.File("arrow-writer.arrow");
        WriteBatches(path,
            Batch(new Int32Array.Builder().AppendRange([1, -2]).Build(), new FloatArray.Builder().AppendRange([0.5f, 1e-45f]).Build()),
            Batch(new Int32Array.Builder().Append(int.MaxValue).Build(), new FloatArray.Builder().Append(-3.25f).Build()));
        var table = ArrowFile.ReadTable(path);
        Assert.Equal(["n", "f"], table.ColumnNames);
        BitEqual(Matrix.FromRows([1, 0.5], [-2, 1e-45f], [int.MaxValue, -3.25]), table.Values);
    }

    [Fact]
    public void NaNAndNullNameTheColumnAndRow()
    {
        using var dir = new TempDirectory();
        WriteBatches(dir.File("nan.arrow"),
            Batch(new Int32Array.Builder().AppendRange([1, 2]).Build(), new FloatArray.Builder().AppendRange([0.5f, 1]).Build()),
            Batch(new Int32Array.Builder().Append(3).Build(), new FloatArray.Builder().Append(float.NaN).Build()));
        var e = Assert.Throws<DataFileException>(() => ArrowFile.ReadMatrix(dir.File("nan.arrow")));
        Assert.Equal("column 'f', row 2: NaN (a missing value)", e.Problem);
        WriteBatches(dir.File("null.arrow"),
            Batch(new Int32Array.Builder().Append(1).AppendNull().Build(), new FloatArray.Builder().AppendRange([0.5f, 1]).Build()));
        e = Assert.Throws<DataFileException>(() => MatrixFile.Read(dir.File("null.arrow")));
        Assert.Equal("column 'n', row 1: null (missing)", e.Problem);
    }

    [Fact]
    public void AStringColumnIsRejectedByNameAndType()
    {
        using var dir = new TempDirectory();
        WriteStrings(dir.File("s.arrow"));
        var e = Assert.Throws<DataFileException>(() => ArrowFile.ReadMatrix(dir.File("s.arrow")));
        Assert.StartsWith("column 'name' is of type utf8, not a number", e.Problem);
    }

    [Fact]
    public void TruncatedOrForeignFilesAreDataFileExceptions()
    {
        using var dir = new TempDirectory();
        ArrowFile.Write(dir.File("m.arrow"), Awkward());
        var bytes = File.ReadAllBytes(dir.File("m.arrow"));
        foreach (int length in new[] { 0, 5, 40, bytes.Length / 2, bytes.Length - 1 })
        {
            File.WriteAllBytes(dir.File("t.arrow"), bytes[..length]);
            var e = Assert.Throws<DataFileException>(() => ArrowFile.ReadMatrix(dir.File("t.arrow")));
            Assert.Equal(dir.File("t.arrow"), e.FilePath);
        }
        File.WriteAllBytes(dir.File("v1.feather"), [.. "FEA1"u8, 0, 0, 0, 0, .. "FEA1"u8]);
        Assert.Contains("Feather version 1", Assert.Throws<DataFileException>(() => MatrixFile.Read(dir.File("v1.feather"))).Message);
    }

    /// <summary>Writes a file of one utf8 column, <c>name</c>, with Apache.Arrow's own writer.</summary>
    internal static void WriteStrings(string path)
    {
        var strings = new StringArray.Builder().AppendRange(["a", "b"]).Build();
        var schema = new Schema.Builder().Field(f => f.Name("name").DataType(StringType.Default).Nullable(false)).Build();
        using var stream = File.Create(path);
        using var writer = new ArrowFileWriter(stream, schema);
        writer.WriteRecordBatch(new RecordBatch(schema, [strings], 2));
        writer.WriteEnd();
    }

    private static readonly Schema IntAndFloat = new Schema.Builder()
        .Field(f => f.Name("n").DataType(Int32Type.Default).Nullable(true))
        .Field(f => f.Name("f").DataType(FloatType.Default).Nullable(false))
        .Build();

    private static RecordBatch Batch(Int32Array n, FloatArray f) => new(IntAndFloat, [n, f], n.Length);

    private static void WriteBatches(string path, params RecordBatch[] batches)
    {
        using var stream = File.Create(path);
        using var writer = new ArrowFileWriter(stream, IntAndFloat);
        foreach (var batch in batches) writer.WriteRecordBatch(batch);
        writer.WriteEnd();
    }
}
