using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace MathForML.Data.Onnx;

/// <summary>
/// The few parts of the Protocol Buffers wire format an ONNX model needs: varint fields (wire type 0) and
/// length-delimited fields (wire type 2: strings, bytes and nested messages). A field starts with the varint
/// (number « 3) | wire type; a varint stores 7 bits a byte, least significant first, with the high bit set on every
/// byte but the last. Nested messages are written into their own buffer first, so their length is known.
/// Reference: https://protobuf.dev/programming-guides/encoding/.
/// </summary>
internal sealed class ProtobufWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>The bytes written so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>An integer field (int32, int64 or enum; negative values take ten bytes, as protobuf's int64).</summary>
    public ProtobufWriter Varint(int field, long value)
    {
        Tag(field, 0);
        WriteVarint((ulong)value);
        return this;
    }

    /// <summary>A string field, UTF-8.</summary>
    public ProtobufWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>A bytes field.</summary>
    public ProtobufWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 2);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    /// <summary>A nested message field, written by <paramref name="write"/>.</summary>
    public ProtobufWriter Message(int field, Action<ProtobufWriter> write)
    {
        var nested = new ProtobufWriter();
        write(nested);
        return Bytes(field, nested._buffer.WrittenSpan);
    }

    /// <summary>Little-endian float32 values as one bytes field (ONNX's <c>raw_data</c>).</summary>
    public ProtobufWriter Floats(int field, ReadOnlySpan<float> values)
    {
        Tag(field, 2);
        WriteVarint((ulong)values.Length * sizeof(float));
        var bytes = _buffer.GetSpan(values.Length * sizeof(float));
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes[(i * sizeof(float))..], values[i]);
        _buffer.Advance(values.Length * sizeof(float));
        return this;
    }

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte((byte)value);
    }
}
