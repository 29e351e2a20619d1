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
    /// <summary>The markers pandas' <c>read_csv</c> takes for NaN, besides the empty cell.</summary>
    private static readonly string[] MissingMarkers = ["NA", "N/A", "n/a", "NaN", "nan", "-NaN", "-nan", "NULL", "null", "None", "<NA>", "#N/A", "#NA", "-1.#IND", "1.#QNAN"];

    /// <summary>Reads the matrix in <paramref name="path"/>.</summary>
    public static Matrix Read(string path) => Read(path, out _);

    /// <summary>Reads the matrix in <paramref name="path"/>, returning the header's column names if it has one.</summary>
    public static Matrix Read(string path, out IReadOnlyList<string>? header) => Read(path, TextMatrixReadOptions.Default, out header);

    /// <summary>Reads the matrix in <paramref name="path"/> as <paramref name="options"/> say, returning the header's column names if it has one.</summary>
    public static Matrix Read(string path, TextMatrixReadOptions options, out IReadOnlyList<string>? header)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return Read(reader, path, options, out header);
    }

    /// <summary>Reads a matrix from <paramref name="reader"/>; <paramref name="name"/> is used in error messages.</summary>
    public static Matrix Read(TextReader reader, string name, out IReadOnlyList<string>? header) =>
        Read(reader, name, TextMatrixReadOptions.Default, out header);

    /// <summary>Reads a matrix from <paramref name="reader"/> as <paramref name="options"/> say; <paramref name="name"/> is used in error messages.</summary>
    public static Matrix Read(TextReader reader, string name, TextMatrixReadOptions options, out IReadOnlyList<string>? header)
    {
        ArgumentNullException.ThrowIfNull(options);
        header = null;
        var values = new List<double>();
        int columns = -1, rows = 0, lineNumber = 0, dropped = 0;
        int index = options.IndexColumn ?? -1;
        bool headerPossible = options.Header != false;
        var cells = new List<(int Start, int Length)>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var text = line.AsSpan();
            int nul = text.IndexOf('\0');
            if (nul >= 0) throw new DataFileException(name, "binary data (a NUL byte) where text was expected", lineNumber, nul + 1);
            int hash = text.IndexOf('#');
            if (hash >= 0) text = text[..hash];
            if (text.IsWhiteSpace()) continue;

            if (SplitCells(text, cells) is int bad)
                throw new DataFileException(name, "a quoted cell must end with a quote before the next comma or the end of the line", lineNumber, bad + 1);
            if (index >= cells.Count)
                throw new DataFileException(name, $"row has {cells.Count} values, no index column {index} (0-based)", lineNumber, 1);
            if (headerPossible)
            {
                headerPossible = false;
                if (options.Header == true || AllNonNumeric(text, cells, index))
                {
                    var names = new List<string>(cells.Count);
                    for (int c = 0; c < cells.Count; c++)
                        if (c != index) names.Add(text.Slice(cells[c].Start, cells[c].Length).ToString().Replace("\"\"", "\"", StringComparison.Ordinal));
                    header = names;
                    columns = cells.Count;
                    continue;
                }
            }
            if (columns < 0) columns = cells.Count;
            else if (cells.Count != columns)
                throw new DataFileException(name, $"row has {cells.Count} values, expected {columns} like the {(header is null ? "first row" : "header")}", lineNumber, 1);
            int before = values.Count;
            bool missing = false;
            for (int c = 0; c < cells.Count && !missing; c++)
            {
                if (c == index) continue;
                var (start, length) = cells[c];
                var cell = text.Slice(start, length);
                if (IsMissing(cell))
                {
                    if (options.Missing == MissingValues.DropRow) { missing = true; continue; }
                    string what = cell.IsEmpty ? "empty cell" : $"'{Clip(cell)}' is not a finite number";
                    throw new DataFileException(name, $"{what}: a missing value (rows with one can be dropped: MissingValues.DropRow, mml --missing drop)", lineNumber, start + 1);
                }
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                    throw new DataFileException(name, $"'{Clip(cell)}' is not a number", lineNumber, start + 1);
                if (!double.IsFinite(x))
                    throw new DataFileException(name, $"'{Clip(cell)}' is not a finite number (infinities are not allowed)", lineNumber, start + 1);
                values.Add(x);
            }
            if (missing)
            {
                values.RemoveRange(before, values.Count - before);
                dropped++;
                continue;
            }
            rows++;
        }
        if (rows == 0)
            throw new DataFileException(name,
                lineNumber == 0 ? "the file is empty"
                : dropped > 0 ? $"every row ({dropped}) has a missing value, none is left"
                : "the file holds no numbers");
        return Matrix.Wrap(rows, index >= 0 ? columns - 1 : columns, values.ToArray());
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

    /// <summary>
    /// Splits a line into cells (for a quoted CSV cell, the text between its quotes); null, or the 0-based column where
    /// a quoted cell is malformed.
    /// </summary>
    private static int? SplitCells(ReadOnlySpan<char> text, List<(int, int)> cells)
    {
        cells.Clear();
        if (text.Contains(','))
        {
            int start = 0;
            while (true)
            {
                int first = start;
                while (first < text.Length && char.IsWhiteSpace(text[first])) first++;
                if (first < text.Length && text[first] == '"')
                {
                    int close = ClosingQuote(text, first + 1);
                    if (close < 0) return first;
                    int after = close + 1;
                    while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
                    if (after < text.Length && text[after] != ',') return after;
                    cells.Add((first + 1, close - first - 1));
                    if (after >= text.Length) break;
                    start = after + 1;
                    continue;
                }
                int comma = text[start..].IndexOf(',');
                int end = comma < 0 ? text.Length : start + comma;
                var (s, l) = Trim(text, start, end);
                cells.Add(l == 0 ? (start, 0) : (s, l));
                if (comma < 0) break;
                start = end + 1;
            }
            return null;
        }
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int s = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            cells.Add((s, i - s));
        }
        return null;
    }

    /// <summary>The index of the quote that closes a quoted cell whose text starts at <paramref name="from"/> (a doubled quote is a quote), or -1.</summary>
    private static int ClosingQuote(ReadOnlySpan<char> text, int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] != '"') continue;
            if (i + 1 < text.Length && text[i + 1] == '"') i++;
            else return i;
        }
        return -1;
    }

    private static (int Start, int Length) Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end - start);
    }

    /// <summary>True when every cell but the index column's is a name: quoted, or starting with a letter or '_' (empty cells count as names; all of them empty do not).</summary>
    private static bool AllNonNumeric(ReadOnlySpan<char> text, List<(int Start, int Length)> cells, int index)
    {
        bool named = false;
        for (int c = 0; c < cells.Count; c++)
        {
            if (c == index) continue;
            var cell = text.Slice(cells[c].Start, cells[c].Length);
            if (cell.IsEmpty) continue;
            if (IsMissing(cell) || double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return false;
            bool quoted = cells[c].Start > 0 && text[cells[c].Start - 1] == '"';
            if (!quoted && !char.IsLetter(cell[0]) && cell[0] != '_') return false;
            named = true;
        }
        return named;
    }

    private static bool IsMissing(ReadOnlySpan<char> cell)
    {
        if (cell.IsEmpty) return true;
        foreach (var marker in MissingMarkers)
            if (cell.SequenceEqual(marker)) return true;
        return false;
    }

    private static string Clip(ReadOnlySpan<char> cell) => cell.Length <= 24 ? cell.ToString() : string.Concat(cell[..24], "…");
}
