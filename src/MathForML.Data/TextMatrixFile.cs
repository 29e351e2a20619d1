using System.Globalization;
using System.Text;
using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// Matrices as text: one row a line, numbers separated by commas (CSV) or by spaces/tabs; <c>#</c> starts a
/// comment that runs to the end of the line; blank lines are skipped. A first row of column names is detected (all its
/// cells non-numeric) or declared (<see cref="TextMatrixReadOptions.Header"/>); an index column of row labels, as pandas'
/// <c>DataFrame.to_csv</c> writes it, is left out (<see cref="TextMatrixReadOptions.IndexColumn"/>); a missing value
/// (an empty cell, <c>NA</c>, <c>NaN</c>, … see <see cref="MissingValues"/>) is an error or drops its row. Every other
/// problem is an error that names file, line and column: a cell that is not a number, ±∞, a row whose length differs
/// from the first, binary data, or a file with no numbers at all. In CSV a cell may be quoted (RFC 4180: <c>"…"</c>,
/// a doubled <c>""</c> inside for a quote; a comma inside does not split it), as pandas writes with
/// <c>quoting=csv.QUOTE_ALL</c> or for labels with commas; a quoted cell must end on its line.
/// </summary>
public static class TextMatrixFile
{
    /// <summary>Reads the matrix in <paramref name="path"/>.</summary>
    public static Matrix Read(string path) => Read(path, out _);

    /// <summary>Reads the matrix in <paramref name="path"/>, returning the header's column names if it has one.</summary>
    public static Matrix Read(string path, out IReadOnlyList<string>? header) => Read(path, TextMatrixReadOptions.Default, out header);

    /// <summary>Reads the matrix in <paramref name="path"/> as <paramref name="options"/> say, returning the header's column names if it has one.</summary>
    public static Matrix Read(string path, TextMatrixReadOptions options, out IReadOnlyList<string>? header)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(file, path, options, out header);
    }

    /// <summary>
    /// Reads a matrix from the seekable <paramref name="file"/> (UTF-8, or UTF-16/32 with a byte-order mark) as
    /// <paramref name="options"/> say; <paramref name="name"/> is used in error messages. UTF-8 text is parsed from its
    /// bytes (<see cref="TextMatrixBytes"/>): the same results and errors as <see cref="Read(TextReader, string, TextMatrixReadOptions, out IReadOnlyList{string}?)"/>, several times faster.
    /// </summary>
    internal static Matrix Read(Stream file, string name, TextMatrixReadOptions options, out IReadOnlyList<string>? header)
    {
        // A pipe or a character device cannot be rewound after a look at its first bytes: it is read as UTF-8 (UTF-16
        // or UTF-32 there would meet the NUL check, a clean error).
        if (file.CanSeek && TextMatrixBytes.HasWideByteOrderMark(file))
        {
            using var reader = new StreamReader(new LineLengthGuardStream(file, name, leaveOpen: true), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            return Read(reader, name, options, out header);
        }
        return TextMatrixBytes.Read(file, name, options, out header);
    }

    /// <summary>Reads a matrix from <paramref name="reader"/>; <paramref name="name"/> is used in error messages.</summary>
    public static Matrix Read(TextReader reader, string name, out IReadOnlyList<string>? header) =>
        Read(reader, name, TextMatrixReadOptions.Default, out header);

    /// <summary>Reads a matrix from <paramref name="reader"/> as <paramref name="options"/> say; <paramref name="name"/> is used in error messages.</summary>
    public static Matrix Read(TextReader reader, string name, TextMatrixReadOptions options, out IReadOnlyList<string>? header)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parser = new TextMatrixParser(name, options);
        string? line;
        while ((line = reader.ReadLine()) is not null) parser.AddLine(line);
        return parser.Finish(out header);
    }

    /// <summary>Writes <paramref name="matrix"/> atomically, comma-separated for <c>.csv</c> and space-separated otherwise, with round-trip precision.</summary>
    public static void Write(string path, Matrix matrix, IReadOnlyList<string>? header = null)
    {
        char sep = Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ',' : ' ';
        AtomicFile.WriteText(path, w => Write(w, matrix, sep, header));
    }

    /// <summary>Writes <paramref name="matrix"/> to <paramref name="writer"/> with the given separator.</summary>
    public static void Write(TextWriter writer, Matrix matrix, char separator, IReadOnlyList<string>? header = null)
    {
        if (header is not null)
        {
            if (header.Count != matrix.Columns)
                throw new DimensionMismatchException($"Header has {header.Count} names for {matrix.Columns} columns.", nameof(header));
            writer.WriteLine(string.Join(separator, header));
        }
        Span<char> buffer = stackalloc char[32];
        for (int i = 0; i < matrix.Rows; i++)
        {
            var row = matrix.RowSpan(i);
            for (int j = 0; j < row.Length; j++)
            {
                if (j > 0) writer.Write(separator);
                row[j].TryFormat(buffer, out int n, "R", CultureInfo.InvariantCulture);
                writer.Write(buffer[..n]);
            }
            writer.WriteLine();
        }
    }
}
