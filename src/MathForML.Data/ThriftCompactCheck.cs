namespace MathForML.Data;

/// <summary>
/// Walks one struct in the Thrift compact protocol (Apache Thrift, "Thrift Compact protocol encoding",
/// doc/specs/thrift-compact-protocol.md) without building it, and says whether it ends inside the buffer: every
/// varint, string, list, set and map length stays within the bytes that are left, and structs nest at most 64 deep.
/// <see cref="ParquetFile"/> checks a footer this way before Parquet.Net decodes it, because a structure that runs past
/// the end makes that decoder read zeros for ever.
/// </summary>
internal ref struct ThriftCompactCheck(ReadOnlySpan<byte> bytes)
{
    private const int MaxDepth = 64;
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    /// <summary>True when <paramref name="bytes"/> starts with a complete, well-formed compact-protocol struct.</summary>
    public static bool IsStruct(ReadOnlySpan<byte> bytes)
    {
        var check = new ThriftCompactCheck(bytes);
        return check.Struct(0);
    }

    /// <summary>
    /// Walks the struct at the start of <paramref name="bytes"/> and gives its length and its top-level i32 fields
    /// <paramref name="first"/> and <paramref name="second"/> (0 when absent): how a Parquet page header is sized.
    /// </summary>
    public static bool TryReadInt32Fields(ReadOnlySpan<byte> bytes, short first, short second, out int length, out long firstValue, out long secondValue)
    {
        var check = new ThriftCompactCheck(bytes);
        bool ok = check.Struct(0, first, second, out firstValue, out secondValue);
        length = check._at;
        return ok;
    }

    private bool Struct(int depth) => Struct(depth, -1, -1, out _, out _);

    private bool Struct(int depth, short first, short second, out long firstValue, out long secondValue)
    {
        firstValue = secondValue = 0;
        if (depth > MaxDepth) return false;
        short id = 0;
        while (true)
        {
            if (!Byte(out byte header)) return false;
            if (header == 0) return true;
            if (header >> 4 == 0)
            {
                if (!VarInt(out ulong longId)) return false;   // a long-form field id, zigzag-encoded
                id = (short)((long)(longId >> 1) ^ -(long)(longId & 1));
            }
            else id += (short)(header >> 4);
            int type = header & 0x0F;
            if (type == 5 && (id == first || id == second))
            {
                if (!VarInt(out ulong raw)) return false;
                long value = (long)(raw >> 1) ^ -(long)(raw & 1);
                if (id == first) firstValue = value;
                else secondValue = value;
            }
            else if (!Value(type, depth, inStruct: true)) return false;
        }
    }

    private bool Value(int type, int depth, bool inStruct)
    {
        switch (type)
        {
            case 1 or 2: return inStruct || Byte(out _);   // booleans: in the field header, or a byte in a collection
            case 3: return Byte(out _);
            case 4 or 5 or 6: return VarInt(out _);
            case 7: return Skip(8);
            case 8: return VarInt(out ulong length) && length <= (ulong)(_bytes.Length - _at) && Skip((int)length);
            case 9 or 10:
                {
                    if (!Byte(out byte header)) return false;
                    ulong size = (ulong)(header >> 4);
                    if (size == 15 && !VarInt(out size)) return false;
                    if (size > (ulong)(_bytes.Length - _at)) return false;   // every element takes at least a byte
                    for (ulong i = 0; i < size; i++)
                        if (!Value(header & 0x0F, depth + 1, inStruct: false)) return false;
                    return true;
                }
            case 11:
                {
                    if (!VarInt(out ulong size)) return false;
                    if (size == 0) return true;
                    if (size > (ulong)(_bytes.Length - _at) || !Byte(out byte types)) return false;
                    for (ulong i = 0; i < size; i++)
                        if (!Value(types >> 4, depth + 1, inStruct: false) || !Value(types & 0x0F, depth + 1, inStruct: false)) return false;
                    return true;
                }
            case 12: return Struct(depth + 1);
            default: return false;
        }
    }

    private bool Byte(out byte value)
    {
        value = 0;
        if (_at >= _bytes.Length) return false;
        value = _bytes[_at++];
        return true;
    }

    private bool Skip(int count)
    {
        if (count > _bytes.Length - _at) return false;
        _at += count;
        return true;
    }

    /// <summary>An unsigned LEB128 varint of at most 10 bytes.</summary>
    private bool VarInt(out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (!Byte(out byte b)) return false;
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return true;
        }
        return false;
    }
}
