namespace MathForML.Data.ParquetMetadata;

/// <summary>
/// Walks Parquet metadata (the footer, or a page header) in the Thrift compact protocol (Apache Thrift,
/// <c>doc/specs/thrift-compact-protocol.md</c>) the way Parquet.Net 6.1 decodes it, and says whether that decode stays
/// inside the bytes. Parquet.Net reads a known field id by the type the format declares for it, whatever the wire type
/// says, skips unknown ids by wire type (a skipped struct's field headers only; a bool in a skipped list takes no byte),
/// and at the end of its buffer reads 0xFF bytes, so a varint there never ends: a walk that follows the wire types
/// instead can pass a footer on which the decoder hangs. The walk is stricter than the decoder: every varint ends within
/// 10 bytes, every length and list size is at most the bytes left (each element takes at least a byte, so no list
/// allocates more than the input), skipped values nest at most 64 deep, and sets, maps and unknown types are refused.
/// </summary>
internal ref struct ParquetMetadataCheck
{
    private const int MaxDepth = 64;
    private readonly ReadOnlySpan<byte> _bytes;
    private int _at;

    private ParquetMetadataCheck(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>True when the decode of <paramref name="footer"/> as a <c>FileMetaData</c> ends inside it.</summary>
    public static bool IsFileMetaData(ReadOnlySpan<byte> footer)
    {
        var check = new ParquetMetadataCheck(footer);
        return check.Struct(ParquetMetadataShapes.FileMetaData, 0, []);
    }

    /// <summary>
    /// Walks the <c>PageHeader</c> at the start of <paramref name="bytes"/>: its length, and the values the page check
    /// needs in <paramref name="slots"/> (<see cref="PageHeaderSlots"/>) as the decoder reads them.
    /// </summary>
    public static bool TryReadPageHeader(ReadOnlySpan<byte> bytes, out int length, Span<long> slots)
    {
        PageHeaderSlots.Reset(slots);
        var check = new ParquetMetadataCheck(bytes);
        bool ok = check.Struct(ParquetMetadataShapes.PageHeader, 0, slots);
        length = check._at;
        return ok;
    }

    /// <summary>A struct of a known shape; the values of fields with a slot go to <paramref name="slots"/>.</summary>
    private bool Struct(ThriftStruct shape, int depth, Span<long> slots)
    {
        if (depth > MaxDepth) return false;
        short id = 0;
        while (true)
        {
            if (!FieldHeader(ref id, out int type, out bool stop)) return false;
            if (stop) return true;
            if (shape.Field(id) is not { } field)
            {
                if (!Skip(type, depth + 1)) return false;
                continue;
            }
            if (field.Slot >= 0 && field.Kind == ThriftFieldKind.Int32)
            {
                if (!VarInt32(out uint raw)) return false;
                slots[field.Slot] = (int)(raw >> 1) ^ -(int)(raw & 1);
            }
            else if (field.Slot >= 0 && field.Kind == ThriftFieldKind.HeaderBool) slots[field.Slot] = type == 1 ? 1 : 0;
            else if (!Read(field.Kind, field.Element, field.Struct, depth + 1, slots)) return false;
        }
    }

    /// <summary>A field header: stop (0), or a delta and a type, or a zero delta, a type and a zigzag i16 id.</summary>
    private bool FieldHeader(ref short id, out int type, out bool stop)
    {
        type = 0;
        stop = false;
        if (!Byte(out byte header)) return false;
        if (header == 0)
        {
            stop = true;
            return true;
        }
        type = header & 0x0F;
        int delta = header >> 4;
        if (delta != 0)
        {
            id = (short)(id + delta);
            return true;
        }
        if (!VarInt32(out uint raw)) return false;
        id = (short)((int)(raw >> 1) ^ -(int)(raw & 1));
        return true;
    }

    /// <summary>A value of a declared kind (a list's elements by <paramref name="element"/>, structs by <paramref name="shape"/>).</summary>
    private bool Read(ThriftFieldKind kind, ThriftFieldKind element, ThriftStruct? shape, int depth, Span<long> slots)
    {
        switch (kind)
        {
            case ThriftFieldKind.Int32 or ThriftFieldKind.Int64: return VarInt32(out _);
            case ThriftFieldKind.Byte or ThriftFieldKind.ListBool: return Advance(1);
            case ThriftFieldKind.Double: return Advance(8);
            case ThriftFieldKind.Binary: return Binary();
            case ThriftFieldKind.HeaderBool: return true;
            case ThriftFieldKind.Struct: return Struct(shape!, depth, slots);
            case ThriftFieldKind.List:
                {
                    if (!ListHeader(out int size, out _)) return false;
                    var each = element == ThriftFieldKind.HeaderBool ? ThriftFieldKind.ListBool : element;
                    for (int i = 0; i < size; i++)
                        if (!Read(each, ThriftFieldKind.Int32, shape, depth + 1, slots)) return false;
                    return true;
                }
            default: return false;
        }
    }

    /// <summary>Skips a value of an unknown field by its wire type, as Parquet.Net's <c>SkipField</c> does.</summary>
    private bool Skip(int type, int depth)
    {
        if (depth > MaxDepth) return false;
        switch (type)
        {
            case 1 or 2: return true;
            case 3: return Advance(1);
            case 4 or 5 or 6: return VarInt32(out _);
            case 7: return Advance(8);
            case 8: return Binary();
            case 9:
                {
                    if (!ListHeader(out int size, out int elementType)) return false;
                    for (int i = 0; i < size; i++)
                        if (!Skip(elementType, depth + 1)) return false;
                    return true;
                }
            case 12:
                {
                    // Only the field headers: the decoder does not skip a skipped struct's values.
                    short id = 0;
                    while (true)
                    {
                        if (!FieldHeader(ref id, out _, out bool stop)) return false;
                        if (stop) return true;
                    }
                }
            default: return false;
        }
    }

    /// <summary>A list header; its size must be at most the bytes left.</summary>
    private bool ListHeader(out int size, out int elementType)
    {
        size = elementType = 0;
        if (!Byte(out byte header)) return false;
        elementType = header & 0x0F;
        size = header >> 4;
        if (size == 15)
        {
            if (!VarInt32(out uint raw)) return false;
            size = (int)raw;
        }
        return size >= 0 && size <= _bytes.Length - _at;
    }

    private bool Binary()
    {
        if (!VarInt32(out uint raw)) return false;
        int length = (int)raw;
        return length >= 0 && Advance(length);
    }

    private bool Byte(out byte value)
    {
        value = 0;
        if (_at >= _bytes.Length) return false;
        value = _bytes[_at++];
        return true;
    }

    private bool Advance(int count)
    {
        if (count > _bytes.Length - _at) return false;
        _at += count;
        return true;
    }

    /// <summary>
    /// A varint as the decoder accumulates it into 32 bits (its shift counts wrap as C#'s do); refused past 10 bytes,
    /// which no writer emits. An i64 is read the same way here: only where it ends matters.
    /// </summary>
    private bool VarInt32(out uint value)
    {
        value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (!Byte(out byte b)) return false;
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return true;
        }
        return false;
    }
}
