using System.Buffers.Binary;
using System.Text;
using MathForML.Data;
using MathForML.Graphs;

namespace MathForML.Tests.Reliability;

/// <summary>
/// The limits of docs/large-inputs.md: headers that declare far more than the file holds are rejected before anything
/// big is allocated, and a binary edge list is streamed into the graph rather than loaded.
/// </summary>
public class LargeInputLimitsTests
{
    private const long OneMegabyte = 1 << 20;

    [Fact]
    public void IdxHeaderPromisingTheFullMnistOnASixteenByteFileAllocatesUnderOneMegabyte()
    {
        var header = new byte[16];
        header[2] = 0x08;
        header[3] = 3;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 70_000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), 28);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), 28);
        var (e, allocated) = Rejected(() => IdxFile.Read(new MemoryStream(header, writable: false), "huge.idx"));
        Assert.Contains("truncated: the header promises 70000×28×28", e.Message);
        Assert.True(allocated < OneMegabyte, $"{allocated} bytes");
    }

    [Fact]
    public void IdxFileTooBigForMemoryAsFloat64IsRefusedBeforeAllocating()
    {
        // A ubyte IDX file grows 8× as float64. Pick N so that N×28×28 values fit one .NET array but not half the memory.
        long n = MemoryLimit.MaxArrayBytes / (8 * 784) + 1;
        if (n * 784 > Array.MaxLength) return;   // a machine with more than ~34 GiB: no such file exists for it
        var header = new byte[16];
        header[2] = 0x08;
        header[3] = 3;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), (int)n);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), 28);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), 28);
        using var file = new ZeroPaddedStream(header, 16 + n * 784);
        var (e, allocated) = Rejected(() => IdxFile.Read(file, "big-idx3-ubyte"));
        Assert.Contains("more than half the", e.Message);
        Assert.True(allocated < OneMegabyte, $"{allocated} bytes");
    }

    [Theory]
    [InlineData("(10000000, 78)", "truncated .npy file")]        // 6 GB of float64 declared
    [InlineData("(4611686018427387904, 4)", "absurd .npy shape dimension")]
    [InlineData("(2147483647, 2147483647, 2147483647)", "absurd .npy shape")]
    public void NpyHeaderPromisingGigabytesAllocatesUnderOneMegabyte(string shape, string message)
    {
        var dict = $"{{'descr': '<f8', 'fortran_order': False, 'shape': {shape}, }}";
        var text = dict.PadRight(118) + "\n";
        var bytes = new byte[10 + text.Length + 64];
        bytes[0] = 0x93;
        "NUMPY"u8.CopyTo(bytes.AsSpan(1));
        bytes[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)text.Length);
        Encoding.ASCII.GetBytes(text).CopyTo(bytes, 10);
        var (e, allocated) = Rejected(() => NpyFile.ReadMatrix(new MemoryStream(bytes, writable: false), "huge.npy"));
        Assert.Contains(message, e.Message);
        Assert.True(allocated < OneMegabyte, $"{allocated} bytes: {e.Message}");
    }

    [Fact]
    public void EdgeWithAHugeNodeIdAllocatesUnderOneMegabyte()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), int.MaxValue - 1);
        var (e, allocated) = Rejected(() => CsrGraphReader.ReadBinary("huge.bin", bytes.Length, (block, offset) => Copy(bytes, block, offset), nodeCount: null, maxThreads: 1));
        Assert.Contains("give the node count", e.Message);
        Assert.True(allocated < OneMegabyte, $"{allocated} bytes");
    }

    [Fact]
    public void BinaryEdgeListIsStreamedIntoTheGraphNotLoaded()
    {
        // 2²¹ random edges among 2¹⁶ nodes: 16 MB of file. Loading it would allocate 16 MB for the pairs and 8 MB for the
        // sources and targets before the graph; streaming allocates the graph (4 B/edge + per-node arrays) and one buffer.
        const int edges = 1 << 21, nodes = 1 << 16;
        var bytes = new byte[8L * edges];
        var random = new Random(5);
        for (int i = 0; i < 2 * edges; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 * i), random.Next(nodes));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var graph = CsrGraphReader.ReadBinary("random.bin", bytes.Length, (block, offset) => Copy(bytes, block, offset), nodeCount: null, maxThreads: 1);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal((nodes, edges), (graph.NodeCount, graph.EdgeCount));
        long graphBytes = 4L * edges;
        long budget = graphBytes + 64L * nodes + 2 * OneMegabyte;
        Assert.InRange(allocated, graphBytes, budget);
    }

    private static (DataFileException Error, long Allocated) Rejected(Action read)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<DataFileException>(read);
        return (e, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>A read-only stream of the given length: <paramref name="prefix"/>, then zeros (a big file without the disk).</summary>
    private sealed class ZeroPaddedStream(byte[] prefix, long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Clamp(length - Position, 0, count);
            for (int i = 0; i < n; i++) buffer[offset + i] = Position + i < prefix.Length ? prefix[Position + i] : (byte)0;
            Position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static int Copy(byte[] source, Span<byte> block, long offset)
    {
        if (offset >= source.Length) return 0;
        int n = (int)Math.Min(block.Length, source.Length - offset);
        source.AsSpan((int)offset, n).CopyTo(block);
        return n;
    }
}
