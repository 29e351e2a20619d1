using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Data;

/// <summary>
/// The binary readers read their data in bulk straight into the destination array (<c>.npy</c>: one
/// <see cref="Stream.ReadExactly(Span{byte})"/> into the array's bytes). A stream may hand back fewer bytes than asked
/// at every call (pipes, network file systems, decompressors): read through a stream that returns at most 1, 7 or 4096
/// bytes per call, every stored dtype and order (numpy's own files), the IDX file and the npz archives give the same
/// values bit for bit as from memory.
/// </summary>
public class ShortReadTests
{
    public static TheoryData<string, string, int> NpyFiles()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (folder, file) in new[]
        {
            ("npy", "f8.npy"), ("npy", "f4.npy"), ("npy", "i4.npy"), ("npy", "i8.npy"), ("npy", "u1-3d.npy"), ("npy", "vector.npy"),
            ("formats", "c-order.npy"), ("formats", "fortran.npy"), ("formats", "fortran-i4.npy"), ("formats", "fortran-u1-3d.npy"),
            ("mnist", "mnist500-x.npy"),
        })
        {
            foreach (int chunk in new[] { 1, 7, 4096 }) data.Add(folder, file, chunk);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NpyFiles))]
    public void NpyGivesTheSameBitsThroughShortReads(string folder, string file, int chunk)
    {
        var bytes = File.ReadAllBytes(ReferenceData.PathOf(folder, file));
        var expected = NpyFile.ReadMatrix(new MemoryStream(bytes), file);
        var actual = NpyFile.ReadMatrix(new TrickleStream(bytes, chunk), file);
        AssertBitEqual(expected, actual);
    }

    [Theory]
    [InlineData("deflated.npz", 1)]
    [InlineData("deflated.npz", 7)]
    [InlineData("stored.npz", 1)]
    [InlineData("stored.npz", 4096)]
    [InlineData("single.npz", 7)]
    public void NpzGivesTheSameBitsThroughShortReads(string file, int chunk)
    {
        var bytes = File.ReadAllBytes(ReferenceData.PathOf("formats", file));
        var expected = NpzFile.Read(new MemoryStream(bytes), file);
        var actual = NpzFile.Read(new TrickleStream(bytes, chunk), file);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var key in expected.Keys) AssertBitEqual(expected[key], actual[key]);
    }

    public static TheoryData<IdxDataType, int> IdxTypes()
    {
        var data = new TheoryData<IdxDataType, int>();
        foreach (var type in Enum.GetValues<IdxDataType>())
            foreach (int chunk in new[] { 1, 7, 4096 }) data.Add(type, chunk);
        return data;
    }

    [Theory]
    [MemberData(nameof(IdxTypes))]
    public void IdxGivesTheSameBitsThroughShortReads(IdxDataType type, int chunk)
    {
        using var dir = new TempDirectory();
        var path = dir.File("images.idx");
        // Values every IDX type holds exactly (the byte types: 0…127; the others also negatives and fractions where they can).
        var values = Enumerable.Range(0, 3 * 28 * 28).Select(i => type switch
        {
            IdxDataType.UInt8 or IdxDataType.Int8 => (double)(i * 37 % 128),
            IdxDataType.Float32 or IdxDataType.Float64 => (i * 37 % 1000) / 8.0 - 60,
            _ => (double)((i * 37 % 2000) - 1000),
        }).ToArray();
        IdxFile.Write(path, type, [3, 28, 28], values);
        var bytes = File.ReadAllBytes(path);
        var (expectedHeader, expected) = IdxFile.Read(new MemoryStream(bytes), path);
        var (header, actual) = IdxFile.Read(new TrickleStream(bytes, chunk), path);
        Assert.Equal(expectedHeader.DataType, header.DataType);
        Assert.Equal(expectedHeader.Shape, header.Shape);
        Assert.Equal(values, expected);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void TheTrickleStreamReallyReturnsShortReads()
    {
        var stream = new TrickleStream(new byte[100], 7);
        Assert.Equal(7, stream.Read(new byte[50], 0, 50));
        Assert.Equal(7, stream.Read(new byte[50].AsSpan()));
        Assert.Equal(14, stream.Position);
    }

    private static void AssertBitEqual(Matrix expected, Matrix actual)
    {
        Assert.Equal((expected.Rows, expected.Columns), (actual.Rows, actual.Columns));
        Assert.Equal(expected.AsSpan().ToArray().Select(BitConverter.DoubleToInt64Bits), actual.AsSpan().ToArray().Select(BitConverter.DoubleToInt64Bits));
    }

    /// <summary>A seekable in-memory stream that returns at most <paramref name="chunk"/> bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : Stream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position { get => _inner.Position; set => _inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => _inner.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
