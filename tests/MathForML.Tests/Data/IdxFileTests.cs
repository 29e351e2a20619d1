using System.Buffers.Binary;
using System.IO.Compression;
using MathForML.Data;

namespace MathForML.Tests.Data;

public class IdxFileTests
{
    /// <summary>An IDX file's bytes: magic 00 00 type dims, big-endian dimensions, then <paramref name="payload"/>.</summary>
    internal static byte[] Idx(byte type, int[] shape, byte[] payload)
    {
        var bytes = new byte[4 + 4 * shape.Length + payload.Length];
        bytes[2] = type;
        bytes[3] = (byte)shape.Length;
        for (int i = 0; i < shape.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), shape[i]);
        payload.CopyTo(bytes, 4 + 4 * shape.Length);
        return bytes;
    }

    [Theory]
    [InlineData(IdxDataType.UInt8, "a-idx3-ubyte")]
    [InlineData(IdxDataType.Int16, "b.idx")]
    [InlineData(IdxDataType.Int32, "c.idx")]
    [InlineData(IdxDataType.Float32, "d.idx")]
    [InlineData(IdxDataType.Float64, "e-idx3-double.gz")]
    public void RoundTrips(IdxDataType type, string name)
    {
        using var dir = new TempDirectory();
        var values = Enumerable.Range(0, 2 * 3 * 4).Select(i => (double)(i * 7 % 200)).ToArray();
        var path = dir.File(name);
        IdxFile.Write(path, type, [2, 3, 4], values);
        var (header, data) = IdxFile.Read(path);
        Assert.Equal(type, header.DataType);
        Assert.Equal([2, 3, 4], header.Shape);
        Assert.Equal(values, data);
        Assert.True(IdxFile.Looks(path));
    }

    [Fact]
    public void ReadsTheMnistLayoutByteForByte()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("t10k-labels-idx1-ubyte", Idx(0x08, [3], [7, 2, 1]));
        Assert.Equal(new[] { 7.0, 2, 1 }, IdxFile.Read(path).Data);
        Assert.Equal(new[] { 7, 2, 1 }, DataSetFile.ReadLabels(path));
    }

    [Fact]
    public void GzipFilesAreReadByTheirSignature()
    {
        using var dir = new TempDirectory();
        var raw = Idx(0x08, [2, 2], [1, 2, 3, 4]);
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) zip.Write(raw);
        var path = dir.Write("images-idx3-ubyte.gz", buffer.ToArray());
        Assert.Equal(new[] { 1.0, 2, 3, 4 }, IdxFile.Read(path).Data);
    }

    [Fact]
    public void RejectsBadMagic()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x-idx3-ubyte", [0x12, 0x34, 0x08, 0x01, 0, 0, 0, 1, 5]);
        var e = Assert.Throws<DataFileException>(() => IdxFile.Read(path));
        Assert.Contains("bad magic number 12340801", e.Message);
        var badType = dir.Write("y-idx3-ubyte", [0, 0, 0x07, 0x01, 0, 0, 0, 1, 5]);
        Assert.Contains("bad magic", Assert.Throws<DataFileException>(() => IdxFile.Read(badType)).Message);
        var noDims = dir.Write("z-idx3-ubyte", [0, 0, 0x08, 0x00]);
        Assert.Contains("0 dimensions", Assert.Throws<DataFileException>(() => IdxFile.Read(noDims)).Message);
    }

    [Fact]
    public void RejectsTruncatedFilesBeforeAllocating()
    {
        using var dir = new TempDirectory();
        // 10000×28×28 bytes promised, 100 present.
        var path = dir.Write("t-idx3-ubyte", Idx(0x08, [10000, 28, 28], new byte[100]));
        var e = Assert.Throws<DataFileException>(() => IdxFile.Read(path));
        Assert.Contains("truncated", e.Message);
        Assert.Contains("10000×28×28", e.Message);
        // A header promising 2³¹·2³¹ doubles must fail on the size check, not on an allocation.
        var huge = dir.Write("h-idx3-double", Idx(0x0E, [int.MaxValue, int.MaxValue, 8], new byte[16]));
        Assert.Throws<DataFileException>(() => IdxFile.Read(huge));
        var cut = dir.Write("c-idx3-ubyte", [0, 0, 0x08, 0x03, 0, 0]);
        Assert.Contains("ends inside it", Assert.Throws<DataFileException>(() => IdxFile.Read(cut)).Message);
    }

    [Fact]
    public void RejectsTruncatedGzip()
    {
        using var dir = new TempDirectory();
        var path = dir.File("g-idx3-ubyte.gz");
        IdxFile.Write(path, IdxDataType.UInt8, [100, 28, 28], new double[100 * 784]);
        var bytes = File.ReadAllBytes(path);
        var cut = dir.Write("cut-idx3-ubyte.gz", bytes[..(bytes.Length / 2)]);
        Assert.Throws<DataFileException>(() => IdxFile.Read(cut));
    }

    [Fact]
    public void LabelCountMustMatchImageCount()
    {
        using var dir = new TempDirectory();
        var images = dir.Write("i-idx3-ubyte", Idx(0x08, [3, 2, 2], new byte[12]));
        var labels = dir.Write("l-idx1-ubyte", Idx(0x08, [2], [1, 2]));
        var e = Assert.Throws<DataFileException>(() => Mnist.LoadIdx(images, labels));
        Assert.Contains("holds 2 labels but i-idx3-ubyte holds 3 images", e.Message);
        var good = dir.Write("g-idx1-ubyte", Idx(0x08, [3], [1, 2, 3]));
        var set = Mnist.LoadIdx(images, good);
        Assert.Equal(3, set.Count);
        Assert.Equal(4, set.Images.Columns);
        var notDigit = dir.Write("n-idx1-ubyte", Idx(0x08, [3], [1, 2, 30]));
        Assert.Contains("not a digit", Assert.Throws<DataFileException>(() => Mnist.LoadIdx(images, notDigit)).Message);
    }

    [Fact]
    public void UnsignedBytePixelsAreScaledToTheUnitInterval()
    {
        using var dir = new TempDirectory();
        var images = dir.Write("i-idx3-ubyte", Idx(0x08, [1, 2, 2], [0, 51, 255, 102]));
        var x = Mnist.ReadImages(images);
        Assert.Equal(new[] { 0, 0.2, 1, 0.4 }, x.ToArray());
    }
}
