using static MathForML.Data.ParquetMetadata.ThriftField;
using Kind = MathForML.Data.ParquetMetadata.ThriftFieldKind;

namespace MathForML.Data.ParquetMetadata;

/// <summary>
/// The shapes of the Parquet metadata structs as Parquet.Net 6.1 decodes them (Apache Parquet format,
/// <c>src/main/thrift/parquet.thrift</c>; Parquet.Net's generated <c>Parquet/Meta/Parquet.cs</c>): the footer
/// (<see cref="FileMetaData"/>) and each page's header (<see cref="PageHeader"/>), with every struct they reach.
/// Field ids it does not list are skipped by wire type.
/// </summary>
internal static class ParquetMetadataShapes
{
    private static readonly ThriftStruct Empty = new("(empty)");

    private static readonly ThriftStruct Statistics = new(
        "Statistics", Bin(1), Bin(2), I64(3), I64(4), Bin(5), Bin(6), Bool(7), Bool(8));

    private static readonly ThriftStruct SizeStatistics = new(
        "SizeStatistics", I64(1), ListOf(2, Kind.Int64), ListOf(3, Kind.Int64));

    private static readonly ThriftStruct BoundingBox = new(
        "BoundingBox", Dbl(1), Dbl(2), Dbl(3), Dbl(4), Dbl(5), Dbl(6), Dbl(7), Dbl(8));

    private static readonly ThriftStruct GeospatialStatistics = new(
        "GeospatialStatistics", Of(1, BoundingBox), ListOf(2, Kind.Int32));

    private static readonly ThriftStruct TimeUnit = new("TimeUnit", Of(1, Empty), Of(2, Empty), Of(3, Empty));

    private static readonly ThriftStruct LogicalType = new(
        "LogicalType",
        Of(1, Empty), Of(2, Empty), Of(3, Empty), Of(4, Empty),
        Of(5, new ThriftStruct("DecimalType", I32(1), I32(2))),
        Of(6, Empty),
        Of(7, new ThriftStruct("TimeType", Bool(1), Of(2, TimeUnit))),
        Of(8, new ThriftStruct("TimestampType", Bool(1), Of(2, TimeUnit))),
        Of(10, new ThriftStruct("IntType", new ThriftField(1, Kind.Byte), Bool(2))),
        Of(11, Empty), Of(12, Empty), Of(13, Empty), Of(14, Empty), Of(15, Empty),
        Of(16, new ThriftStruct("VariantType", new ThriftField(1, Kind.Byte))),
        Of(17, new ThriftStruct("GeometryType", Bin(1))),
        Of(18, new ThriftStruct("GeographyType", Bin(1), I32(2))));

    private static readonly ThriftStruct SchemaElement = new(
        "SchemaElement", I32(1), I32(2), I32(3), Bin(4), I32(5), I32(6), I32(7), I32(8), I32(9), Of(10, LogicalType));

    private static readonly ThriftStruct KeyValue = new("KeyValue", Bin(1), Bin(2));

    private static readonly ThriftStruct ColumnMetaData = new(
        "ColumnMetaData",
        I32(1), ListOf(2, Kind.Int32), ListOf(3, Kind.Binary), I32(4), I64(5), I64(6), I64(7), ListOf(8, KeyValue),
        I64(9), I64(10), I64(11), Of(12, Statistics),
        ListOf(13, new ThriftStruct("PageEncodingStats", I32(1), I32(2), I32(3))),
        I64(14), I32(15), Of(16, SizeStatistics), Of(17, GeospatialStatistics));

    private static readonly ThriftStruct ColumnCryptoMetaData = new(
        "ColumnCryptoMetaData", Of(1, Empty), Of(2, new ThriftStruct("EncryptionWithColumnKey", ListOf(1, Kind.Binary), Bin(2))));

    private static readonly ThriftStruct ColumnChunk = new(
        "ColumnChunk", Bin(1), I64(2), Of(3, ColumnMetaData), I64(4), I32(5), I64(6), I32(7), Of(8, ColumnCryptoMetaData), Bin(9));

    private static readonly ThriftStruct RowGroup = new(
        "RowGroup",
        ListOf(1, ColumnChunk), I64(2), I64(3), ListOf(4, new ThriftStruct("SortingColumn", I32(1), Bool(2), Bool(3))),
        I64(5), I64(6), I32(7));

    private static readonly ThriftStruct AesGcm = new("AesGcm", Bin(1), Bin(2), Bool(3));

    private static readonly ThriftStruct EncryptionAlgorithm = new("EncryptionAlgorithm", Of(1, AesGcm), Of(2, AesGcm));

    /// <summary>The footer: <c>FileMetaData</c>.</summary>
    public static readonly ThriftStruct FileMetaData = new(
        "FileMetaData",
        I32(1), ListOf(2, SchemaElement), I64(3), ListOf(4, RowGroup), ListOf(5, KeyValue), Bin(6),
        ListOf(7, new ThriftStruct("ColumnOrder", Of(1, Empty))), Of(8, EncryptionAlgorithm), Bin(9));

    /// <summary>
    /// The header before each page of a column chunk: <c>PageHeader</c>, its values kept in the slots of
    /// <see cref="PageHeaderSlots"/>.
    /// </summary>
    public static readonly ThriftStruct PageHeader = new(
        "PageHeader",
        I32(1) with { Slot = PageHeaderSlots.Type }, I32(2) with { Slot = PageHeaderSlots.Uncompressed },
        I32(3) with { Slot = PageHeaderSlots.Compressed }, I32(4),
        Of(5, new ThriftStruct("DataPageHeader", I32(1), I32(2), I32(3), I32(4), Of(5, Statistics))),
        Of(6, Empty),
        Of(7, new ThriftStruct("DictionaryPageHeader", I32(1), I32(2), Bool(3))),
        Of(8, new ThriftStruct(
            "DataPageHeaderV2", I32(1), I32(2), I32(3), I32(4), I32(5) with { Slot = PageHeaderSlots.DefinitionLevelBytes },
            I32(6) with { Slot = PageHeaderSlots.RepetitionLevelBytes }, Bool(7) with { Slot = PageHeaderSlots.IsCompressed }, Of(8, Statistics))));

    private static ThriftField Dbl(short id) => new(id, Kind.Double);
}
