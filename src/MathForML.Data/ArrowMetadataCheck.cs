namespace MathForML.Data;

/// <summary>
/// Checks the counts in an Arrow IPC <c>Message</c> or <c>Footer</c> flatbuffer (Arrow columnar format, <c>Message.fbs</c>
/// and <c>Schema.fbs</c>) before Apache.Arrow sizes lists by them: a record batch's <c>nodes</c> and <c>buffers</c>
/// (16-byte structs) and <c>variadicBufferCounts</c> (longs), a schema's <c>fields</c>, each field's <c>children</c> and
/// every <c>custom_metadata</c> (tables) must fit in the bytes that hold them. Apache.Arrow 23 allocated 24 MB for a
/// record batch whose node count was corrupt (<c>new List&lt;IArrowArray&gt;(NodesLength)</c>).
/// </summary>
internal static class ArrowMetadataCheck
{
    private const int MaxDepth = 64;
    private const byte SchemaHeader = 1, DictionaryBatchHeader = 2, RecordBatchHeader = 3;

    /// <summary>
    /// True when a <c>Message</c>'s counts fit (fields: 1 header type, 2 header, 4 custom_metadata; a
    /// <c>DictionaryBatch</c>'s field 1 is its record batch).
    /// </summary>
    public static bool MessageFits(ReadOnlySpan<byte> bytes)
    {
        var fb = new FlatbufferTables(bytes);
        int message = fb.Root();
        if (message < 0 || !TablesFit(fb, message, 4, 0)) return false;
        int header = fb.Table(message, 2);
        return fb.Byte(message, 1) switch
        {
            SchemaHeader => SchemaFits(fb, header),
            RecordBatchHeader => RecordBatchFits(fb, header),
            DictionaryBatchHeader => header >= 0 && RecordBatchFits(fb, fb.Table(header, 1)),
            _ => true,
        };
    }

    /// <summary>True when a <c>Footer</c>'s schema (field 1) and custom_metadata (field 4) counts fit.</summary>
    public static bool FooterFits(ReadOnlySpan<byte> bytes)
    {
        var fb = new FlatbufferTables(bytes);
        int footer = fb.Root();
        return footer >= 0 && SchemaFits(fb, fb.Table(footer, 1)) && TablesFit(fb, footer, 4, 0);
    }

    /// <summary><c>RecordBatch</c>: 1 nodes, 2 buffers (16-byte structs), 4 variadicBufferCounts (longs).</summary>
    private static bool RecordBatchFits(FlatbufferTables fb, int batch) =>
        batch == FlatbufferTables.Absent || (batch >= 0 && fb.TryVector(batch, 1, 16, out _, out _) && fb.TryVector(batch, 2, 16, out _, out _) && fb.TryVector(batch, 4, 8, out _, out _));

    /// <summary><c>Schema</c>: 1 fields, 2 custom_metadata.</summary>
    private static bool SchemaFits(FlatbufferTables fb, int schema) =>
        schema == FlatbufferTables.Absent || (schema >= 0 && FieldsFit(fb, schema, 1, 0) && TablesFit(fb, schema, 2, 0));

    /// <summary>A vector of <c>Field</c> tables, each with its children (5) and custom_metadata (6), nested at most 64 deep.</summary>
    private static bool FieldsFit(FlatbufferTables fb, int table, int field, int depth)
    {
        if (depth > MaxDepth || !fb.TryVector(table, field, 4, out int start, out int count)) return false;
        for (int i = 0; i < count; i++)
        {
            int child = fb.Element(start, i);
            if (child < 0 || !(FieldsFit(fb, child, 5, depth + 1) && TablesFit(fb, child, 6, depth + 1))) return false;
        }
        return true;
    }

    private static bool TablesFit(FlatbufferTables fb, int table, int field, int depth) =>
        depth <= MaxDepth && fb.TryVector(table, field, 4, out _, out _);
}
