using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MathForML.LinearAlgebra;

namespace MathForML.Data.Mat;

/// <summary>
/// Reads numeric matrices from MATLAB's Level 5 MAT files (versions 5 to 7: uncompressed and zlib-compressed
/// variables, either byte order), the format of data sets published for MATLAB such as the Olivetti faces.
/// </summary>
/// <remarks>
/// <para>
/// Layout (MathWorks, "MAT-File Format", Level 5): a 128-byte header (text, then the version 0x0100 and the byte-order
/// mark "IM" or "MI"), then data elements, each an 8-byte tag (type, byte count) and its data padded to 8 bytes, or a
/// "small" element packing type, count and up to 4 bytes into the tag. A variable is an <c>miMATRIX</c> element holding
/// array flags (class, complex), dimensions, a name and the real part in any numeric type (MATLAB stores a double array
/// of small integers as bytes); version 7 wraps each variable in an <c>miCOMPRESSED</c> element, a zlib stream.
/// MATLAB arrays are column-major: <see cref="ReadMatrix(string, string)"/> returns the array as MATLAB shows it, rows × columns.
/// </para>
/// <para>
/// Every declared size is checked against the bytes that hold it before anything is allocated, and a compressed
/// variable may expand at most 1,032 times (zlib's greatest ratio), so a hostile file gets a
/// <see cref="DataFileException"/> naming the problem, never an allocation it asked for. Version 7.3 files are HDF5
/// and are refused with a message saying so (save with <c>-v7</c>).
/// </para>
/// </remarks>
public static class MatFile
{
    private const int HeaderBytes = 128;

    /// <summary>zlib's greatest expansion: a deflate stream cannot encode more than 1,032 bytes per byte.</summary>
    private const long MaxInflation = 1032;

    /// <summary>The top-level variables of the file, in file order.</summary>
    /// <exception cref="DataFileException">The file is not a Level 5 MAT file or is malformed.</exception>
    public static IReadOnlyList<MatVariable> Variables(string path)
    {
        using var stream = Open(path);
        return Variables(stream, path);
    }

    /// <summary>The top-level variables of a MAT file read from a seekable <paramref name="stream"/> (from its start); <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="DataFileException">The stream is not a Level 5 MAT file or is malformed.</exception>
    public static IReadOnlyList<MatVariable> Variables(Stream stream, string path)
    {
        var list = new List<MatVariable>();
        Scan(stream, path, (variable, _) =>
        {
            list.Add(variable);
            return false;
        });
        return list;
    }

    /// <summary>
    /// The real numeric variable <paramref name="name"/> as a rows × columns matrix, its values converted to double
    /// (an N-D array reads only when its dimensions after the second are 1).
    /// </summary>
    /// <exception cref="DataFileException">The file is malformed, has no such variable (the message lists those it has),
    /// or the variable is not a real numeric matrix.</exception>
    public static Matrix ReadMatrix(string path, string name)
    {
        using var stream = Open(path);
        return ReadMatrix(stream, path, name);
    }

    /// <summary><see cref="ReadMatrix(string, string)"/> from a seekable <paramref name="stream"/>; <paramref name="path"/> names it in errors.</summary>
    public static Matrix ReadMatrix(Stream stream, string path, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Matrix? found = null;
        var seen = new List<MatVariable>();
        Scan(stream, path, (variable, body) =>
        {
            seen.Add(variable);
            if (variable.Name != name) return false;
            found = ToMatrix(path, variable, body());
            return true;
        });
        return found ?? throw new DataFileException(path, seen.Count == 0
            ? $"no variable '{name}': the file holds no variables"
            : $"no variable '{name}'; the file holds {string.Join(", ", seen)}");
    }

