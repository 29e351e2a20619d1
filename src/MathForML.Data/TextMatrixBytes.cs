using System.Buffers;
using System.Globalization;
using System.Text;
using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// The fast way through a UTF-8 text matrix: the file's bytes are split into lines as <see cref="TextReader.ReadLine"/>
/// splits them (at <c>\n</c>, <c>\r</c> or <c>\r\n</c>), and a plain numeric row — printable ASCII with no quote or
/// comment, each cell a finite number, as many cells as the first row — is parsed straight from its bytes
/// (<see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out double)"/>, the same grammar as
/// the text reader's). Every other line (the header, comments, quotes, missing values, anything wrong) is decoded and
/// given to <see cref="TextMatrixParser"/>, so results and error messages are exactly the text reader's.
/// </summary>
/// <remarks>
/// The bytes are read in blocks of <see cref="BlockBytes"/> (a line longer than a block grows it), so memory is the
/// matrix plus one block. Measured on the Zen 5 box (one core): 20,000×50 random normals with 17 significant digits
/// (20 MB) and 5,000 MNIST rows (18.5 MB, mostly "0" cells); see the closing note of the end-to-end issue.
/// </remarks>
internal static class TextMatrixBytes
{
    /// <summary>Bytes read at a time (a line longer than this is read whole, in a larger block).</summary>
    internal const int BlockBytes = 1 << 20;

    /// <summary>Bytes a fast row may hold: printable ASCII and tab, no quote ('"') and no comment ('#').</summary>
    private static readonly SearchValues<byte> PlainBytes = SearchValues.Create(
        Enumerable.Range(0x20, 0x7F - 0x20).Where(b => b is not '"' and not '#').Select(b => (byte)b).Append((byte)'\t').ToArray());

    private static readonly SearchValues<byte> LineBreaks = SearchValues.Create("\r\n"u8);

    /// <summary>True when the stream starts with a UTF-16 or UTF-32 byte-order mark (the position is left at the start).</summary>
    public static bool HasWideByteOrderMark(Stream file)
    {
        Span<byte> head = stackalloc byte[4];
        long at = file.Position;
        int n = file.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        file.Position = at;
        head = head[..n];
        return head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
    }

