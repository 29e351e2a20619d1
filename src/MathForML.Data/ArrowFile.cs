using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// Reads and writes matrices as Apache Arrow IPC files (<c>.arrow</c>; Feather version 2, <c>.feather</c>, is the same
/// format): the "ARROW1" magic, a schema, record batches of columns and a footer (Arrow columnar format specification,
/// "IPC File Format", https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format), through Apache.Arrow.
/// Reading takes every column of every record batch into an N×C row-major matrix (row i of the table is row i); each
/// column must hold double, float, int8…int64 or uint8…uint64 values (converted to double: int64 beyond 2⁵³ rounds).
/// A null or a NaN, a column of another type, and a file that is not a readable Arrow IPC file (truncated, corrupt,
/// Feather version 1, compressed buffers) are each a <see cref="DataFileException"/> naming the file, and the column
/// and 0-based row where there is one. Writing stores non-nullable float64 columns, named c0, c1, … unless named.
/// </summary>
public static class ArrowFile
{
    /// <summary>Rows per written record batch: big enough to be efficient, small enough to stream.</summary>
    private const int BatchRows = 1 << 16;

    /// <summary>Reads the numeric table in <paramref name="path"/> as a matrix.</summary>
    public static Matrix ReadMatrix(string path) => ReadTable(path).Values;

    /// <summary>Reads the numeric table in <paramref name="path"/>: its column names and values.</summary>
    public static NumericTable ReadTable(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return ReadTable(stream, path);
    }

    /// <summary>Reads the numeric table in the seekable <paramref name="stream"/>; <paramref name="path"/> names it in error messages.</summary>
    internal static NumericTable ReadTable(Stream stream, string path)
    {
        Span<byte> magic = stackalloc byte[4];
        int n = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (n == 4 && magic.SequenceEqual("FEA1"u8))
            throw new DataFileException(path, "Feather version 1 is not supported: save it as Feather version 2 (an Arrow IPC file)");
        var batches = new List<RecordBatch>();
        try
        {
            ArrowIpcFraming.Check(stream, path);
            stream.Position = 0;
            using var reader = new ArrowFileReader(stream, leaveOpen: true);
            while (reader.ReadNextRecordBatch() is { } batch) batches.Add(batch);
            var schema = reader.Schema;
            var names = schema.FieldsList.Select(f => f.Name).ToArray();
            foreach (var field in schema.FieldsList)
                if (!IsNumeric(field.DataType.TypeId)) throw TableColumns.NotNumeric(path, field.Name, field.DataType.Name);
            foreach (var batch in batches) CheckLengths(batch, schema, path);
            var matrix = TableColumns.Allocate(batches.Sum(b => (long)b.Length), names.Length, path);
            long row0 = 0;
            foreach (var batch in batches)
            {
                for (int c = 0; c < names.Length; c++)
                    Fill(batch.Column(c), batch.Length, matrix.AsSpan(), names.Length, c, row0, names[c], path);
                row0 += batch.Length;
            }
            return new NumericTable(names, matrix);
        }
        catch (Exception e) when (e is not (DataFileException or OperationCanceledException or OutOfMemoryException))
        {
            throw new DataFileException(path, $"not a readable Arrow IPC file: {e.Message}");
        }
        finally
        {
            foreach (var batch in batches) batch.Dispose();
        }
    }

    /// <summary>
    /// Writes <paramref name="matrix"/> to <paramref name="path"/> atomically as an Arrow IPC file of non-nullable
    /// float64 columns named <paramref name="columnNames"/> (default c0, c1, …).
    /// </summary>
    /// <exception cref="ArgumentException">The names are not one distinct, non-empty name per column.</exception>
    public static void Write(string path, Matrix matrix, IReadOnlyList<string>? columnNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var names = TableColumns.NamesFor(matrix, columnNames);
        AtomicFile.Write(path, stream => Write(stream, matrix, names));
    }

