using System.Runtime.InteropServices;
using MathForML.Data;
using Microsoft.Win32.SafeHandles;

namespace MathForML.Graphs;

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

    /// <summary>Reads the graph in an edge-list file.</summary>
    /// <param name="path">Text edge list, or binary when it ends in <c>.bin</c>.</param>
    /// <param name="nodeCount">Number of nodes; the largest id + 1 when null.</param>
    /// <param name="progress">Receives the fraction of the work done, from 0 to 1.</param>
    /// <param name="maxThreads">Reading threads (default: all cores); the graph does not depend on it.</param>
    /// <exception cref="DataFileException">A malformed or truncated file, a negative id, or an id not below
    /// <paramref name="nodeCount"/>.</exception>
    public static CsrGraph Read(string path, int? nodeCount = null, IProgress<double>? progress = null, int? maxThreads = null)
    {
        if (nodeCount is < 0) throw new ArgumentOutOfRangeException(nameof(nodeCount), nodeCount, "The node count must not be negative.");
        if (!Path.GetExtension(path).Equals(".bin", StringComparison.OrdinalIgnoreCase))
        {
            var (s, t) = EdgeListFile.Read(path);
            progress?.Report(0.5);
            int max = -1;
            foreach (int id in s) max = Math.Max(max, id);
            foreach (int id in t) max = Math.Max(max, id);
            if (nodeCount is { } given && max >= given) throw new DataFileException(path, $"node id {max} is not below the node count {given}");
            var graph = CsrGraph.FromEdges(s, t, nodeCount);
            progress?.Report(1);
            return graph;
        }
        if (Directory.Exists(path)) throw new DataFileException(path, "is a directory, expected an edge list");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long length = RandomAccess.GetLength(handle);
        if (length % 8 != 0)
            throw new DataFileException(path, $"binary edge list has {length} bytes, not a multiple of 8 (int32 source, int32 target)");
        if (length / 8 > Array.MaxLength)
            throw new DataFileException(path, $"binary edge list has {length / 8} edges, more than {Array.MaxLength}");
        int edges = (int)(length / 8);
        int parts = Math.Max(1, Math.Min(maxThreads ?? Environment.ProcessorCount, Math.Max(1, edges / BufferEdges)));
        var bounds = new int[parts + 1];
        for (int k = 0; k <= parts; k++) bounds[k] = (int)((long)edges * k / parts);
        var tracker = new ProgressTracker(progress, 2L * edges);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parts };

        // Pass 1: per part, check ids and count each target's in-degree and each source's out-degree.
        var inCounts = new int[parts][];
        var outCounts = new int[parts][];
        var failures = new DataFileException?[parts];
        Parallel.For(0, parts, parallel, k =>
        {
            inCounts[k] = new int[nodeCount ?? 0];
            outCounts[k] = new int[nodeCount ?? 0];
            failures[k] = Count(handle, path, bounds[k], bounds[k + 1], nodeCount, ref inCounts[k], ref outCounts[k], tracker);
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
        Parallel.For(0, parts, parallel, k => Place(handle, path, bounds[k], bounds[k + 1], cursors[k], layout.Position, grouped, tracker));
        tracker.Finish();
        return new CsrGraph(layout, grouped, outDegree);
    }

    private static DataFileException? Count(SafeFileHandle handle, string path, int lo, int hi, int? nodeCount,
        ref int[] inCount, ref int[] outCount, ProgressTracker tracker)
    {
        var buffer = new int[2 * BufferEdges];
        var bytes = MemoryMarshal.AsBytes(buffer.AsSpan());
        int limit = nodeCount ?? int.MaxValue;
        for (int start = lo; start < hi; start += BufferEdges)
        {
            int count = Math.Min(BufferEdges, hi - start);
            ReadBlock(handle, path, bytes[..(8 * count)], 8L * start);
            var pairs = buffer.AsSpan(0, 2 * count);
            int max = -1, min = 0;
            foreach (int id in pairs)
            {
                max = Math.Max(max, id);
                min = Math.Min(min, id);
            }
            if (min < 0 || max >= limit)
                return Bad(path, pairs, start, limit);
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

    private static DataFileException Bad(string path, ReadOnlySpan<int> pairs, int start, int limit)
    {
        for (int i = 0; i < pairs.Length; i++)
        {
            int id = pairs[i];
            if (id >= 0 && id < limit) continue;
            int edge = start + i / 2;
            string problem = id < 0 ? "a negative node id" : $"node id {id}, not below the node count {limit},";
            return new DataFileException(path, $"edge {edge} (byte offset {8L * edge}) has {problem} ({pairs[i & ~1]} → {pairs[i | 1]})");
        }
        throw new InvalidOperationException("No bad id in the block.");
    }

    private static void Place(SafeFileHandle handle, string path, int lo, int hi, int[] cursor, int[] position, int[] grouped, ProgressTracker tracker)
    {
        var buffer = new int[2 * BufferEdges];
        var bytes = MemoryMarshal.AsBytes(buffer.AsSpan());
        for (int start = lo; start < hi; start += BufferEdges)
        {
            int count = Math.Min(BufferEdges, hi - start);
            ReadBlock(handle, path, bytes[..(8 * count)], 8L * start);
            var pairs = buffer.AsSpan(0, 2 * count);
            for (int i = 0; i < pairs.Length; i += 2) grouped[cursor[position[pairs[i + 1]]]++] = position[pairs[i]];
            tracker.Add(count);
        }
    }

    private static void ReadBlock(SafeFileHandle handle, string path, Span<byte> block, long offset)
    {
        while (block.Length > 0)
        {
            int read = RandomAccess.Read(handle, block, offset);
            if (read == 0) throw new DataFileException(path, $"ended at byte {offset} while being read (was it truncated?)");
            block = block[read..];
            offset += read;
        }
    }

    /// <summary>Thread-safe progress in units of edges processed, reported at most a few hundred times.</summary>
    private sealed class ProgressTracker(IProgress<double>? progress, long total)
    {
        private long _done;
        private long _reported;

        public void Add(long units)
        {
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