    /// <summary>
    /// Reads a UTF-8 (optionally BOM-prefixed) matrix from <paramref name="file"/>, <paramref name="blockBytes"/> at a
    /// time (tests make blocks tiny to put every line break, BOM and long line across block boundaries).
    /// </summary>
    public static Matrix Read(Stream file, string name, TextMatrixReadOptions options, out IReadOnlyList<string>? header, int blockBytes = BlockBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockBytes, 1);
        var parser = new TextMatrixParser(name, options);
        long length = file.CanSeek ? file.Length - file.Position : -1;
        // A small file needs no more than its own size (+1, to see its end in the first read).
        var block = new byte[length >= 0 ? (int)Math.Min(blockBytes, length + 1) : blockBytes];
        double[] rowValues = [];
        int filled = 0;
        bool atStart = true, end = false, pendingCr = false, reserved = false;
        while (true)
        {
            if (!end && filled < block.Length)
            {
                int n = file.Read(block, filled, block.Length - filled);
                if (n == 0) end = true;
                filled += n;
            }
            if (filled == 0 && end) break;
            var data = block.AsSpan(0, filled);
            int pos = 0;
            if (atStart)
            {
                if (filled < 3 && !end)
                {
                    if (filled == block.Length) block = Grown(block, filled);
                    continue;   // not yet enough bytes to tell a byte-order mark
                }
                if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) pos = 3;
                atStart = false;
            }
            if (pendingCr && pos < data.Length)
            {
                if (data[pos] == '\n') pos++;   // the '\n' of a "\r\n" whose '\r' ended the previous block
                pendingCr = false;
            }
            while (pos < data.Length)
            {
                var rest = data[pos..];
                int brk = rest.IndexOfAny(LineBreaks);
                if (brk < 0 && !end) break;   // the line goes on in the next block
                parser.LineNumber++;
                AddLine(parser, brk < 0 ? rest : rest[..brk], ref rowValues);
                if (brk < 0)
                {
                    pos = data.Length;
                    break;
                }
                pos += brk + 1;
                if (rest[brk] == '\r')
                {
                    if (pos == data.Length) pendingCr = true;
                    else if (data[pos] == '\n') pos++;
                }
            }
            if (!reserved && length > 0 && parser.Columns > 0 && pos > 0)
            {
                parser.Reserve(EstimateValues(length, pos, parser));
                reserved = true;
            }
            data[pos..].CopyTo(block);
            filled -= pos;
            if (filled == block.Length)
            {
                // One line fills the block: refuse binary data and endless lines before growing it.
                TextLimits.CheckPendingLine(block.AsSpan(0, filled), name, parser.LineNumber + 1);
                block = Grown(block, filled);
            }
        }
        return parser.Finish(out header);
    }

    private static byte[] Grown(byte[] block, int filled)
    {
        var larger = new byte[checked(block.Length * 2)];
        block.AsSpan(0, filled).CopyTo(larger);
        return larger;
    }

    /// <summary>About how many values a file of <paramref name="length"/> bytes holds, from the rows in its first block.</summary>
    private static long EstimateValues(long length, int bytesSeen, TextMatrixParser parser)
    {
        int perRow = parser.IndexColumn >= 0 ? parser.Columns - 1 : parser.Columns;
        double rowsPerByte = (double)parser.LineNumber / bytesSeen;
        return (long)Math.Min(Math.Min(Array.MaxLength, MemoryLimit.MaxArrayBytes / sizeof(double)), Math.Ceiling(length * rowsPerByte * 1.05 + 16) * perRow);
    }

    /// <summary>One line (without its break): parsed here when it is a plain numeric row, else by the parser.</summary>
    private static void AddLine(TextMatrixParser parser, ReadOnlySpan<byte> line, ref double[] rowValues)
    {
        if (parser.HeaderDecided && parser.Columns > 0 && line.IndexOfAnyExcept(PlainBytes) < 0)
        {
            int perRow = parser.IndexColumn >= 0 ? parser.Columns - 1 : parser.Columns;
            if (rowValues.Length != perRow) rowValues = new double[perRow];
            if (TryParseRow(line, parser.Columns, parser.IndexColumn, rowValues))
            {
                parser.AddParsedRow(rowValues);
                return;
            }
        }
        parser.AddCurrentLine(Encoding.UTF8.GetString(line));
    }

    /// <summary>
    /// Parses a plain row of exactly <paramref name="columns"/> cells (comma-separated if the line has a comma, else
    /// separated by spaces and tabs) into <paramref name="values"/>, skipping the index column; false when any cell is
    /// not a finite number or the count differs (the parser then reads the line and reports what is wrong).
    /// </summary>
    private static bool TryParseRow(ReadOnlySpan<byte> line, int columns, int index, Span<double> values)
    {
        int cell = 0, written = 0;
        if (line.IndexOf((byte)',') >= 0)
        {
            while (true)
            {
                int comma = line.IndexOf((byte)',');
                var text = comma < 0 ? line : line[..comma];
                if (cell >= columns) return false;
                if (cell != index)
                {
                    if (!TryParseCell(text.Trim(" \t"u8), out double x)) return false;
                    values[written++] = x;
                }
                cell++;
                if (comma < 0) break;
                line = line[(comma + 1)..];
            }
            return cell == columns;
        }
        while (true)
        {
            int start = line.IndexOfAnyExcept(" \t"u8);
            if (start < 0) break;
            line = line[start..];
            int stop = line.IndexOfAny(" \t"u8);
            var text = stop < 0 ? line : line[..stop];
            if (cell >= columns) return false;
            if (cell != index)
            {
                if (!TryParseCell(text, out double x)) return false;
                values[written++] = x;
            }
            cell++;
            if (stop < 0) break;
            line = line[stop..];
        }
        return cell == columns;
    }

    /// <summary>A finite number in <paramref name="cell"/>: the plain form through <see cref="PlainNumber"/>, any other through .NET's parser.</summary>
    private static bool TryParseCell(ReadOnlySpan<byte> cell, out double value) =>
        (PlainNumber.TryParse(cell, out value) || double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        && double.IsFinite(value);
}
