using System.Buffers.Binary;

namespace MathForML.Data;

/// <summary>
/// Reads the frame of a flatbuffer (FlatBuffers, "Internals": a root uoffset to a table; a table starts with an soffset
/// back to its vtable, whose uint16 entries give each field's offset in the table; a vector is a uoffset to a uint32
/// count and its elements) with every position checked against the buffer. Apache.Arrow's generated accessors check
/// nothing, so a count read from a corrupt buffer would size a list before any element is read.
/// </summary>
internal readonly ref struct FlatbufferTables(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    /// <summary>What <see cref="Field"/> and <see cref="Table"/> give for a field that is absent.</summary>
    public const int Absent = -1;

    /// <summary>What <see cref="Root"/>, <see cref="Field"/> and <see cref="Table"/> give for a position or vtable outside the buffer.</summary>
    public const int Corrupt = -2;

    /// <summary>The root table's position, or <see cref="Corrupt"/>.</summary>
    public int Root() => UOffsetTarget(0);

    /// <summary>
    /// Where field <paramref name="field"/> of the table at <paramref name="table"/> lies: <see cref="Absent"/> when the
    /// vtable has no entry for it, <see cref="Corrupt"/> when the table, its vtable or the field lies outside the buffer.
    /// </summary>
    public int Field(int table, int field)
    {
        if (table < 0 || table > _bytes.Length - 4) return Corrupt;
        long vtable = table - (long)BinaryPrimitives.ReadInt32LittleEndian(_bytes[table..]);
        if (vtable < 0 || vtable > _bytes.Length - 4) return Corrupt;
        int vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(_bytes[(int)vtable..]);
        if (vtableSize < 4 || vtable + vtableSize > _bytes.Length) return Corrupt;
        int entry = 4 + 2 * field;
        if (vtableSize < entry + 2) return Absent;
        int offset = BinaryPrimitives.ReadUInt16LittleEndian(_bytes[(int)(vtable + entry)..]);
        return offset == 0 ? Absent : (long)table + offset > _bytes.Length - 1 ? Corrupt : table + offset;
    }

    /// <summary>The byte of field <paramref name="field"/> (a union's type tag), or 0 when absent or corrupt.</summary>
    public byte Byte(int table, int field) => Field(table, field) is int at and >= 0 ? _bytes[at] : (byte)0;

    /// <summary>The table that field <paramref name="field"/> refers to, <see cref="Absent"/>, or <see cref="Corrupt"/>.</summary>
    public int Table(int table, int field) => Field(table, field) is int at && at >= 0 ? UOffsetTarget(at) : at;

    /// <summary>
    /// The vector that field <paramref name="field"/> refers to: where its elements start and how many there are, or
    /// (-1, 0) when absent. False when it lies outside the buffer or its count of <paramref name="elementSize"/>-byte elements runs past the buffer.
    /// </summary>
    public bool TryVector(int table, int field, int elementSize, out int start, out int count)
    {
        start = -1;
        count = 0;
        int at = Field(table, field);
        if (at < 0) return at == Absent;
        int vector = UOffsetTarget(at);
        if (vector < 0) return false;
        uint n = BinaryPrimitives.ReadUInt32LittleEndian(_bytes[vector..]);
        if (n > (ulong)(_bytes.Length - vector - 4) / (ulong)elementSize) return false;
        start = vector + 4;
        count = (int)n;
        return true;
    }

    /// <summary>The table the uoffset in element <paramref name="index"/> of a vector of tables refers to.</summary>
    public int Element(int start, int index) => UOffsetTarget(start + 4 * index);

    private int UOffsetTarget(int at)
    {
        if (at < 0 || at > _bytes.Length - 4) return Corrupt;
        long target = at + (long)BinaryPrimitives.ReadUInt32LittleEndian(_bytes[at..]);
        return target > _bytes.Length - 4 ? Corrupt : (int)target;
    }
}
