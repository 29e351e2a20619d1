using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using MathForML.Data;

using MathForML.Graphs;
using MathForML.Numerics;

namespace MathForML.Data;

/// <summary>
/// Edge lists on disk. Text (SNAP style): one <c>source target</c> pair a line, separated by spaces or tabs, <c>#</c>
/// comments and blank lines skipped. Binary (<c>.bin</c>): little-endian int32 pairs, 8 bytes an edge. Errors name the
/// file and line (text) or byte offset (binary); sizes are checked before anything is allocated.
/// </summary>
public static class EdgeListFile
{
    /// <summary>Reads the edges of <paramref name="path"/> (binary when it ends in <c>.bin</c>).</summary>
    public static (int[] Sources, int[] Targets) Read(string path)
    {
        if (Directory.Exists(path)) throw new DataFileException(path, "is a directory, expected an edge list");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        return IsBinary(path) ? ReadBinary(path) : ReadText(path);
    }

    /// <summary>Writes edges atomically, as text or (for <c>.bin</c>) binary.</summary>
    public static void Write(string path, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets)
    {
        if (sources.Length != targets.Length) throw new ArgumentException("Sources and targets differ in length.", nameof(targets));
        var s = sources.ToArray();
        var t = targets.ToArray();
        if (IsBinary(path))
        {
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Big-endian hosts are not supported.");
            AtomicFile.Write(path, stream =>
            {
                // In blocks of 64K edges, so files above 2 GB need no single array of their size.
                var pairs = new int[2 * Math.Min(s.Length, 1 << 16)];
                for (int start = 0; start < s.Length; start += pairs.Length / 2)
                {
                    int count = Math.Min(pairs.Length / 2, s.Length - start);
                    for (int i = 0; i < count; i++) { pairs[2 * i] = s[start + i]; pairs[(2 * i) + 1] = t[start + i]; }
                    stream.Write(MemoryMarshal.AsBytes(pairs.AsSpan(0, 2 * count)));
                }
            });
            return;
        }
        AtomicFile.WriteText(path, w =>
        {
            for (int i = 0; i < s.Length; i++) w.WriteLine($"{s[i]}\t{t[i]}");
        });
    }

    private static bool IsBinary(string path) => Path.GetExtension(path).Equals(".bin", StringComparison.OrdinalIgnoreCase);

    private static (int[], int[]) ReadBinary(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadBinary(stream, path);
    }

    /// <summary>Reads a binary edge list from the seekable <paramref name="stream"/>; <paramref name="path"/> names it in errors.</summary>
    internal static (int[] Sources, int[] Targets) ReadBinary(Stream stream, string path)
    {
        long length = stream.Length;
        if (length % 8 != 0)
            throw new DataFileException(path, $"binary edge list has {length} bytes, not a multiple of 8 (int32 source, int32 target)");
        if (length / 8 > int.MaxValue)
            throw new DataFileException(path, $"binary edge list has {length / 8} edges, more than {int.MaxValue}");
        int count = (int)(length / 8);
        // Huge-page advice before the first touch (a 2 GB file is 2 GB of fresh arrays); every element is written below
        // or the read throws.
        var sources = LargeArray.Uninitialized<int>(count);
        var targets = LargeArray.Uninitialized<int>(count);
        var buffer = new byte[1 << 20];
        int edge = 0;
        while (edge < count)
        {
            int n = Math.Min(buffer.Length / 8, count - edge);
            stream.ReadExactly(buffer, 0, n * 8);
            var pairs = MemoryMarshal.Cast<byte, int>(buffer.AsSpan(0, n * 8));
            for (int i = 0; i < n; i++, edge++)
            {
                int s = BitConverter.IsLittleEndian ? pairs[2 * i] : BinaryPrimitives.ReverseEndianness(pairs[2 * i]);
                int t = BitConverter.IsLittleEndian ? pairs[(2 * i) + 1] : BinaryPrimitives.ReverseEndianness(pairs[(2 * i) + 1]);
                if (s < 0 || t < 0)
                    throw new DataFileException(path, $"edge {edge} (byte offset {8L * edge}) has a negative node id ({s} → {t})");
                sources[edge] = s;
                targets[edge] = t;
            }
        }
        return (sources, targets);
    }

    private static (int[], int[]) ReadText(string path)
    {
        using var reader = new StreamReader(new LineLengthGuardStream(File.OpenRead(path), path, maxLineBytes: TextLimits.MaxEdgeLineBytes));
        return ReadText(reader, path);
    }

    /// <summary>Reads a text edge list from <paramref name="reader"/>; <paramref name="path"/> names it in errors.</summary>
    internal static (int[] Sources, int[] Targets) ReadText(TextReader reader, string path)
    {
        var sources = new List<int>();
        var targets = new List<int>();
        string? line;
        int lineNumber = 0;
        Span<Range> parts = stackalloc Range[3];
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var text = line.AsSpan();
            int hash = text.IndexOf('#');
            if (hash >= 0) text = text[..hash];
            if (text.IsWhiteSpace()) continue;
            int nul = text.IndexOf('\0');
            if (nul >= 0) throw new DataFileException(path, "binary data (a NUL byte) in a text edge list", lineNumber, nul + 1);
            var trimmed = text.Trim();
            int lead = text.Length - text.TrimStart().Length;
            int count = SplitWhitespace(trimmed, parts);
            if (count != 2)
                throw new DataFileException(path, $"expected 'source target', found {(count > 2 ? "more than two" : "one")} value(s)", lineNumber, 1);
            int s = ParseId(path, trimmed[parts[0]], lineNumber, lead + parts[0].Start.Value + 1);
            int t = ParseId(path, trimmed[parts[1]], lineNumber, lead + parts[1].Start.Value + 1);
            sources.Add(s);
            targets.Add(t);
        }
        return (sources.ToArray(), targets.ToArray());
    }

    private static int SplitWhitespace(ReadOnlySpan<char> text, Span<Range> parts)
    {
        int count = 0, i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (count < parts.Length) parts[count] = start..i;
            count++;
        }
        return count;
    }

    private static int ParseId(string path, ReadOnlySpan<char> cell, int line, int column)
    {
        if (!long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            throw new DataFileException(path, $"'{cell}' is not a node id (a non-negative integer)", line, column);
        if (id < 0) throw new DataFileException(path, $"negative node id {id}", line, column);
        if (id > int.MaxValue) throw new DataFileException(path, $"node id {id} is larger than {int.MaxValue}", line, column);
        return (int)id;
    }
}
