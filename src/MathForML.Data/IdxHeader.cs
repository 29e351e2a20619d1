namespace MathForML.Data;

/// <summary>The header of an IDX file: element type, dimensions, and where the data starts.</summary>
/// <param name="DataType">The element type.</param>
/// <param name="Shape">The dimensions, outermost first (e.g. 10000, 28, 28).</param>
public sealed record IdxHeader(IdxDataType DataType, IReadOnlyList<int> Shape)
{
    /// <summary>Bytes before the data: 4 for the magic number and 4 per dimension.</summary>
    public int DataOffset => 4 + 4 * Shape.Count;

    /// <summary>The product of the dimensions.</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, b) => checked(a * b));

    /// <summary>Bytes per element.</summary>
    public int ElementSize => SizeOf(DataType);

    /// <summary>Bytes of data the header promises.</summary>
    public long DataBytes => checked(ElementCount * ElementSize);

    /// <summary>Bytes per element of <paramref name="type"/>.</summary>
    public static int SizeOf(IdxDataType type) => type switch
    {
        IdxDataType.UInt8 or IdxDataType.Int8 => 1,
        IdxDataType.Int16 => 2,
        IdxDataType.Int32 or IdxDataType.Float32 => 4,
        IdxDataType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an IDX element type."),
    };
}
