using System.Buffers.Binary;

namespace MathForML.Data;

/// <summary>
/// Checks the lengths an Arrow IPC file declares against its size before Apache.Arrow allocates buffers of those
/// lengths (a corrupt length would otherwise allocate up to 2 GiB before the short read is noticed). The file is
/// "ARROW1", 2 bytes of padding, a stream of encapsulated messages (each an optional 0xFFFFFFFF continuation marker,
/// an int32 metadata length, a <c>Message</c> flatbuffer and a body of <c>Message.bodyLength</c> bytes) ended by a
/// zero length, then the <c>Footer</c> flatbuffer, its int32 length and "ARROW1" (Arrow columnar format specification,
/// "Encapsulated message format" and "IPC File Format"), and the counts in each message and the footer against the bytes
/// that hold them (<see cref="ArrowMetadataCheck"/>).
/// </summary>
internal static class ArrowIpcFraming
{
    private const int MagicLength = 6, HeaderLength = 8, TrailerLength = 10;

    /// <summary>Throws <see cref="DataFileException"/> when a declared length runs past the end of the file.</summary>
    public static void Check(Stream stream, string path)
    {
        long length = stream.Length;
        if (length < HeaderLength + TrailerLength) throw Corrupt(path, $"it has {length} bytes, fewer than an Arrow IPC file's {HeaderLength + TrailerLength}");
        Span<byte> word = stackalloc byte[TrailerLength];
        ReadAt(stream, length - TrailerLength, word);
        if (!word[4..].SequenceEqual("ARROW1"u8)) throw Corrupt(path, "it does not end with the ARROW1 magic");
        int footer = BinaryPrimitives.ReadInt32LittleEndian(word);
        long footerStart = length - TrailerLength - footer;
        if (footer <= 0 || footerStart < HeaderLength) throw Corrupt(path, $"the footer declares {footer} bytes in a file of {length}");
        var messages = new Dictionary<long, (long Metadata, long Body)>();
        for (long at = HeaderLength; at < footerStart;)
        {
            long start = at;
            ReadAt(stream, at, word[..8]);
            bool marker = BinaryPrimitives.ReadUInt32LittleEndian(word) == uint.MaxValue;
            int metadata = BinaryPrimitives.ReadInt32LittleEndian(marker ? word[4..] : word);
            at += marker ? 8 : 4;
            if (metadata == 0) break;
            if (metadata < 0 || metadata > footerStart - at) throw Corrupt(path, $"a message declares {metadata} bytes of metadata at byte {at}");
            long body = BodyLength(stream, at, metadata, path);
            if (body < 0 || body > footerStart - at - metadata) throw Corrupt(path, $"a message declares a body of {body} bytes at byte {at}");
            at += metadata + body;
            messages[start] = (at - start - body, body);
        }
        var bytes = new byte[footer];
        ReadAt(stream, footerStart, bytes);
        if (!ArrowMetadataCheck.FooterFits(bytes)) throw Corrupt(path, "the footer declares more entries than it holds");
        CheckBlocks(bytes, messages, path);
    }

    /// <summary>
    /// Checks that every <c>Block</c> (offset: long, metaDataLength: int, bodyLength: long) of the footer's
    /// <c>dictionaries</c> (field 2) and <c>recordBatches</c> (field 3) is a message of the stream: it starts where one
    /// starts and declares that message's lengths (its metadata with the prefix, and its body), which the reader
    /// allocates by.
    /// </summary>
    private static void CheckBlocks(byte[] footer, Dictionary<long, (long Metadata, long Body)> messages, string path)
    {
        const int BlockSize = 24;
        int table = Table(footer, path);
        long vtable = table - (long)BinaryPrimitives.ReadInt32LittleEndian(footer.AsSpan(table));
        if (vtable < 0 || vtable > footer.Length - 4) throw Corrupt(path, "the footer is not a flatbuffer");
        int vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(footer.AsSpan((int)vtable));
        if (vtable + vtableSize > footer.Length) throw Corrupt(path, "the footer is not a flatbuffer");
        for (int field = 2; field <= 3; field++)
        {
            int entry = 4 + 2 * field;
            if (vtableSize < entry + 2 || vtable + entry + 2 > footer.Length) continue;
            int offset = BinaryPrimitives.ReadUInt16LittleEndian(footer.AsSpan((int)vtable + entry));
            if (offset == 0) continue;
            long at = (long)table + offset;
            if (at > footer.Length - 4) throw Corrupt(path, "the footer is not a flatbuffer");
            long vector = at + BinaryPrimitives.ReadUInt32LittleEndian(footer.AsSpan((int)at));
            if (vector > footer.Length - 4) throw Corrupt(path, "the footer is not a flatbuffer");
            long count = BinaryPrimitives.ReadUInt32LittleEndian(footer.AsSpan((int)vector));
            if (count > (footer.Length - vector - 4) / BlockSize) throw Corrupt(path, $"the footer lists {count} blocks, more than it has room for");
            for (long k = 0; k < count; k++)
            {
                var block = footer.AsSpan((int)(vector + 4 + k * BlockSize), BlockSize);
                long blockOffset = BinaryPrimitives.ReadInt64LittleEndian(block);
                if (!messages.TryGetValue(blockOffset, out var message)) throw Corrupt(path, $"the footer points to byte {blockOffset}, where no message starts");
                if (BinaryPrimitives.ReadInt32LittleEndian(block[8..]) != message.Metadata || BinaryPrimitives.ReadInt64LittleEndian(block[16..]) != message.Body)
                    throw Corrupt(path, $"the footer gives the message at byte {blockOffset} other lengths than the message has");
            }
        }
    }

    private static int Table(byte[] bytes, string path)
    {
        int table = bytes.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : -1;
        if (table < 0 || table > bytes.Length - 4) throw Corrupt(path, "the footer is not a flatbuffer");
        return table;
    }

    /// <summary>Field 3 (<c>bodyLength: long</c>) of the <c>Message</c> flatbuffer table at <paramref name="at"/>; 0 when absent.</summary>
    private static long BodyLength(Stream stream, long at, int metadata, string path)
    {
        var bytes = new byte[metadata];
        ReadAt(stream, at, bytes);
        if (!ArrowMetadataCheck.MessageFits(bytes)) throw Corrupt(path, $"a message at byte {at} declares more entries than its metadata holds");
        int table = bytes.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : -1;
        if (table < 0 || table > bytes.Length - 4) throw Corrupt(path, $"a message's metadata at byte {at} is not a flatbuffer");
        long vtable = table - (long)BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(table));
        if (vtable < 0 || vtable > bytes.Length - 4) throw Corrupt(path, $"a message's metadata at byte {at} is not a flatbuffer");
        int vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)vtable));
        // A vtable that claims more bytes than the metadata has would make the reader take entries from beyond it.
        if (vtable + vtableSize > bytes.Length) throw Corrupt(path, $"a message's metadata at byte {at} is not a flatbuffer");
        const int Entry = 4 + 2 * 3;
        if (vtableSize < Entry + 2) return 0;
        int offset = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)vtable + Entry));
        if (offset == 0) return 0;
        if ((long)table + offset + 8 > bytes.Length) throw Corrupt(path, $"a message's metadata at byte {at} is not a flatbuffer");
        return BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(table + offset));
    }

    private static void ReadAt(Stream stream, long at, Span<byte> into)
    {
        stream.Position = at;
        stream.ReadExactly(into);
    }

    private static DataFileException Corrupt(string path, string problem) => new(path, $"not a readable Arrow IPC file: {problem}");
}
