using System.Buffers.Binary;
using System.IO.Compression;
using MathForML.Numerics;

namespace MathForML.Data;

/// <summary>
/// Reads and writes IDX files, the format of the MNIST distribution (LeCun, Cortes and Burges): a magic number
/// 00 00 TT DD (TT the element type, DD the number of dimensions), DD big-endian int32 dimensions, then the elements
/// big-endian in C order. Files whose name ends in <c>.gz</c> (or that start with the gzip signature) are read and
/// written through gzip.
/// </summary>
/// <remarks>
/// Readers validate before they allocate: the magic number, the type, dimensions that are positive, and that the file
/// holds at least as many bytes as the header promises (for gzip, the uncompressed size in its trailer, which is modulo
/// 2³², and at most 1040 times the compressed size, deflate's largest expansion).
/// Problems are reported as <see cref="DataFileException"/> naming the file.
/// </remarks>
public static class IdxFile
{
    private const int MaxDimensions = 8;

    /// <summary>True when <paramref name="path"/> starts like an IDX file (or a gzip file whose name says IDX).</summary>
    public static bool Looks(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = Path.GetFileName(path);
        if (name.Contains("idx", StringComparison.OrdinalIgnoreCase)) return true;
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        int got = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        return Looks(name, head[..got]);
    }

    /// <summary>True when a file called <paramref name="name"/> that starts with <paramref name="head"/> looks like IDX.</summary>
    internal static bool Looks(string name, ReadOnlySpan<byte> head)
    {
        if (Path.GetFileName(name).Contains("idx", StringComparison.OrdinalIgnoreCase)) return true;
        if (head.Length < 4) return false;
        return head[0] == 0 && head[1] == 0 && Enum.IsDefined((IdxDataType)head[2]) && head[3] is >= 1 and <= MaxDimensions;
    }

    /// <summary>Reads the header of <paramref name="path"/> and checks the file is long enough for it.</summary>
    public static IdxHeader ReadHeader(string path)
    {
        using var file = OpenFile(path);
        using var stream = Open(file, out var size);
        return ReadHeader(stream, size, path);
    }

    /// <summary>Reads <paramref name="path"/>: its header and its elements converted to double.</summary>
    public static (IdxHeader Header, double[] Data) Read(string path)
    {
        using var file = OpenFile(path);
        return Read(file, path);
    }

    /// <summary>
    /// Reads an IDX file (plain or gzip) from the start of the seekable <paramref name="file"/>; <paramref name="name"/>
    /// is used in error messages.
    /// </summary>
    internal static (IdxHeader Header, double[] Data) Read(Stream file, string name)
    {
        using var stream = Open(file, out var size);
        var header = ReadHeader(stream, size, name);
        if (header.ElementCount > Array.MaxLength)
            throw new DataFileException(name, $"{header.ElementCount} elements are more than one array can hold");
        MemoryLimit.EnsureFits(header.ElementCount, sizeof(double), name, $"{string.Join('×', header.Shape)} values as float64");
        var data = LargeArray.Uninitialized<double>(checked((int)header.ElementCount));   // every element is read below, or the read throws
        var buffer = new byte[Math.Min(header.DataBytes, 1 << 20) / header.ElementSize * header.ElementSize];
        long done = 0;
        int elementSize = header.ElementSize;
        while (done < data.Length)
        {
            int count = (int)Math.Min(buffer.Length / elementSize, data.Length - done);
            try
            {
                stream.ReadExactly(buffer, 0, count * elementSize);
            }
            catch (EndOfStreamException)
            {
                throw new DataFileException(name, $"truncated: the header promises {header.DataBytes} bytes of data, the file ends after {done * elementSize}");
            }
            catch (InvalidDataException e)
            {
                throw new DataFileException(name, $"corrupt gzip data: {e.Message}");
            }

            Decode(header.DataType, buffer.AsSpan(0, count * elementSize), data.AsSpan((int)done, count));
            done += count;
        }

        return (header, data);
    }

    /// <summary>
    /// Writes <paramref name="data"/> (C order) with the given shape and element type, atomically; gzip-compressed when
    /// the name ends in <c>.gz</c>. Values must fit the type (integers exactly).
    /// </summary>
    public static void Write(string path, IdxDataType type, ReadOnlySpan<int> shape, ReadOnlySpan<double> data)
    {
        if (shape.Length is < 1 or > MaxDimensions) throw new ArgumentOutOfRangeException(nameof(shape), shape.Length, $"IDX files have 1 to {MaxDimensions} dimensions.");
        long count = 1;
        foreach (int dim in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim, nameof(shape));
            count *= dim;
        }