    /// <summary>
    /// Walks the variables; <paramref name="visit"/> gets each one's description and a function returning its real part
    /// (type and bytes), and returns true to stop.
    /// </summary>
    private static void Scan(Stream stream, string path, Func<MatVariable, Func<RealPart>, bool> visit)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(path);
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(stream));
        stream.Position = 0;
        long length = stream.Length;
        if (length < HeaderBytes) throw new DataFileException(path, $"a MAT file starts with a {HeaderBytes}-byte header; this file has {length} bytes");
        var header = new byte[HeaderBytes];
        stream.ReadExactly(header);
        bool bigEndian = ByteOrder(path, header);
        long position = HeaderBytes;
        var tag = new byte[8];
        while (position < length)
        {
            if (length - position < 8) throw new DataFileException(path, $"{length - position} stray bytes at byte {position}, too few for a data element's tag");
            stream.Position = position;
            stream.ReadExactly(tag);
            var (type, size, small) = Tag(tag, bigEndian);
            if (small)
            {
                position += 8;
                continue;
            }

            if (size > length - position - 8)
                throw new DataFileException(path, $"the data element at byte {position} declares {size} bytes; the file has {length - position - 8} after its tag");
            long next = position + 8 + (type == (uint)MatElementType.Compressed ? size : Padded(size));
            if (type == (uint)MatElementType.Matrix)
            {
                MemoryLimit.EnsureFits(size, 1, path, $"the variable at byte {position}");
                var body = new byte[size];
                stream.ReadExactly(body);
                if (Visit(path, position, body, bigEndian, visit)) return;
            }
            else if (type == (uint)MatElementType.Compressed)
            {
                var body = Inflate(path, stream, position, size, bigEndian);
                if (body is not null && Visit(path, position, body, bigEndian, visit)) return;
            }

            position = Math.Min(next, length);
        }
    }

    private static FileStream Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    /// <summary>True for a big-endian file; throws for anything but a Level 5 file.</summary>
    private static bool ByteOrder(string path, byte[] header)
    {
        if (header[0] == 0 || header[1] == 0 || header[2] == 0 || header[3] == 0)
            throw new DataFileException(path, "a MATLAB version 4 file (or not a MAT file); only Level 5 MAT files (MATLAB 5 to 7) are read");
        bool bigEndian = (header[126], header[127]) switch
        {
            ((byte)'I', (byte)'M') => false,
            ((byte)'M', (byte)'I') => true,
            _ => throw new DataFileException(path, "not a MAT file: bytes 126–127 are not the byte-order mark 'IM' or 'MI'"),
        };
        int version = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(124)) : BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(124));
        if (version == 0x0200)
            throw new DataFileException(path, "a MATLAB 7.3 file (HDF5), not read here; save it with save(..., '-v7')");
        if (version != 0x0100)
            throw new DataFileException(path, $"MAT file version 0x{version:x4}; Level 5 files have 0x0100");
        return bigEndian;
    }

    /// <summary>A tag's type and byte count; a small element packs both in its first 4 bytes (count in the upper half).</summary>
    private static (uint Type, long Size, bool Small) Tag(ReadOnlySpan<byte> tag, bool bigEndian)
    {
        uint first = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(tag) : BinaryPrimitives.ReadUInt32LittleEndian(tag);
        if (first >> 16 != 0) return (first & 0xFFFF, first >> 16, true);
        uint size = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(tag[4..]) : BinaryPrimitives.ReadUInt32LittleEndian(tag[4..]);
        return (first, size, false);
    }

    private static long Padded(long size) => (size + 7) & ~7L;

    /// <summary>
    /// The <c>miMATRIX</c> element inside a compressed one (null when it holds something else), its declared size
    /// bounded by the compressed bytes before it is allocated.
    /// </summary>
    private static byte[]? Inflate(string path, Stream stream, long position, long size, bool bigEndian)
    {
        var compressed = new byte[size];
        stream.ReadExactly(compressed);
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var tag = new byte[8];
            zlib.ReadExactly(tag);
            var (type, inner, small) = Tag(tag, bigEndian);
            if (small || type != (uint)MatElementType.Matrix) return null;
            if (inner > size * MaxInflation)
                throw new DataFileException(path, $"the compressed variable at byte {position} declares {inner} bytes from {size} compressed bytes, more than zlib can encode");
            MemoryLimit.EnsureFits(inner, 1, path, $"the variable at byte {position}");
            var body = new byte[inner];
            zlib.ReadExactly(body);
            return body;
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not DataFileException))
        {
            throw new DataFileException(path, $"the compressed variable at byte {position} is not a valid zlib stream of the size it declares ({e.Message})");
        }
    }

    /// <summary>Parses a variable's flags, dimensions and name and hands it to <paramref name="visit"/>.</summary>
    private static bool Visit(string path, long position, byte[] body, bool bigEndian, Func<MatVariable, Func<RealPart>, bool> visit)
    {
        int offset = 0;
        var where = $"the variable at byte {position}";
        var flags = SubElement(path, where, body, ref offset, bigEndian);
        if (flags.Type != MatElementType.UInt32 || flags.Length < 8)
            throw new DataFileException(path, $"{where} does not start with its array flags");
        uint word = Read32(body.AsSpan(flags.Start), bigEndian);
        var cls = (MatArrayClass)(word & 0xFF);
        if (!Enum.IsDefined(cls)) cls = MatArrayClass.Unknown;
        bool complex = (word & 0x0800) != 0;
        var dims = SubElement(path, where, body, ref offset, bigEndian);
        if (dims.Type != MatElementType.Int32 || dims.Length % 4 != 0 || dims.Length < 8)
            throw new DataFileException(path, $"{where}: its dimensions are not 2 or more int32 values");
        var dimensions = new int[dims.Length / 4];
        for (int i = 0; i < dimensions.Length; i++)
        {
            dimensions[i] = (int)Read32(body.AsSpan(dims.Start + 4 * i), bigEndian);
            if (dimensions[i] < 0) throw new DataFileException(path, $"{where}: dimension {i + 1} is {dimensions[i]}");
        }

        var nameElement = SubElement(path, where, body, ref offset, bigEndian);
        if (nameElement.Type is not (MatElementType.Int8 or MatElementType.UInt8))
            throw new DataFileException(path, $"{where}: its name is not stored as int8 characters");
        var name = Encoding.ASCII.GetString(body, nameElement.Start, nameElement.Length);
        var variable = new MatVariable(name, cls, dimensions, complex);
        int afterName = offset;
        return visit(variable, () =>
        {
            int at = afterName;
            var real = SubElement(path, $"variable '{name}'", body, ref at, bigEndian);
            return new RealPart(real.Type, body.AsMemory(real.Start, real.Length), bigEndian);
        });
    }

    /// <summary>A sub-element's type and where its bytes are; advances past it (and its padding).</summary>
    private static (MatElementType Type, int Start, int Length) SubElement(string path, string where, byte[] body, ref int offset, bool bigEndian)
    {
        if (body.Length - offset < 8) throw new DataFileException(path, $"{where} ends inside its header ({body.Length} bytes)");
        var (type, size, small) = Tag(body.AsSpan(offset, 8), bigEndian);
        if (small)
        {
            if (size > 4) throw new DataFileException(path, $"{where}: a small data element declares {size} bytes; it holds at most 4");
            int start = offset + 4;
            offset += 8;
            return ((MatElementType)type, start, (int)size);
        }

        if (size > body.Length - offset - 8)
            throw new DataFileException(path, $"{where}: a part declares {size} bytes; the variable has {body.Length - offset - 8} left");
        int begin = offset + 8;
        offset = (int)Math.Min(body.Length, begin + Padded(size));
        return ((MatElementType)type, begin, (int)size);
    }

    private static uint Read32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    /// <summary>The stored values of a variable's real part.</summary>
    private readonly record struct RealPart(MatElementType Type, ReadOnlyMemory<byte> Bytes, bool BigEndian);

    /// <summary>The variable as a rows × columns matrix (MATLAB stores it column by column).</summary>
    private static Matrix ToMatrix(string path, MatVariable variable, RealPart real)
    {
        if (!variable.IsNumeric)
            throw new DataFileException(path, $"variable {variable} is not a real numeric array");
        var dims = variable.Dimensions;
        for (int i = 2; i < dims.Count; i++)
            if (dims[i] != 1) throw new DataFileException(path, $"variable {variable} has {dims.Count} dimensions; only matrices are read");
        int rows = dims[0], columns = dims[1];
        long count = (long)rows * columns;
        int size = MatElementTypes.SizeOf(real.Type);
        if (size == 0) throw new DataFileException(path, $"variable '{variable.Name}' stores its values as {real.Type}, not a numeric type");
        if (real.Bytes.Length != count * size)
            throw new DataFileException(path, $"variable {variable} holds {real.Bytes.Length} bytes of {real.Type.ToString().ToLowerInvariant()}; {rows}×{columns} values need {count * size}");
        MemoryLimit.EnsureFits(count, sizeof(double), path, $"variable '{variable.Name}'");
        var matrix = new Matrix(rows, columns);
        var bytes = real.Bytes.Span;
        for (int c = 0; c < columns; c++)
            for (int r = 0; r < rows; r++)
            {
                double v = Value(bytes[(int)(((long)c * rows + r) * size)..], real.Type, real.BigEndian);
                if (!double.IsFinite(v)) throw new DataFileException(path, $"variable '{variable.Name}' ({r + 1}, {c + 1}) is {v}: NaN and infinities are not allowed");
                matrix[r, c] = v;
            }

        return matrix;
    }

    private static double Value(ReadOnlySpan<byte> b, MatElementType type, bool bigEndian) => type switch
    {
        MatElementType.Int8 => (sbyte)b[0],
        MatElementType.UInt8 => b[0],
        MatElementType.Int16 => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b),
        MatElementType.UInt16 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b),
        MatElementType.Int32 => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b),
        MatElementType.UInt32 => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b),
        MatElementType.Single => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b),
        MatElementType.Double => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b),
        MatElementType.Int64 => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b),
        MatElementType.UInt64 => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b),
        _ => throw new InvalidOperationException($"{type} is not numeric"),
    };
}
