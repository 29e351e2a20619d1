namespace MathForML.Data.ParquetMetadata;

/// <summary>
/// The values of a Parquet <c>PageHeader</c> that the page check needs, as <see cref="ParquetMetadataCheck"/> reads
/// them (the last when a field repeats, as the decoder keeps it).
/// </summary>
internal static class PageHeaderSlots
{
    /// <summary>Page type (field 1): 0 data, 2 dictionary, 3 data v2.</summary>
    public const int Type = 0;

    /// <summary>Uncompressed page size (field 2), levels included.</summary>
    public const int Uncompressed = 1;

    /// <summary>Compressed page size (field 3).</summary>
    public const int Compressed = 2;

    /// <summary><c>DataPageHeaderV2.definition_levels_byte_length</c> (field 5): stored before the compressed values.</summary>
    public const int DefinitionLevelBytes = 3;

    /// <summary><c>DataPageHeaderV2.repetition_levels_byte_length</c> (field 6): stored before the compressed values.</summary>
    public const int RepetitionLevelBytes = 4;

    /// <summary><c>DataPageHeaderV2.is_compressed</c> (field 7): 1 true (the default), 0 false.</summary>
    public const int IsCompressed = 5;

    /// <summary>How many slots there are.</summary>
    public const int Count = 6;

    /// <summary>The slots before a walk: every value absent (0) but <see cref="IsCompressed"/> (true).</summary>
    public static void Reset(Span<long> slots)
    {
        slots.Clear();
        slots[IsCompressed] = 1;
    }
}
