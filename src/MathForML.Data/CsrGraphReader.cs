using System.Runtime.InteropServices;
using MathForML.Data;

using MathForML.Graphs;

namespace MathForML.Data;

/// <summary>
/// Builds a <see cref="CsrGraph"/> straight from an edge-list file. A binary <c>.bin</c> file is streamed twice and
/// never held in memory: the first pass checks the ids and counts in- and out-degrees, the second places each source in
/// its target's slot. Peak memory is the graph itself (4 bytes per edge) plus about 16 bytes per node per reading thread,
/// against 12 bytes per edge when the edge list is read first. Text files are read whole, then built.
/// </summary>
/// <remarks>
/// Each thread reads its own contiguous part of the file; part k's slot for target v starts after the slots of the
/// parts before it, so edges keep file order within a target and the graph is identical whatever the thread count.
/// </remarks>
public static class CsrGraphReader
{
    private const int BufferEdges = 1 << 17;

    /// <summary>
    /// The most nodes that the ids alone may imply when no node count is given: 2·edges + 2¹⁶. More would mean mostly
    /// nodes without any edge, which is far more often a corrupt id than a real graph, and would allocate ~56 bytes per
    /// node for a tiny file; give the node count to read such a graph.
    /// </summary>
    public static long MaxImpliedNodes(long edges) => Math.Min(Array.MaxLength - 1L, 2 * edges + (1 << 16));

    /// <summary>Reads the graph in an edge-list file.</summary>
    /// <param name="path">Text edge list, or binary when it ends in <c>.bin</c>.</param>
    /// <param name="nodeCount">Number of nodes; the largest id + 1 when null.</param>
    /// <param name="progress">Receives the fraction of the work done, from 0 to 1.</param>
    /// <param name="maxThreads">Reading threads (default: all cores); the graph does not depend on it.</param>
    /// <param name="cancellationToken">Checked before reading and after every block of edges.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="DataFileException">A malformed or truncated file, a negative id, an id not below
    /// <paramref name="nodeCount"/>, or (without it) an id that implies more than <see cref="MaxImpliedNodes"/> nodes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodeCount"/> is negative or not below <see cref="Array.MaxLength"/>.</exception>
    public static CsrGraph Read(string path, int? nodeCount = null, IProgress<double>? progress = null, int? maxThreads = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (nodeCount is < 0 || nodeCount >= Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(nodeCount), nodeCount, $"The node count must be between 0 and {Array.MaxLength - 1}.");
        if (!Path.GetExtension(path).Equals(".bin", StringComparison.OrdinalIgnoreCase))
        {
            var (s, t) = EdgeListFile.Read(path);
            progress?.Report(0.5);
            cancellationToken.ThrowIfCancellationRequested();
            var graph = FromEdges(path, s, t, nodeCount);
            progress?.Report(1);
            return graph;
        }
        if (Directory.Exists(path)) throw new DataFileException(path, "is a directory, expected an edge list");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        return ReadBinary(path, RandomAccess.GetLength(handle), (block, offset) => RandomAccess.Read(handle, block, offset), nodeCount, progress, maxThreads, cancellationToken);
    }

    /// <summary>Builds the graph of text edges already read (<see cref="EdgeListFile"/>), checking the ids against the node count.</summary>
    internal static CsrGraph FromEdges(string path, int[] s, int[] t, int? nodeCount)
    {
        int max = -1;
        foreach (int id in s) max = Math.Max(max, id);
        foreach (int id in t) max = Math.Max(max, id);
        if (nodeCount is { } given && max >= given) throw new DataFileException(path, $"node id {max} is not below the node count {given}");
        if (nodeCount is null && max + 1L > MaxImpliedNodes(s.Length)) throw TooSparse(path, max, s.Length);
        return CsrGraph.FromEdges(s, t, nodeCount);
    }

    internal static DataFileException TooSparse(string path, long id, long edges) =>
        new(path, $"node id {id} implies {id + 1} nodes for {edges} edges, more than 2·edges + 65536 (most would have no edge); give the node count if that is intended");

