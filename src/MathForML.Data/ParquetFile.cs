using System.Numerics;
using MathForML.Data.ParquetMetadata;
using MathForML.LinearAlgebra;
using Parquet;
using Parquet.Schema;

namespace MathForML.Data;

/// <summary>
/// Reads and writes matrices as Apache Parquet files (<c>.parquet</c>): the "PAR1" magic, row groups of column chunks
/// and a Thrift footer (Apache Parquet format specification, https://parquet.apache.org/docs/file-format/), through
/// Parquet.Net. Reading takes every column of every row group into an N×C row-major matrix; each column must be a
/// flat (not repeated, not nested) column of double, float, int8…int64 or uint8…uint64 values (converted to double:
/// int64 beyond 2⁵³ rounds). The row counts of the footer and the row groups must agree, and N×C×8 bytes must fit the
/// memory limit before anything is allocated. A null or a NaN, a column of another type, and a file that is not a
/// readable Parquet file (truncated, corrupt) are each a <see cref="DataFileException"/> naming the file, and the column
/// and 0-based row where there is one. Writing stores required float64 columns (Snappy-compressed, up to 2²⁰ rows a row
/// group), named c0, c1, … unless named.
/// </summary>
public static class ParquetFile
{
    /// <summary>Rows per written row group.</summary>
    private const int GroupRows = 1 << 20;

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
    /// <remarks>
    /// Parquet.Net is asynchronous only, and for an uncompressed page it reads through <c>Stream.ReadAsync</c>'s default,
    /// a task on the thread pool, which this waits for: called from a pool thread while every other pool thread is busy,
    /// the read waits until the pool adds a thread (about every half second).
    /// </remarks>
    internal static NumericTable ReadTable(Stream stream, string path)
    {
        try
        {
            return ReadTableAsync(stream, path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (DataFileException or OperationCanceledException or OutOfMemoryException))
        {
            throw new DataFileException(path, $"not a readable Parquet file: {e.Message}");
        }
    }

    /// <summary>
    /// Writes <paramref name="matrix"/> to <paramref name="path"/> atomically as a Parquet file of required float64
    /// columns named <paramref name="columnNames"/> (default c0, c1, …).
    /// </summary>
    /// <exception cref="ArgumentException">The names are not one distinct, non-empty name per column.</exception>
    public static void Write(string path, Matrix matrix, IReadOnlyList<string>? columnNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var names = TableColumns.NamesFor(matrix, columnNames);
        AtomicFile.Write(path, stream => WriteAsync(stream, matrix, names).GetAwaiter().GetResult());
    }

    private static async Task<NumericTable> ReadTableAsync(Stream stream, string path)
    {
        long dataEnd = CheckFraming(stream, path);
        var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
            return await ReadTableAsync(reader, stream, dataEnd, path).ConfigureAwait(false);
    }

    private static async Task<NumericTable> ReadTableAsync(ParquetReader reader, Stream stream, long dataEnd, string path)
    {
        var fields = new DataField[reader.Schema.Fields.Count];
        for (int c = 0; c < fields.Length; c++)
            fields[c] = NumericField(reader.Schema.Fields[c], path);
        long rows = 0;
        foreach (var group in reader.RowGroups)
        {
            if (group.RowCount < 0 || group.RowCount > int.MaxValue)
                throw new DataFileException(path, $"a row group declares {group.RowCount} rows");
            foreach (var field in fields)
                CheckChunk(stream, group, field, dataEnd, path);
            rows += group.RowCount;
        }
        if (reader.Metadata is { } metadata && metadata.NumRows != rows)
            throw new DataFileException(path, $"the footer declares {metadata.NumRows} rows, the row groups {rows}");
        var matrix = TableColumns.Allocate(rows, fields.Length, path);
        long row0 = 0;
        foreach (var group in reader.RowGroups)
        {
            int n = (int)group.RowCount;
            for (int c = 0; c < fields.Length; c++)
                await ReadColumnAsync(group, fields[c], n, new Destination(matrix, c, row0, path)).ConfigureAwait(false);
            row0 += n;
        }
        return new NumericTable(fields.Select(f => f.Name).ToArray(), matrix);
    }

    /// <summary>
    /// Checks the file's frame before Parquet.Net reads it: "PAR1", the data, the footer, its int32 length and "PAR1",
    /// and that the footer is a complete Thrift struct (<see cref="ParquetMetadataCheck"/>, as Parquet.Net decodes it): a footer that runs past its
    /// end would make the reader wait for bytes that never come.
    /// </summary>
    /// <returns>Where the footer starts: the column chunks lie before it.</returns>
    private static long CheckFraming(Stream stream, string path)
    {
        long length = stream.Length;
        Span<byte> bytes = stackalloc byte[8];
        if (length < 12) throw new DataFileException(path, $"not a readable Parquet file: it has {length} bytes, fewer than a Parquet file's 12");
        stream.Position = 0;
        stream.ReadExactly(bytes[..4]);
        bool head = bytes[..4].SequenceEqual("PAR1"u8);
        stream.Position = length - 8;
        stream.ReadExactly(bytes);
        if (!head || !bytes[4..].SequenceEqual("PAR1"u8))
            throw new DataFileException(path, "not a readable Parquet file: it does not start and end with the PAR1 magic");
        int footer = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (footer <= 0 || footer > length - 12)
            throw new DataFileException(path, $"not a readable Parquet file: the footer declares {footer} bytes in a file of {length}");
        var metadata = new byte[footer];
        stream.Position = length - 8 - footer;
        stream.ReadExactly(metadata);
        if (!ParquetMetadataCheck.IsFileMetaData(metadata))
            throw new DataFileException(path, "not a readable Parquet file: the footer is not a well-formed Thrift structure");
        stream.Position = 0;
        return length - 8 - footer;
    }

    /// <summary>
    /// Checks a column chunk's metadata before Parquet.Net allocates for it: it holds one value a row, its bytes lie
    /// between the leading magic and the footer, and it decodes to no more than a flat numeric column can (64 bytes a
    /// row, for values, levels and page headers, and 64 KB).
    /// </summary>
    private static void CheckChunk(Stream stream, ParquetRowGroupReader group, DataField field, long dataEnd, string path)
    {
        var meta = group.GetMetadata(field)?.MetaData
            ?? throw new DataFileException(path, $"column '{field.Name}' has no metadata in a row group");
        if (meta.NumValues != group.RowCount)
            throw new DataFileException(path, $"column '{field.Name}' holds {meta.NumValues} values in a row group of {group.RowCount} rows");
        long start = meta.DictionaryPageOffset is long d && d > 0 ? Math.Min(d, meta.DataPageOffset) : meta.DataPageOffset;
        if (start < 4 || meta.TotalCompressedSize < 0 || meta.TotalCompressedSize > dataEnd - start)
            throw new DataFileException(path, $"not a readable Parquet file: column '{field.Name}' declares {meta.TotalCompressedSize} bytes at byte {start}, past the data");
        long decoded = 64 * group.RowCount + (1 << 16);
        if (meta.TotalUncompressedSize < 0 || meta.TotalUncompressedSize > decoded)
            throw new DataFileException(path, $"not a readable Parquet file: column '{field.Name}' declares {meta.TotalUncompressedSize} decoded bytes for {group.RowCount} rows");
        CheckPages(stream, start, meta.TotalCompressedSize, decoded, MaxExpansion(meta.Codec), meta.Codec == Parquet.Meta.CompressionCodec.SNAPPY, field.Name, path);
    }

    /// <summary>
    /// How many times its compressed size a page of the codec can decode to, at most: 1 uncompressed; 22 for Snappy (a
    /// 3-byte copy makes at most 64 bytes: Snappy format description); 1,032 for gzip (deflate's limit, RFC 1951); 255 for
    /// LZ4 (a 255-byte length run: LZ4 block format); for Brotli and Zstandard, whose frames can describe far more, only
    /// the row limit holds. A page header declares the decoded size and Parquet.Net allocates it before it decompresses.
    /// </summary>
    private static long MaxExpansion(Parquet.Meta.CompressionCodec codec) => codec switch
    {
        Parquet.Meta.CompressionCodec.UNCOMPRESSED => 1,
        Parquet.Meta.CompressionCodec.SNAPPY => 22,
        Parquet.Meta.CompressionCodec.GZIP => 1032,
        Parquet.Meta.CompressionCodec.LZ4 or Parquet.Meta.CompressionCodec.LZ4_RAW => 255,
        _ => long.MaxValue / 2,
    };

    /// <summary>
    /// Walks the pages of a column chunk (each a Thrift <c>PageHeader</c>, then the page) and checks each page's sizes
    /// against the chunk, the decoded limit and what its compressed bytes can decode to (<paramref name="expansion"/>
    /// times, and 64 bytes); for Snappy, also the decoded length the compressed stream itself declares, which the
    /// decompressor allocates (Snappy format description: a varint preamble).
    /// </summary>
    private static void CheckPages(Stream stream, long start, long size, long decoded, long expansion, bool snappy, string column, string path)
    {
        var buffer = new byte[(int)Math.Min(size, 1 << 16)];
        Span<long> page = stackalloc long[PageHeaderSlots.Count];
        for (long at = start, end = start + size; at < end;)
        {
            int n = (int)Math.Min(buffer.Length, end - at);
            stream.Position = at;
            stream.ReadExactly(buffer, 0, n);
            bool ok = ParquetMetadataCheck.TryReadPageHeader(buffer.AsSpan(0, n), out int header, page);
            long uncompressed = page[PageHeaderSlots.Uncompressed], compressed = page[PageHeaderSlots.Compressed];
            long levels = page[PageHeaderSlots.Type] == 3 ? page[PageHeaderSlots.DefinitionLevelBytes] + page[PageHeaderSlots.RepetitionLevelBytes] : 0;
            if (!ok || compressed < 0 || compressed > end - at - header || uncompressed < 0 || levels < 0 || levels > Math.Min(compressed, uncompressed)
                || uncompressed > Math.Min(decoded, expansion * compressed + 64)
                || (snappy && page[PageHeaderSlots.IsCompressed] == 1 && !SnappyLengthFits(stream, at + header + levels, compressed - levels, uncompressed - levels)))
                throw new DataFileException(path, $"not a readable Parquet file: column '{column}' has a corrupt page at byte {at}");
            at += header + compressed;
        }
        stream.Position = 0;
    }

    /// <summary>Whether the Snappy stream of <paramref name="length"/> bytes at <paramref name="at"/> declares at most <paramref name="limit"/> decoded bytes.</summary>
    private static bool SnappyLengthFits(Stream stream, long at, long length, long limit)
    {
        if (length == 0) return limit == 0;
        Span<byte> bytes = stackalloc byte[5];
        int n = (int)Math.Min(bytes.Length, length);
        stream.Position = at;
        stream.ReadExactly(bytes[..n]);
        ulong declared = 0;
        for (int i = 0; i < n; i++)
        {
            declared |= (ulong)(bytes[i] & 0x7F) << (7 * i);
            if (bytes[i] < 0x80) return declared <= (ulong)limit;
        }
        return false;
    }

    /// <summary>The column's field if it is a flat numeric column; otherwise the exception that names its type.</summary>
    private static DataField NumericField(Field field, string path)
    {
        if (field is not DataField data || data.IsArray || data.MaxRepetitionLevel > 0)
            throw TableColumns.NotNumeric(path, field.Name, field.SchemaType.ToString().ToLowerInvariant());
        var type = data.ClrType;
        if (type == typeof(double) || type == typeof(float) || type == typeof(sbyte) || type == typeof(short) || type == typeof(int)
            || type == typeof(long) || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong))
            return data;
        throw TableColumns.NotNumeric(path, field.Name, TypeName(type));
    }

