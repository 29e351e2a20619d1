using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// The rules <see cref="ArrowFile"/> and <see cref="ParquetFile"/> share: the names a written matrix's columns get, the
/// size a read table may have, and the messages for a value that is missing or a column that is not numeric. Rows are
/// numbered from 0 in messages, as pandas and Arrow number them.
/// </summary>
internal static class TableColumns
{
    /// <summary>The element types a numeric column may have, for messages.</summary>
    public const string NumericTypes = "double, float, int8, int16, int32, int64, uint8, uint16, uint32 or uint64";

    /// <summary>The column names to write: <paramref name="names"/> (one per column, non-empty, distinct) or c0, c1, ….</summary>
    /// <exception cref="ArgumentException">A name is empty or repeated, or the count differs from the matrix's columns.</exception>
    public static IReadOnlyList<string> NamesFor(Matrix matrix, IReadOnlyList<string>? names)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (names is null) return Enumerable.Range(0, matrix.Columns).Select(c => $"c{c}").ToArray();
        if (names.Count != matrix.Columns)
            throw new ArgumentException($"{names.Count} column names given for a matrix of {matrix.Columns} columns.", nameof(names));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
            if (string.IsNullOrEmpty(name) || !seen.Add(name))
                throw new ArgumentException($"Column name '{name}' must be non-empty and appear once.", nameof(names));
        return names;
    }

    /// <summary>The N×C matrix for a table of <paramref name="rows"/> rows, after checking it fits in an array and in memory.</summary>
    public static Matrix Allocate(long rows, int columns, string path)
    {
        if (rows < 0) throw new DataFileException(path, $"the file declares {rows} rows");
        if (rows * columns > Array.MaxLength || rows > int.MaxValue)
            throw new DataFileException(path, $"a table of {rows} rows × {columns} columns has more values than one matrix may hold ({Array.MaxLength})");
        MemoryLimit.EnsureFits(rows * columns, sizeof(double), path, $"a table of {rows} rows × {columns} columns");
        return new Matrix((int)rows, columns);
    }

    /// <summary>The exception for a null (missing) value.</summary>
    public static DataFileException Null(string path, string column, long row) =>
        new(path, $"column '{column}', row {row}: null (missing)");

    /// <summary>The exception for a NaN, which the library does not take as a value.</summary>
    public static DataFileException NaN(string path, string column, long row) =>
        new(path, $"column '{column}', row {row}: NaN (a missing value)");

    /// <summary>The exception for a column whose type is not numeric.</summary>
    public static DataFileException NotNumeric(string path, string column, string type) =>
        new(path, $"column '{column}' is of type {type}, not a number (expected {NumericTypes})");
}