    /// <summary>Reads bytes of the binary edge list at an offset, returning how many were read (0 at the end).</summary>
    internal delegate int BlockReader(Span<byte> block, long offset);

    /// <summary>Builds the graph of a binary edge list of <paramref name="length"/> bytes read through <paramref name="read"/>.</summary>
    internal static CsrGraph ReadBinary(string path, long length, BlockReader read, int? nodeCount, IProgress<double>? progress = null, int? maxThreads = null,
        CancellationToken cancellationToken = default)
    {
        if (length % 8 != 0)
            throw new DataFileException(path, $"binary edge list has {length} bytes, not a multiple of 8 (int32 source, int32 target)");
        if (length / 8 > Array.MaxLength)
            throw new DataFileException(path, $"binary edge list has {length / 8} edges, more than {Array.MaxLength}");
        int edges = (int)(length / 8);
        int parts = Math.Max(1, Math.Min(maxThreads ?? Environment.ProcessorCount, Math.Max(1, edges / BufferEdges)));
        var bounds = new int[parts + 1];
        for (int k = 0; k <= parts; k++) bounds[k] = (int)((long)edges * k / parts);
        var tracker = new ProgressTracker(progress, 2L * edges, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parts, CancellationToken = cancellationToken };

        // Pass 1: per part, check ids and count each target's in-degree and each source's out-degree.
        var inCounts = new int[parts][];
        var outCounts = new int[parts][];
        var failures = new DataFileException?[parts];
        Parallel.For(0, parts, parallel, k =>
        {
            inCounts[k] = new int[nodeCount ?? 0];
            outCounts[k] = new int[nodeCount ?? 0];
            failures[k] = Count(read, path, bounds[k], bounds[k + 1], nodeCount, edges, ref inCounts[k], ref outCounts[k], tracker);
        });
        foreach (var failure in failures)
            if (failure is not null) throw failure;
        int n = nodeCount ?? inCounts.Max(c => c.Length);
        var inDegree = new int[n];
        var outDegree = new int[n];
        for (int k = 0; k < parts; k++)
        {
            var ins = inCounts[k];
            var outs = outCounts[k];
            for (int v = 0; v < ins.Length; v++) inDegree[v] += ins[v];
            for (int v = 0; v < outs.Length; v++) outDegree[v] += outs[v];
            outCounts[k] = [];
        }
        var layout = CsrLayout.Build(inDegree, outDegree);
        inDegree = [];

        // Each part's cursors, by stored position: the first slot after the edges of the parts before it.
        var cursors = new int[parts][];
        var running = layout.Offsets.AsSpan(0, n).ToArray();
        for (int k = 0; k < parts; k++)
        {
            var ins = inCounts[k];
            var cursor = cursors[k] = new int[n];
            for (int p = 0; p < n; p++)
            {
                int v = layout.Order[p];
                cursor[p] = running[p];
                if (v < ins.Length) running[p] += ins[v];
            }
            inCounts[k] = [];
        }
        running = [];

        // Pass 2: place each edge's source in its target's next slot.
        var grouped = new int[edges];
        Parallel.For(0, parts, parallel, k => Place(read, path, bounds[k], bounds[k + 1], cursors[k], layout.Position, grouped, tracker));
        cancellationToken.ThrowIfCancellationRequested();
        tracker.Finish();
        return new CsrGraph(layout, grouped, outDegree);
    }

