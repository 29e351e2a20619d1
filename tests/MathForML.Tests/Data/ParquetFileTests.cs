using MathForML.Data;
using MathForML.LinearAlgebra;
using Parquet;
using Parquet.Schema;
using static MathForML.Tests.Data.FormatReference;

namespace MathForML.Tests.Data;

public class ParquetFileTests
{
    [Fact]
    public void RoundTripsToTheBit()
    {
        using var dir = new TempDirectory();
        var m = ArrowFileTests.Awkward();
        ParquetFile.Write(dir.File("m.parquet"), m, ["a", "b", "c"]);
        var table = ParquetFile.ReadTable(dir.File("m.parquet"));
        Assert.Equal(["a", "b", "c"], table.ColumnNames);
        BitEqual(m, table.Values);
        MatrixFile.Write(dir.File("via.parquet"), m);
        var bytes = File.ReadAllBytes(dir.File("via.parquet"));
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
        Assert.Equal(["c0", "c1", "c2"], ParquetFile.ReadTable(dir.File("via.parquet")).ColumnNames);
        BitEqual(m, MatrixFile.Read(dir.File("via.parquet")));
        Assert.Throws<ArgumentException>(() => ParquetFile.Write(dir.File("bad.parquet"), m, ["a", "", "c"]));
        Assert.Equal(["m.parquet", "via.parquet"], dir.Files().Order());
    }

    [Fact]
    public async Task ReadsAFileOfTwoRowGroupsWrittenByParquetNet()
    {
        using var dir = new TempDirectory();
        var path = dir.File("two-groups.parquet");
        var n = new DataField("n", typeof(int), isNullable: false);
        var f = new DataField("f", typeof(float), isNullable: true);
        var l = new DataField("l", typeof(long), isNullable: false);
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(n, f, l), stream))
        {
            using (var group = writer.CreateRowGroup())
            {
                await group.WriteAsync<int>(n, new[] { 1, -2 });
                await group.WriteAsync<float>(f, new float?[] { 0.5f, -0.0f });
                await group.WriteAsync<long>(l, new[] { long.MinValue, 7L });
            }
            using (var group = writer.CreateRowGroup())
            {
                await group.WriteAsync<int>(n, new[] { int.MaxValue });
                await group.WriteAsync<float>(f, new float?[] { float.MaxValue });
                await group.WriteAsync<long>(l, new[] { 1L << 53 });
            }
        }
        var table = ParquetFile.ReadTable(path);
        Assert.Equal(["n", "f", "l"], table.ColumnNames);
        BitEqual(Matrix.FromRows([1, 0.5, long.MinValue], [-2, -0.0, 7], [int.MaxValue, float.MaxValue, 1L << 53]), table.Values);
    }

    [Fact]
    public async Task NaNAndNullNameTheColumnAndRow()
    {
        using var dir = new TempDirectory();
        var x = new DataField("x", typeof(double), isNullable: true);
        await Write(dir.File("nan.parquet"), x, new double?[] { 1, 2 }, new double?[] { 3, double.NaN });
        var e = Assert.Throws<DataFileException>(() => ParquetFile.ReadMatrix(dir.File("nan.parquet")));
        Assert.Equal("column 'x', row 3: NaN (a missing value)", e.Problem);
        await Write(dir.File("null.parquet"), x, new double?[] { 1, null, 3 });
        e = Assert.Throws<DataFileException>(() => MatrixFile.Read(dir.File("null.parquet")));
        Assert.Equal("column 'x', row 1: null (missing)", e.Problem);
    }

    [Fact]
    public async Task StringAndOtherColumnTypesAreRejectedByNameAndType()
    {
        using var dir = new TempDirectory();
        await WriteStrings(dir.File("s.parquet"));
        var e = Assert.Throws<DataFileException>(() => ParquetFile.ReadMatrix(dir.File("s.parquet")));
        Assert.StartsWith("column 'name' is of type string, not a number", e.Problem);
        var flag = new DataField("flag", typeof(bool), isNullable: false);
        await using (var stream = File.Create(dir.File("b.parquet")))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(flag), stream))
        using (var group = writer.CreateRowGroup())
            await group.WriteAsync<bool>(flag, new[] { true, false });
        e = Assert.Throws<DataFileException>(() => MatrixFile.Read(dir.File("b.parquet")));
        Assert.StartsWith("column 'flag' is of type boolean, not a number", e.Problem);
    }

    [Fact]
    public void TruncatedFilesAreDataFileExceptions()
    {
        using var dir = new TempDirectory();
        ParquetFile.Write(dir.File("m.parquet"), ArrowFileTests.Awkward());
        var bytes = File.ReadAllBytes(dir.File("m.parquet"));
        foreach (int length in new[] { 0, 4, 40, bytes.Length / 2, bytes.Length - 1 })
        {
            File.WriteAllBytes(dir.File("t.parquet"), bytes[..length]);
            var e = Assert.Throws<DataFileException>(() => ParquetFile.ReadMatrix(dir.File("t.parquet")));
            Assert.Equal(dir.File("t.parquet"), e.FilePath);
        }
    }

    /// <summary>Writes a file of one string column, <c>name</c>, with Parquet.Net's own writer.</summary>
    internal static async Task WriteStrings(string path)
    {
        var name = new DataField("name", typeof(string), isNullable: false);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(name), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(name, new[] { "a", "b" });
    }

    /// <summary>Writes one nullable double column, one row group per array.</summary>
    private static async Task Write(string path, DataField field, params double?[][] groups)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream);
        foreach (var values in groups)
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<double>(field, values);
        }
    }
}
