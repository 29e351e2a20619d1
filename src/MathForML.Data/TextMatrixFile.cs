using System.Globalization;
using System.Text;
using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// Matrices as text: one row a line, numbers separated by commas (CSV) or by spaces/tabs; <c>#</c> starts a
/// comment that runs to the end of the line; blank lines are skipped. A first row made only of non-numeric cells
/// is taken as a header of column names. Every other problem is an error that names file, line and column:
/// a cell that is not a number, an empty cell, NaN or ±∞, a row whose length differs from the first, binary data,
/// or a file with no numbers at all.
/// </summary>
public static class TextMatrixFile
{
    /// <summary>Reads the matrix in <paramref name="path"/>.</summary>
    public static Matrix Read(string path) => Read(path, out _);

    /// <summary>Reads the matrix in <paramref name="path"/>, returning the header's column names if it has one.</summary>
    public static Matrix Read(string path, out IReadOnlyList<string>? header)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return Read(reader, path, out header);
    }

    /// <summary>Reads a matrix from <paramref name="reader"/>; <paramref name="name"/> is used in error messages.</summary>
    public static Matrix Read(TextReader reader, string name, out IReadOnlyList<string>? header)
    {
        header = null;
        var values = new List<double>();
        int columns = -1, rows = 0, lineNumber = 0;
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

            SplitCells(text, cells, name, lineNumber);
            if (rows == 0 && header is null && columns < 0 && AllNonNumeric(text, cells))
            {
                var names = new string[cells.Count];
                for (int c = 0; c < names.Length; c++) names[c] = text.Slice(cells[c].Start, cells[c].Length).ToString();
                header = names;
                columns = cells.Count;
                continue;
            }
            if (columns < 0) columns = cells.Count;
            else if (cells.Count != columns)
                throw new DataFileException(name, $"row has {cells.Count} values, expected {columns} like the {(header is null ? "first row" : "header")}", lineNumber, 1);
            foreach (var (start, length) in cells)
            {
                var cell = text.Slice(start, length);
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                    throw new DataFileException(name, $"'{Clip(cell)}' is not a number", lineNumber, start + 1);
                if (!double.IsFinite(x))
                    throw new DataFileException(name, $"'{Clip(cell)}' is not a finite number (NaN and infinities are not allowed)", lineNumber, start + 1);
                values.Add(x);
            }
            rows++;
        }
        if (rows == 0)
            throw new DataFileException(name, lineNumber == 0 ? "the file is empty" : "the file holds no numbers");
        return Matrix.Wrap(rows, columns, values.ToArray());
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

    private static void SplitCells(ReadOnlySpan<char> text, List<(int, int)> cells, string name, int lineNumber)
    {
        cells.Clear();
        if (text.Contains(','))
        {
            int start = 0;
            while (true)
            {
                int comma = text[start..].IndexOf(',');
                int end = comma < 0 ? text.Length : start + comma;
                var (s, l) = Trim(text, start, end);
                if (l == 0) throw new DataFileException(name, "empty cell", lineNumber, start + 1);
                cells.Add((s, l));
                if (comma < 0) break;
                start = end + 1;
            }
            return;
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
    }

    private static (int Start, int Length) Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end - start);
    }

    private static bool AllNonNumeric(ReadOnlySpan<char> text, List<(int Start, int Length)> cells)
    {
        foreach (var (s, l) in cells)
        {
            var cell = text.Slice(s, l);
            if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return false;
            if (!char.IsLetter(cell[0]) && cell[0] != '_' && cell[0] != '"') return false;
        }
        return true;
    }

    private static string Clip(ReadOnlySpan<char> cell) => cell.Length <= 24 ? cell.ToString() : string.Concat(cell[..24], "…");
}
