using System.Runtime.InteropServices;
using MathForML.Data;

namespace MathForML.Distributed.Graphs;

/// <summary>
/// The edges of an edge-list file, read in blocks of (source, target) int32 pairs by edge number: a binary
/// <c>.bin</c> file straight from its bytes (any range, without reading the rest), a text file (SNAP style) parsed
/// whole by <see cref="EdgeListFile"/>. The errors are those of <see cref="CsrGraphReader"/>.
/// </summary>
internal sealed class EdgeSource : IDisposable
{
    /// <summary>Edges per block read.</summary>
    public const int BlockEdges = 1 << 17;

    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle? _handle;
    private readonly int[]? _sources, _targets;

    private EdgeSource(string path, long edges, Microsoft.Win32.SafeHandles.SafeFileHandle? handle, int[]? sources, int[]? targets)
    {
        Path = path;
        EdgeCount = edges;
        _handle = handle;
        _sources = sources;
        _targets = targets;
    }

    /// <summary>The file's path, for messages.</summary>
    public string Path { get; }

    /// <summary>How many edges the file holds.</summary>
    public long EdgeCount { get; }

    /// <summary>Opens <paramref name="path"/>: binary when it ends in <c>.bin</c>, else text (read now).</summary>
    /// <exception cref="DataFileException">The file is malformed, or a binary file is not whole pairs.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static EdgeSource Open(string path)
    {
        if (Directory.Exists(path)) throw new DataFileException(path, "is a directory, expected an edge list");
        if (!System.IO.Path.GetExtension(path).Equals(".bin", StringComparison.OrdinalIgnoreCase))
        {
            var (s, t) = EdgeListFile.Read(path);
            return new EdgeSource(path, s.Length, null, s, t);
        }

        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long length = RandomAccess.GetLength(handle);
        if (length % 8 != 0)
        {
            handle.Dispose();
            throw new DataFileException(path, $"binary edge list has {length} bytes, not a multiple of 8 (int32 source, int32 target)");
        }

        return new EdgeSource(path, length / 8, handle, null, null);
    }

    /// <summary>
    /// Calls <paramref name="block"/> with the pairs of edges [<paramref name="first"/>, <paramref name="end"/>) in
    /// blocks of at most <see cref="BlockEdges"/> (s₀, t₀, s₁, t₁, …) and the number of the block's first edge.
    /// </summary>
    /// <exception cref="DataFileException">The file ended early (truncated while being read).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked every block).</exception>
    public void ForEachBlock(long first, long end, BlockAction block, CancellationToken cancellationToken)
    {
        var buffer = new int[2 * (int)Math.Min(BlockEdges, Math.Max(0, end - first))];
        for (long start = first; start < end; start += BlockEdges)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = (int)Math.Min(BlockEdges, end - start);
            var pairs = buffer.AsSpan(0, 2 * count);
            if (_handle is null)
            {
                for (int i = 0; i < count; i++)
                {
                    pairs[2 * i] = _sources![start + i];
                    pairs[2 * i + 1] = _targets![start + i];
                }
            }
            else
            {
                Read(MemoryMarshal.AsBytes(pairs), 8 * start);
            }

            block(pairs, start);
        }
    }

    /// <summary>Receives one block of pairs and the number of its first edge.</summary>
    public delegate void BlockAction(ReadOnlySpan<int> pairs, long firstEdge);

    private void Read(Span<byte> bytes, long offset)
    {
        while (bytes.Length > 0)
        {
            int read = RandomAccess.Read(_handle!, bytes, offset);
            if (read == 0) throw new DataFileException(Path, $"ended at byte {offset} while being read (was it truncated?)");
            bytes = bytes[read..];
            offset += read;
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _handle?.Dispose();
}
