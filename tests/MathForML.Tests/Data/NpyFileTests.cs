using System.Text;
using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Data;

public class NpyFileTests
{
    [Fact]
    public void ReadsFilesWrittenByNumpy()
    {
        // Reference/npy/*.npy were written by numpy (make_npy.py beside them).
        var expected = Matrix.FromRows([0, 1.5, -2], [3, 4, 5.25]);
        foreach (var name in new[] { "f8.npy", "f4.npy" })
            Assert.Equal(expected, MatrixFile.Read(ReferenceData.PathOf("npy", name)));
        Assert.Equal(Matrix.FromRows([1, -2, 3], [4, 5, -6]), MatrixFile.Read(ReferenceData.PathOf("npy", "i4.npy")));
        Assert.Equal(Matrix.FromRows([1, -2, 3], [4, 5, -6]), MatrixFile.Read(ReferenceData.PathOf("npy", "i8.npy")));
        Assert.Equal(Matrix.FromRows([1], [2], [3]), MatrixFile.Read(ReferenceData.PathOf("npy", "vector.npy")));
        var images = MatrixFile.Read(ReferenceData.PathOf("npy", "u1-3d.npy"));
        Assert.Equal((2, 6), (images.Rows, images.Columns));
        Assert.Equal(11, images[1, 5]);
    }

    [Fact]
    public void FortranOrderArraysAreReadInRowMajorOrder()
    {
        // Reference/formats/*.npy were written by numpy (make_reference.py beside them); values to the bit.
        FormatReference.BitEqual(FormatReference.Expected("matrix"), MatrixFile.Read(ReferenceData.PathOf("formats", "c-order.npy")));
        FormatReference.BitEqual(FormatReference.Expected("matrix"), MatrixFile.Read(ReferenceData.PathOf("formats", "fortran.npy")));
        FormatReference.BitEqual(FormatReference.Expected("ints"), MatrixFile.Read(ReferenceData.PathOf("formats", "fortran-i4.npy")));
        FormatReference.BitEqual(FormatReference.Expected("cube"), MatrixFile.Read(ReferenceData.PathOf("formats", "fortran-u1-3d.npy")));
        Assert.True(NpyFile.ReadHeader(ReferenceData.PathOf("formats", "fortran.npy")).FortranOrder);
        var (shape, data) = NpyFile.Read<byte>(ReferenceData.PathOf("formats", "fortran-u1-3d.npy"));
        Assert.Equal([2L, 3, 4], shape);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (byte)(i * 10)), data);
    }

    [Fact]
    public void TruncatedFortranFileIsRejectedBeforeAllocating()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("f.npy", Npy("{'descr': '<f8', 'fortran_order': True, 'shape': (1000000, 1000), }", new byte[48]));
        Assert.Contains("truncated", Assert.Throws<DataFileException>(() => MatrixFile.Read(path)).Message);
    }

    [Theory]
    [InlineData(NpyDataType.Float64)]
    [InlineData(NpyDataType.Float32)]
    [InlineData(NpyDataType.Int32)]
    [InlineData(NpyDataType.Int64)]
    [InlineData(NpyDataType.UInt8)]
    public void WriteThenReadRoundTrips(NpyDataType type)
    {
        using var dir = new TempDirectory();
        var m = Matrix.FromRows([1, 2, 3], [4, 5, 250]);
        var path = dir.File("m.npy");
        NpyFile.Write(path, m, type);
        Assert.Equal(m, MatrixFile.Read(path));
        Assert.Equal(type, NpyFile.ReadHeader(path).DataType);
        Assert.Equal(6 * NpyHeader.SizeOf(type), new FileInfo(path).Length - NpyFile.ReadHeader(path).DataOffset);
        Assert.Equal(0, NpyFile.ReadHeader(path).DataOffset % 64);
    }

    [Fact]
    public void TruncatedFileIsRejectedBeforeAllocating()
    {
        var bytes = File.ReadAllBytes(ReferenceData.PathOf("npy", "f8.npy"));
        using var dir = new TempDirectory();
        var path = dir.Write("t.npy", bytes[..^8]);
        var e = Assert.Throws<DataFileException>(() => MatrixFile.Read(path));
        Assert.Contains("truncated", e.Message);
        Assert.Contains("48 data bytes", e.Message);
    }

    [Theory]
    [InlineData("{'descr': '<c16', 'fortran_order': False, 'shape': (2, 3), }", "unsupported .npy dtype '<c16'")]
    [InlineData("{'descr': '>f8', 'fortran_order': False, 'shape': (2, 3), }", "big-endian")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000000, 100000000000), }", "absurd")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000), }", "truncated")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 3), }", "bad .npy shape")]
    [InlineData("{'descr': '<f8'}", "malformed")]
    public void BadHeadersAreRejected(string dict, string problem)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("h.npy", Npy(dict, new byte[48]));
        var e = Assert.Throws<DataFileException>(() => MatrixFile.Read(path));
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void NotNpyAndNanAreRejected()
    {
        using var dir = new TempDirectory();
        Assert.Contains("magic", Assert.Throws<DataFileException>(() => MatrixFile.Read(dir.Write("x.npy", "hello world, not numpy"u8.ToArray()))).Message);
        Assert.Contains("truncated", Assert.Throws<DataFileException>(() => MatrixFile.Read(dir.Write("y.npy", [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 200, 0]))).Message);
        var nan = BitConverter.GetBytes(double.NaN);
        Assert.Contains("NaN", Assert.Throws<DataFileException>(() => MatrixFile.Read(dir.Write("n.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", nan)))).Message);
    }

    internal static byte[] Npy(string dict, byte[] data)
    {
        var header = dict + new string(' ', (64 - (10 + dict.Length + 1) % 64) % 64) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.AddRange([1, 0, (byte)(header.Length & 0xFF), (byte)(header.Length >> 8)]);
        bytes.AddRange(Encoding.Latin1.GetBytes(header));
        bytes.AddRange(data);
        return bytes.ToArray();
    }
}
