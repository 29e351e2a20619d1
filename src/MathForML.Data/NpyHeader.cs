using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MathForML.Data;

/// <summary>
/// The header of a NumPy <c>.npy</c> file (format versions 1.0, 2.0 and 3.0): the magic string <c>\x93NUMPY</c>,
/// the version, the header length, then a Python dict literal such as
/// <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3, 4), }</c>.
/// Reference: numpy/lib/format.py ("A Simple File Format for NumPy Arrays", NEP 1).
/// </summary>
/// <param name="DataType">Element type.</param>
/// <param name="Shape">Dimensions (the array's logical shape, whatever the memory order); empty for a scalar.</param>
/// <param name="DataOffset">Byte offset at which the data starts.</param>
/// <param name="FortranOrder">The data is stored column-major (<c>'fortran_order': True</c>): the first index varies fastest.</param>
public sealed partial record NpyHeader(NpyDataType DataType, long[] Shape, int DataOffset, bool FortranOrder = false)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Largest element count accepted (2³¹ − 1: arrays are indexed by int).</summary>
    public const long MaxElements = int.MaxValue;

    /// <summary>Bytes per element of <see cref="DataType"/>.</summary>
    public int ItemSize => SizeOf(DataType);

    /// <summary>Number of elements: the product of the shape (1 for a scalar).</summary>
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (long d in Shape) count *= d;
            return count;
        }
    }

    /// <summary>Bytes per element of a data type.</summary>
    public static int SizeOf(NpyDataType type) => type switch
    {
        NpyDataType.Float64 or NpyDataType.Int64 => 8,
        NpyDataType.Float32 or NpyDataType.Int32 => 4,
        _ => 1,
    };

    /// <summary>
    /// Parses the header at the start of <paramref name="stream"/>, whose total length is <paramref name="fileLength"/>,
    /// and checks that the declared shape matches the bytes that follow — before anything is allocated.
    /// </summary>
    public static NpyHeader Read(Stream stream, long fileLength, string name)
    {
        Span<byte> pre = stackalloc byte[12];
        int got = stream.ReadAtLeast(pre, 10, throwOnEndOfStream: false);
        if (got < 10 || !pre[..6].SequenceEqual(Magic))
            throw new DataFileException(name, "not a NumPy .npy file (the magic string \\x93NUMPY is missing)");
        int major = pre[6];
        int headerLength, prefix;
        if (major == 1) { headerLength = pre[8] | (pre[9] << 8); prefix = 10; }
        else if (major is 2 or 3)
        {
            if (got < 12) throw new DataFileException(name, "truncated .npy header");
            headerLength = (int)Math.Min(int.MaxValue, BitConverter.ToUInt32(pre[8..12]));
            prefix = 12;
        }
        else throw new DataFileException(name, $"unsupported .npy format version {major}.{pre[7]}");
        if (headerLength > 1 << 20 || prefix + (long)headerLength > fileLength)
            throw new DataFileException(name, $"truncated or corrupt .npy header: it declares {headerLength} header bytes, the file has {fileLength} bytes");

        var bytes = new byte[headerLength];
        stream.Position = prefix;
        stream.ReadExactly(bytes);
        var text = Encoding.Latin1.GetString(bytes);
        var header = Parse(text, name, prefix + headerLength);

        long count = header.ElementCount;
        long expected = count * header.ItemSize;
        long actual = fileLength - header.DataOffset;
        if (actual < expected)
            throw new DataFileException(name, $"truncated .npy file: shape ({string.Join(", ", header.Shape)}) of {header.DataType} needs {expected} data bytes, the file has {actual}");
        if (count > MaxElements)
            throw new DataFileException(name, $".npy shape ({string.Join(", ", header.Shape)}) has {count} elements, more than the {MaxElements} supported");
        return header;
    }

    private static NpyHeader Parse(string text, string name, int dataOffset)
    {
        var descr = DescrEntry().Match(text);
        var fortran = FortranOrderEntry().Match(text);
        var shape = ShapeEntry().Match(text);
        if (!descr.Success || !fortran.Success || !shape.Success)
            throw new DataFileException(name, $"malformed .npy header: {text.Trim()}");
        var type = descr.Groups[1].Value switch
        {
            "<f8" => NpyDataType.Float64,
            "<f4" => NpyDataType.Float32,
            "<i4" => NpyDataType.Int32,
            "<i8" => NpyDataType.Int64,
            "|u1" or "<u1" => NpyDataType.UInt8,
            var d when d.StartsWith('>') => throw new DataFileException(name, $"big-endian .npy data ('{d}') is not supported"),
            var d => throw new DataFileException(name, $"unsupported .npy dtype '{d}' (supported: <f8, <f4, <i4, <i8, |u1)"),
        };
        var parts = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var dims = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i].TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out var d))
                throw new DataFileException(name, $"bad .npy shape dimension '{parts[i]}'");
            if (d > int.MaxValue)
                throw new DataFileException(name, $"absurd .npy shape dimension {d}: more than {int.MaxValue}");
            dims[i] = d;
        }
        long product = 1;
        foreach (var d in dims)
        {
            product *= d;
            if (product > NpyHeader.MaxElements)
                throw new DataFileException(name, $"absurd .npy shape ({string.Join(", ", dims)}): more than {NpyHeader.MaxElements} elements");
        }
        return new NpyHeader(type, dims, dataOffset, fortran.Groups[1].Value == "True");
    }

    // The header dict's entries, matched by source-generated regular expressions: compiled with the assembly, so reading
    // a file builds no regex (and compiles none) at run time.
    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrEntry();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranOrderEntry();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeEntry();

    /// <summary>Writes a version 1.0 header for a C-order array, padded with spaces so the data starts on a 64-byte boundary.</summary>
    public static void Write(Stream stream, NpyDataType type, ReadOnlySpan<long> shape)
    {
        string descr = type switch
        {
            NpyDataType.Float64 => "<f8",
            NpyDataType.Float32 => "<f4",
            NpyDataType.Int32 => "<i4",
            NpyDataType.Int64 => "<i8",
            _ => "|u1",
        };
        string dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape.ToArray());
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}";
        int total = Magic.Length + 4 + dict.Length + 1;
        int pad = (64 - total % 64) % 64;
        var header = dict + new string(' ', pad) + "\n";
        stream.Write(Magic);
        stream.WriteByte(1);
        stream.WriteByte(0);
        stream.WriteByte((byte)(header.Length & 0xFF));
        stream.WriteByte((byte)(header.Length >> 8));
        stream.Write(Encoding.Latin1.GetBytes(header));
    }
}
