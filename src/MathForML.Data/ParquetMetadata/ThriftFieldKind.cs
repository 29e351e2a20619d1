namespace MathForML.Data.ParquetMetadata;

/// <summary>
/// How a decoder reads one field of a Parquet metadata struct (Apache Parquet format, <c>parquet.thrift</c>): by its
/// declared type, whatever type the field's header on the wire claims.
/// </summary>
internal enum ThriftFieldKind : byte
{
    /// <summary>An i16 or i32: one zigzag varint.</summary>
    Int32,

    /// <summary>An i64: one zigzag varint.</summary>
    Int64,

    /// <summary>A single byte (i8).</summary>
    Byte,

    /// <summary>A double: eight bytes.</summary>
    Double,

    /// <summary>A string or binary: a varint length, then that many bytes.</summary>
    Binary,

    /// <summary>A bool field of a struct: its value is the field header's type (nothing more is read).</summary>
    HeaderBool,

    /// <summary>A nested struct.</summary>
    Struct,

    /// <summary>A list: a header (size and element type, size 15 meaning a varint follows), then the elements.</summary>
    List,

    /// <summary>A bool inside a list: one byte.</summary>
    ListBool,
}
