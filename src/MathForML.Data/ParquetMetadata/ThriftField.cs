namespace MathForML.Data.ParquetMetadata;

/// <summary>
/// One field of a Parquet metadata struct as a decoder reads it: its kind, and for a list the kind of its elements,
/// for a struct (or a list of structs) the struct's shape.
/// </summary>
internal sealed record ThriftField(short Id, ThriftFieldKind Kind, ThriftFieldKind Element = ThriftFieldKind.Int32, ThriftStruct? Struct = null)
{
    /// <summary>Where a walk stores this field's value (an i32, or 1 for a true bool and 0 for false); -1: nowhere.</summary>
    public int Slot { get; init; } = -1;

    public static ThriftField I32(short id) => new(id, ThriftFieldKind.Int32);

    public static ThriftField I64(short id) => new(id, ThriftFieldKind.Int64);

    public static ThriftField Bin(short id) => new(id, ThriftFieldKind.Binary);

    public static ThriftField Bool(short id) => new(id, ThriftFieldKind.HeaderBool);

    public static ThriftField Of(short id, ThriftStruct shape) => new(id, ThriftFieldKind.Struct, Struct: shape);

    public static ThriftField ListOf(short id, ThriftStruct shape) => new(id, ThriftFieldKind.List, ThriftFieldKind.Struct, shape);

    public static ThriftField ListOf(short id, ThriftFieldKind element) => new(id, ThriftFieldKind.List, element);
}

/// <summary>A Parquet metadata struct's shape: its fields by id (ids the decoder does not know are skipped by wire type).</summary>
internal sealed class ThriftStruct(string name, params ThriftField[] fields)
{
    private readonly Dictionary<short, ThriftField> _fields = fields.ToDictionary(f => f.Id);

    public string Name { get; } = name;

    public ThriftField? Field(short id) => _fields.GetValueOrDefault(id);
}
