using System.Buffers.Binary;
using System.Text.Json;
using MathForML.Data;
using MathForML.Data.Mat;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Data.Mat;

/// <summary><see cref="MatFile"/> against files written by scipy.io.savemat and read back by loadmat (Reference/mat/make_reference.py).</summary>
public class MatFileTests
{
    private static readonly JsonElement Reference = ReferenceData.Json("mat", "reference.json");

    private static string Path(string name) => ReferenceData.PathOf("mat", name);

    [Theory]
    [InlineData("small-v5.mat")]
    [InlineData("small-v7.mat")]
    public void Reads_every_numeric_variable_as_loadmat_does(string file)
    {
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            var expected = Reference.GetProperty(name).ToMatrix();
            var actual = MatFile.ReadMatrix(Path(file), name);
            Assert.Equal(expected.Rows, actual.Rows);
            Assert.Equal(expected.Columns, actual.Columns);
            Assert.Equal(expected.ToArray(), actual.ToArray());   // exact: the same bits
        }
    }

    [Fact]
    public void Lists_the_variables_with_class_and_dimensions()
    {
        var variables = MatFile.Variables(Path("small-v7.mat")).ToDictionary(v => v.Name);
        Assert.Equal(MatArrayClass.Double, variables["a"].Class);
        Assert.Equal(new[] { 3, 4 }, variables["a"].Dimensions);
        Assert.Equal(MatArrayClass.UInt8, variables["b"].Class);
        Assert.Equal(MatArrayClass.Int16, variables["c"].Class);
        Assert.Equal(MatArrayClass.Char, variables["s"].Class);
        Assert.False(variables["s"].IsNumeric);
        Assert.Equal(MatArrayClass.Cell, variables["t"].Class);
        Assert.Equal(new[] { 2, 2 }, variables["e"].Dimensions.Take(2));
    }

    [Fact]
    public void Reads_a_big_endian_file()
    {
        Assert.Equal(Reference.GetProperty("a").ToMatrix().ToArray(), MatFile.ReadMatrix(Path("small-be.mat"), "a").ToArray());
    }

    [Fact]
    public void A_missing_variable_names_those_the_file_has()
    {
        var e = Assert.Throws<DataFileException>(() => MatFile.ReadMatrix(Path("small-v5.mat"), "faces"));
        Assert.Contains("no variable 'faces'", e.Message);
        Assert.Contains("a: double 3×4", e.Message);
    }

    [Fact]
    public void A_string_or_a_cell_is_not_a_matrix()
    {
        Assert.Contains("not a real numeric array", Assert.Throws<DataFileException>(() => MatFile.ReadMatrix(Path("small-v5.mat"), "s")).Message);
        Assert.Contains("not a real numeric array", Assert.Throws<DataFileException>(() => MatFile.ReadMatrix(Path("small-v7.mat"), "t")).Message);
    }

    [Fact]
    public void Malformed_files_get_a_clear_error_before_any_large_allocation()
    {
        using var dir = new TempDirectory();
        var good = File.ReadAllBytes(Path("small-v5.mat"));

        string Write(string name, byte[] bytes)
        {
            var p = dir.File(name);
            File.WriteAllBytes(p, bytes);
            return p;
        }

        Assert.Contains("128-byte header", Assert.Throws<DataFileException>(() => MatFile.Variables(Write("short.mat", good[..100]))).Message);

        var v4 = (byte[])good.Clone();
        v4[0] = 0;
        Assert.Contains("version 4", Assert.Throws<DataFileException>(() => MatFile.Variables(Write("v4.mat", v4))).Message);

        var hdf5 = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(hdf5.AsSpan(124), 0x0200);
        Assert.Contains("7.3", Assert.Throws<DataFileException>(() => MatFile.Variables(Write("v73.mat", hdf5))).Message);

        var mark = (byte[])good.Clone();
        mark[126] = (byte)'X';
        Assert.Contains("byte-order mark", Assert.Throws<DataFileException>(() => MatFile.Variables(Write("mark.mat", mark))).Message);

        var huge = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(huge.AsSpan(132), 0x7FFF_FFF0);   // the first element's byte count
        Assert.Contains("declares 2147483632 bytes", Assert.Throws<DataFileException>(() => MatFile.Variables(Write("huge.mat", huge))).Message);

        Assert.Throws<DataFileException>(() => MatFile.Variables(Write("cut.mat", good[..(good.Length - 20)])));
    }

    [Fact]
    public void A_compressed_variable_cannot_claim_more_than_zlib_can_encode()
    {
        using var dir = new TempDirectory();
        // A zlib stream whose inner tag claims a 1 GB matrix, from 20-odd compressed bytes.
        var inner = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(inner, 14);
        BinaryPrimitives.WriteUInt32LittleEndian(inner.AsSpan(4), 1 << 30);
        var zipped = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(zipped, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) z.Write(inner);
        var header = File.ReadAllBytes(Path("small-v5.mat"))[..128];
        var tag = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(tag, 15);
        BinaryPrimitives.WriteUInt32LittleEndian(tag.AsSpan(4), (uint)zipped.Length);
        var p = dir.File("bomb.mat");
        File.WriteAllBytes(p, [.. header, .. tag, .. zipped.ToArray()]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<DataFileException>(() => MatFile.Variables(p));
        Assert.Contains("more than zlib can encode", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
    }
}
