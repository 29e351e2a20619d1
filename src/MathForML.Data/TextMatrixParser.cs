using System.Globalization;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Data;

/// <summary>
/// The rules of <see cref="TextMatrixFile"/> applied one line at a time: comments, blank lines, the header, the index
/// column, quoted cells, missing values, the row length and every error with its line and column. Both readers feed it:
/// the <see cref="TextReader"/> one line by line (<see cref="AddLine"/>), and <see cref="TextMatrixBytes"/>, which
/// parses plain numeric rows from their UTF-8 bytes itself (<see cref="AddParsedRow"/>) and hands every other line here.
/// </summary>
internal sealed class TextMatrixParser(string name, TextMatrixReadOptions options)
{
    /// <summary>The markers pandas' <c>read_csv</c> takes for NaN, besides the empty cell.</summary>
    private static readonly string[] MissingMarkers = ["NA", "N/A", "n/a", "NaN", "nan", "-NaN", "-nan", "NULL", "null", "None", "<NA>", "#N/A", "#NA", "-1.#IND", "1.#QNAN"];

    private readonly List<(int Start, int Length)> _cells = [];
    private readonly int _index = options.IndexColumn ?? -1;
    private double[] _values = [];
    private int _count;
    private int _rows;
    private int _dropped;
    private bool _headerPossible = options.Header != false;
    private IReadOnlyList<string>? _header;

    /// <summary>The number of the line last given (1-based), as <see cref="TextReader.ReadLine"/> counts lines.</summary>
    public int LineNumber { get; set; }

    /// <summary>The cells a data row has (the index column included), once the first row or the header has set it; else -1.</summary>
    public int Columns { get; private set; } = -1;

    /// <summary>The 0-based index column, or -1.</summary>
    public int IndexColumn => _index;

    /// <summary>True once the first line that is not blank or a comment has been seen (so no later line can be a header).</summary>
    public bool HeaderDecided => !_headerPossible;

    /// <summary>Sets the capacity for about <paramref name="values"/> values (a hint; the store grows as needed).</summary>
    public void Reserve(long values)
    {
        if (values <= _values.Length || values > Array.MaxLength) return;
        var grown = LargeArray.Uninitialized<double>((int)values);
        _values.AsSpan(0, _count).CopyTo(grown);
        _values = grown;
    }

    /// <summary>Reads the next line (without its line break).</summary>
    public void AddLine(ReadOnlySpan<char> line)
    {
        LineNumber++;
        AddCurrentLine(line);
    }

    /// <summary>
    /// Adds a row whose <paramref name="values"/> (the index column left out) another reader has already parsed and
    /// checked: the line is <see cref="LineNumber"/>, the header is decided and the row has <see cref="Columns"/> cells.
    /// </summary>
    public void AddParsedRow(ReadOnlySpan<double> values)
    {
        EnsureRoom(values.Length);
        values.CopyTo(_values.AsSpan(_count));
        _count += values.Length;
        _rows++;
    }

    /// <summary>Reads the line numbered <see cref="LineNumber"/> (already counted).</summary>
    public void AddCurrentLine(ReadOnlySpan<char> line)
    {
        int lineNumber = LineNumber;
        var text = line;
        int nul = text.IndexOf('\0');
        if (nul >= 0) throw new DataFileException(name, "binary data (a NUL byte) where text was expected", lineNumber, nul + 1);
        int hash = text.IndexOf('#');
        if (hash >= 0) text = text[..hash];
        if (text.IsWhiteSpace()) return;

        var cells = _cells;
        int index = _index;
        if (SplitCells(text, cells) is int bad)
            throw new DataFileException(name, "a quoted cell must end with a quote before the next comma or the end of the line", lineNumber, bad + 1);
        if (index >= cells.Count)
            throw new DataFileException(name, $"row has {cells.Count} values, no index column {index} (0-based)", lineNumber, 1);
        if (_headerPossible)
        {
            _headerPossible = false;
            if (options.Header == true || AllNonNumeric(text, cells, index))
            {
                var names = new List<string>(cells.Count);
                for (int c = 0; c < cells.Count; c++)
                    if (c != index) names.Add(text.Slice(cells[c].Start, cells[c].Length).ToString().Replace("\"\"", "\"", StringComparison.Ordinal));
                _header = names;
                Columns = cells.Count;
                return;
            }
        }
        if (Columns < 0) Columns = cells.Count;
        else if (cells.Count != Columns)
            throw new DataFileException(name, $"row has {cells.Count} values, expected {Columns} like the {(_header is null ? "first row" : "header")}", lineNumber, 1);
        EnsureRoom(cells.Count);
        int before = _count;
        for (int c = 0; c < cells.Count; c++)
        {
            if (c == index) continue;
            var (start, length) = cells[c];
            var cell = text.Slice(start, length);
            if (IsMissing(cell))
            {
                if (options.Missing == MissingValues.DropRow)
                {
                    _count = before;
                    _dropped++;
                    return;
                }
                string what = cell.IsEmpty ? "empty cell" : $"'{Clip(cell)}' is not a finite number";
                throw new DataFileException(name, $"{what}: a missing value (rows with one can be dropped: MissingValues.DropRow, mml --missing drop)", lineNumber, start + 1);
            }
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                throw new DataFileException(name, $"'{Clip(cell)}' is not a number", lineNumber, start + 1);
            if (!double.IsFinite(x))
                throw new DataFileException(name, $"'{Clip(cell)}' is not a finite number (infinities are not allowed)", lineNumber, start + 1);
            _values[_count++] = x;
        }
        _rows++;
    }

    /// <summary>The matrix read, or the error for a file with no rows.</summary>
    public Matrix Finish(out IReadOnlyList<string>? header)
    {
        header = _header;
        if (_rows == 0)
            throw new DataFileException(name,
                LineNumber == 0 ? "the file is empty"
                : _dropped > 0 ? $"every row ({_dropped}) has a missing value, none is left"
                : "the file holds no numbers");
        var data = _values.Length == _count ? _values : LargeArray.CopyOf<double>(_values.AsSpan(0, _count));
        return Matrix.Wrap(_rows, _index >= 0 ? Columns - 1 : Columns, data);
    }

    private void EnsureRoom(int more)
    {
        if (_count + more <= _values.Length) return;
        long wanted = Math.Max((long)_count + more, Math.Max(1024, 2L * _values.Length));
        long needed = (long)_count + more;
        if (needed > Array.MaxLength)
            throw new DataFileException(name, $"more than {Array.MaxLength:N0} values by line {LineNumber}, more than one matrix can hold", LineNumber, 1);
        MemoryLimit.EnsureFits(needed, sizeof(double), name, $"the {needed:N0} values read by line {LineNumber}");
        var grown = LargeArray.Uninitialized<double>((int)Math.Min(Math.Min(wanted, Array.MaxLength), Math.Max(needed, MemoryLimit.MaxArrayBytes / sizeof(double))));
        _values.AsSpan(0, _count).CopyTo(grown);
        _values = grown;
    }

    /// <summary>
    /// Splits a line into cells (for a quoted CSV cell, the text between its quotes); null, or the 0-based column where
    /// a quoted cell is malformed.
    /// </summary>
    internal static int? SplitCells(ReadOnlySpan<char> text, List<(int, int)> cells)
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