    private static DataFileException? Count(BlockReader read, string path, int lo, int hi, int? nodeCount, long edges,
        ref int[] inCount, ref int[] outCount, ProgressTracker tracker)
    {
        var buffer = new int[2 * Math.Min(BufferEdges, hi - lo)];
        var bytes = MemoryMarshal.AsBytes(buffer.AsSpan());
        int limit = nodeCount ?? (int)MaxImpliedNodes(edges);
        for (int start = lo; start < hi; start += BufferEdges)
        {
            int count = Math.Min(BufferEdges, hi - start);
            ReadBlock(read, path, bytes[..(8 * count)], 8L * start);
            var pairs = buffer.AsSpan(0, 2 * count);
            int max = -1, min = 0;
            foreach (int id in pairs)
            {
                max = Math.Max(max, id);
                min = Math.Min(min, id);
            }
            if (min < 0 || max >= limit)
                return Bad(path, pairs, start, limit, nodeCount is null ? edges : null);
            if (max >= inCount.Length)
            {
                int size = (int)Math.Min(Array.MaxLength, Math.Max((long)max + 1, 2L * inCount.Length));
                Array.Resize(ref inCount, size);
                Array.Resize(ref outCount, size);
            }
            var ins = inCount;
            var outs = outCount;
            for (int i = 0; i < pairs.Length; i += 2)
            {
                outs[pairs[i]]++;
                ins[pairs[i + 1]]++;
            }
            tracker.Add(count);
        }
        // Trim to the ids actually seen so that the node count is the largest id + 1.
        int seen = inCount.Length;
        while (seen > 0 && inCount[seen - 1] == 0 && outCount[seen - 1] == 0) seen--;
        if (nodeCount is null && seen != inCount.Length)
        {
            Array.Resize(ref inCount, seen);
            Array.Resize(ref outCount, seen);
        }
        return null;
    }

    private static DataFileException Bad(string path, ReadOnlySpan<int> pairs, int start, int limit, long? impliedFrom)
    {
        for (int i = 0; i < pairs.Length; i++)
        {
            int id = pairs[i];
            if (id >= 0 && id < limit) continue;
            if (id >= 0 && impliedFrom is { } edges) return TooSparse(path, id, edges);
            int edge = start + i / 2;
            string problem = id < 0 ? "a negative node id" : $"node id {id}, not below the node count {limit},";
            return new DataFileException(path, $"edge {edge} (byte offset {8L * edge}) has {problem} ({pairs[i & ~1]} → {pairs[i | 1]})");
        }
        throw new InvalidOperationException("No bad id in the block.");
    }

    private static void Place(BlockReader read, string path, int lo, int hi, int[] cursor, int[] position, int[] grouped, ProgressTracker tracker)
    {
        var buffer = new int[2 * Math.Min(BufferEdges, hi - lo)];
        var bytes = MemoryMarshal.AsBytes(buffer.AsSpan());
        for (int start = lo; start < hi; start += BufferEdges)
        {
            int count = Math.Min(BufferEdges, hi - start);
            ReadBlock(read, path, bytes[..(8 * count)], 8L * start);
            var pairs = buffer.AsSpan(0, 2 * count);
            for (int i = 0; i < pairs.Length; i += 2) grouped[cursor[position[pairs[i + 1]]]++] = position[pairs[i]];
            tracker.Add(count);
        }
    }

    private static void ReadBlock(BlockReader reader, string path, Span<byte> block, long offset)
    {
        while (block.Length > 0)
        {
            int read = reader(block, offset);
            if (read == 0) throw new DataFileException(path, $"ended at byte {offset} while being read (was it truncated?)");
            block = block[read..];
            offset += read;
        }
    }

    /// <summary>
    /// Thread-safe progress in units of edges processed, reported at most a few hundred times; checks the token after
    /// every block (Parallel.For, given the same token, throws one <see cref="OperationCanceledException"/>).
    /// </summary>
    private sealed class ProgressTracker(IProgress<double>? progress, long total, CancellationToken cancellationToken)
    {
        private long _done;
        private long _reported;

        public void Add(long units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (progress is null || total == 0) return;
            long done = Interlocked.Add(ref _done, units);
            long step = Math.Max(1, total / 200);
            long last = Interlocked.Read(ref _reported);
            if (done - last >= step && Interlocked.CompareExchange(ref _reported, done, last) == last)
                progress.Report((double)done / total);
        }

        public void Finish() => progress?.Report(1);
    }
}