    private static void Write(Stream stream, Matrix matrix, IReadOnlyList<string> names)
    {
        var builder = new Schema.Builder();
        foreach (var name in names) builder.Field(f => f.Name(name).DataType(DoubleType.Default).Nullable(false));
        var schema = builder.Build();
        using var writer = new ArrowFileWriter(stream, schema, leaveOpen: true);
        for (int start = 0; start < matrix.Rows || start == 0; start += BatchRows)
        {
            int rows = Math.Min(BatchRows, matrix.Rows - start);
            var columns = new IArrowArray[matrix.Columns];
            for (int c = 0; c < columns.Length; c++)
            {
                var column = new DoubleArray.Builder().Reserve(rows);
                for (int r = 0; r < rows; r++) column.Append(matrix[start + r, c]);
                columns[c] = column.Build();
            }
            using var batch = new RecordBatch(schema, columns, rows);
            writer.WriteRecordBatch(batch);
            if (matrix.Rows == 0) break;
        }
        writer.WriteEnd();
    }

    /// <summary>
    /// Checks, before the matrix is allocated for the rows a record batch declares, that each of its columns holds that
    /// many values in its data buffer.
    /// </summary>
    private static void CheckLengths(RecordBatch batch, Schema schema, string path)
    {
        if (batch.ColumnCount != schema.FieldsList.Count)
            throw new DataFileException(path, $"a record batch holds {batch.ColumnCount} columns, the schema {schema.FieldsList.Count}");
        for (int c = 0; c < batch.ColumnCount; c++)
        {
            var field = schema.FieldsList[c];
            var data = batch.Column(c).Data;
            long bytes = data.Buffers.Length > 1 ? data.Buffers[1].Length : 0;
            long needed = ((long)data.Offset + batch.Length) * (((FixedWidthType)field.DataType).BitWidth / 8);
            if (data.Length != batch.Length || bytes < needed)
                throw new DataFileException(path, $"column '{field.Name}' holds {data.Length} values ({bytes} bytes) in a record batch of {batch.Length} rows");
        }
    }

    private static bool IsNumeric(ArrowTypeId type) => type is ArrowTypeId.Double or ArrowTypeId.Float
        or ArrowTypeId.Int8 or ArrowTypeId.Int16 or ArrowTypeId.Int32 or ArrowTypeId.Int64
        or ArrowTypeId.UInt8 or ArrowTypeId.UInt16 or ArrowTypeId.UInt32 or ArrowTypeId.UInt64;

    private static void Fill(IArrowArray column, int length, Span<double> data, int columns, int c, long row0, string name, string path)
    {
        if (column.Length != length)
            throw new DataFileException(path, $"column '{name}' holds {column.Length} values in a record batch of {length} rows");
        switch (column)
        {
            case DoubleArray a: Fill(a, data, columns, c, row0, name, path); break;
            case FloatArray a: Fill(a, data, columns, c, row0, name, path); break;
            case Int8Array a: Fill(a, data, columns, c, row0, name, path); break;
            case Int16Array a: Fill(a, data, columns, c, row0, name, path); break;
            case Int32Array a: Fill(a, data, columns, c, row0, name, path); break;
            case Int64Array a: Fill(a, data, columns, c, row0, name, path); break;
            case UInt8Array a: Fill(a, data, columns, c, row0, name, path); break;
            case UInt16Array a: Fill(a, data, columns, c, row0, name, path); break;
            case UInt32Array a: Fill(a, data, columns, c, row0, name, path); break;
            case UInt64Array a: Fill(a, data, columns, c, row0, name, path); break;
            default: throw TableColumns.NotNumeric(path, name, column.Data.DataType.Name);
        }
    }

    /// <summary>Copies one column of a record batch into column <paramref name="c"/> of the row-major <paramref name="data"/>, from row <paramref name="row0"/>.</summary>
    private static void Fill<T>(PrimitiveArray<T> column, Span<double> data, int columns, int c, long row0, string name, string path)
        where T : struct, IEquatable<T>, INumberBase<T>
    {
        var values = column.Values;
        if (values.Length < column.Length)
            throw new DataFileException(path, $"column '{name}' holds {values.Length} of its {column.Length} values");
        bool nulls = column.NullCount != 0;
        for (int i = 0; i < column.Length; i++)
        {
            if (nulls && column.IsNull(i)) throw TableColumns.Null(path, name, row0 + i);
            double v = double.CreateTruncating(values[i]);
            if (double.IsNaN(v)) throw TableColumns.NaN(path, name, row0 + i);
            data[(int)((row0 + i) * columns + c)] = v;
        }
    }
}