        if (count != data.Length) throw new LinearAlgebra.DimensionMismatchException($"The shape needs {count} elements, found {data.Length}.", nameof(data));
        int size = IdxHeader.SizeOf(type);
        var bytes = new byte[4 + 4 * shape.Length + data.Length * (long)size];
        bytes[2] = (byte)type;
        bytes[3] = (byte)shape.Length;
        for (int i = 0; i < shape.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), shape[i]);
        Encode(type, data, bytes.AsSpan(4 + 4 * shape.Length));
        bool gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, stream =>
        {
            if (!gzip)
            {
                stream.Write(bytes);
                return;
            }

            using var zip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            zip.Write(bytes);
        });
    }

    private static FileStream OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) throw new DataFileException(path, "is a directory, expected an IDX file");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    /// <summary>What is known of the uncompressed size: exact for a plain file; for gzip, the trailer's size modulo 2³² and an upper bound.</summary>
    private readonly record struct Size(long Available, bool Gzip, long Limit);

    /// <summary>Deflate expands at most about 1032 times; a little more allows for the gzip framing.</summary>
    private const long MaxGzipRatio = 1040;

    private static Stream Open(Stream file, out Size size)
    {
        Span<byte> head = stackalloc byte[2];
        file.Position = 0;
        bool gzip = file.Length >= 18 && file.ReadAtLeast(head, 2, false) == 2 && head[0] == 0x1F && head[1] == 0x8B;
        if (!gzip)
        {
            file.Position = 0;
            size = new Size(file.Length, false, file.Length);
            return file;
        }

        // The gzip trailer's last four bytes hold the uncompressed size modulo 2³².
        Span<byte> trailer = stackalloc byte[4];
        file.Position = file.Length - 4;
        file.ReadExactly(trailer);
        size = new Size(BinaryPrimitives.ReadUInt32LittleEndian(trailer), true, file.Length * MaxGzipRatio);
        file.Position = 0;
        return new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
    }

    private static IdxHeader ReadHeader(Stream stream, Size size, string path)
    {
        try
        {
            return ReadHeaderBytes(stream, size, path);
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(path, $"corrupt gzip data: {e.Message}");
        }
    }

    private static IdxHeader ReadHeaderBytes(Stream stream, Size size, string path)
    {
        Span<byte> magic = stackalloc byte[4];
        int got = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        if (got < 4) throw new DataFileException(path, $"truncated: {got} bytes, an IDX header needs at least 4");
        if (magic[0] != 0 || magic[1] != 0 || !Enum.IsDefined((IdxDataType)magic[2]))
            throw new DataFileException(path, $"bad magic number {Convert.ToHexString(magic)}: not an IDX file (expected 0000TTDD, TT in 08 09 0B 0C 0D 0E)");
        int dims = magic[3];
        if (dims is < 1 or > MaxDimensions)
            throw new DataFileException(path, $"bad magic number {Convert.ToHexString(magic)}: {dims} dimensions (expected 1 to {MaxDimensions})");
        var raw = new byte[4 * dims];
        if (stream.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false) < raw.Length)
            throw new DataFileException(path, $"truncated: the header declares {dims} dimensions but the file ends inside it");
        var shape = new int[dims];
        for (int i = 0; i < dims; i++)
        {
            shape[i] = BinaryPrimitives.ReadInt32BigEndian(raw.AsSpan(4 * i));
            if (shape[i] < 0) throw new DataFileException(path, $"dimension {i} is {shape[i]}");
        }

        var header = new IdxHeader((IdxDataType)magic[2], shape);
        long promised;
        try
        {
            promised = checked(header.DataOffset + header.DataBytes);
        }
        catch (OverflowException)
        {
            throw new DataFileException(path, $"the header declares a {string.Join('×', shape)} array, far more than any file holds");
        }

        // A plain file's size is exact; gzip's trailer holds it modulo 2³², and deflate bounds it by the compressed size.
        if (size.Gzip && promised > size.Limit)
            throw new DataFileException(path, $"truncated: the header promises {string.Join('×', shape)} elements ({promised} bytes), more than {size.Limit} bytes that gzip of this size can expand to");
        bool sizeKnown = !size.Gzip || promised < (1L << 32);
        if (sizeKnown && size.Available < promised)
            throw new DataFileException(path, $"truncated: the header promises {string.Join('×', shape)} elements ({promised} bytes), the file holds {size.Available}");
        return header;
    }

    private static void Decode(IdxDataType type, ReadOnlySpan<byte> bytes, Span<double> values)
    {
        switch (type)
        {
            case IdxDataType.UInt8:
                for (int i = 0; i < values.Length; i++) values[i] = bytes[i];
                break;
            case IdxDataType.Int8:
                for (int i = 0; i < values.Length; i++) values[i] = (sbyte)bytes[i];
                break;
            case IdxDataType.Int16:
                for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt16BigEndian(bytes[(2 * i)..]);
                break;
            case IdxDataType.Int32:
                for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt32BigEndian(bytes[(4 * i)..]);
                break;
            case IdxDataType.Float32:
                for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleBigEndian(bytes[(4 * i)..]);
                break;
            default:
                for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleBigEndian(bytes[(8 * i)..]);
                break;
        }
    }

    private static void Encode(IdxDataType type, ReadOnlySpan<double> values, Span<byte> bytes)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            switch (type)
            {
                case IdxDataType.UInt8: bytes[i] = checked((byte)Exact(v)); break;
                case IdxDataType.Int8: bytes[i] = (byte)checked((sbyte)Exact(v)); break;
                case IdxDataType.Int16: BinaryPrimitives.WriteInt16BigEndian(bytes[(2 * i)..], checked((short)Exact(v))); break;
                case IdxDataType.Int32: BinaryPrimitives.WriteInt32BigEndian(bytes[(4 * i)..], checked((int)Exact(v))); break;
                case IdxDataType.Float32: BinaryPrimitives.WriteSingleBigEndian(bytes[(4 * i)..], (float)v); break;
                default: BinaryPrimitives.WriteDoubleBigEndian(bytes[(8 * i)..], v); break;
            }
        }
    }

    private static double Exact(double v) =>
        v == Math.Round(v) ? v : throw new ArgumentException($"{v} is not an integer; the IDX type holds integers only.", nameof(v));
}