    private static string TypeName(Type type) =>
        type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? "string" : type == typeof(bool) ? "boolean"
        : type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) ? "binary"
        : type == typeof(DateTime) ? "timestamp" : type == typeof(DateOnly) ? "date" : type == typeof(decimal) ? "decimal"
        : type.Name;

    private static Task ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows, Destination to)
    {
        var type = field.ClrType;
        if (type == typeof(double)) return ReadColumnAsync<double>(group, field, rows, to);
        if (type == typeof(float)) return ReadColumnAsync<float>(group, field, rows, to);
        if (type == typeof(sbyte)) return ReadColumnAsync<sbyte>(group, field, rows, to);
        if (type == typeof(short)) return ReadColumnAsync<short>(group, field, rows, to);
        if (type == typeof(int)) return ReadColumnAsync<int>(group, field, rows, to);
        if (type == typeof(long)) return ReadColumnAsync<long>(group, field, rows, to);
        if (type == typeof(byte)) return ReadColumnAsync<byte>(group, field, rows, to);
        if (type == typeof(ushort)) return ReadColumnAsync<ushort>(group, field, rows, to);
        if (type == typeof(uint)) return ReadColumnAsync<uint>(group, field, rows, to);
        return ReadColumnAsync<ulong>(group, field, rows, to);
    }

    private static async Task ReadColumnAsync<T>(ParquetRowGroupReader group, DataField field, int rows, Destination to)
        where T : struct, INumberBase<T>
    {
        if (field.IsNullable)
        {
            var values = new T?[rows];
            await group.ReadAsync(field, values.AsMemory(), null).ConfigureAwait(false);
            for (int i = 0; i < values.Length; i++)
                to.Store(field.Name, i, values[i] is { } v ? double.CreateTruncating(v) : null);
        }
        else
        {
            var values = new T[rows];
            await group.ReadAsync(field, values.AsMemory(), null).ConfigureAwait(false);
            for (int i = 0; i < values.Length; i++) to.Store(field.Name, i, double.CreateTruncating(values[i]));
        }
    }

    private static async Task WriteAsync(Stream stream, Matrix matrix, IReadOnlyList<string> names)
    {
        var fields = names.Select(n => new DataField(n, typeof(double), isNullable: false)).ToArray();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            var column = new double[Math.Min(GroupRows, matrix.Rows)];
            for (int start = 0; start < matrix.Rows; start += GroupRows)
            {
                int rows = Math.Min(GroupRows, matrix.Rows - start);
                using var group = writer.CreateRowGroup();
                for (int c = 0; c < fields.Length; c++)
                {
                    for (int r = 0; r < rows; r++) column[r] = matrix[start + r, c];
                    await group.WriteAsync<double>(fields[c], column.AsMemory(0, rows)).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Where a row group's column goes: column <see cref="Column"/> of <see cref="Matrix"/>, from row <see cref="Row0"/>.</summary>
    private readonly record struct Destination(Matrix Matrix, int Column, long Row0, string Path)
    {
        /// <summary>Stores row <paramref name="i"/> of the row group, or throws for a null or NaN.</summary>
        public void Store(string name, int i, double? value)
        {
            if (value is not { } v) throw TableColumns.Null(Path, name, Row0 + i);
            if (double.IsNaN(v)) throw TableColumns.NaN(Path, name, Row0 + i);
            Matrix[(int)(Row0 + i), Column] = v;
        }
    }
}
