namespace MathForML.Data.Mat;

/// <summary>The data types of a MAT file's data elements (MathWorks, "MAT-File Format", Level 5, table 1-1).</summary>
internal enum MatElementType
{
    Int8 = 1,
    UInt8 = 2,
    Int16 = 3,
    UInt16 = 4,
    Int32 = 5,
    UInt32 = 6,
    Single = 7,
    Double = 9,
    Int64 = 12,
    UInt64 = 13,
    Matrix = 14,
    Compressed = 15,
    Utf8 = 16,
    Utf16 = 17,
    Utf32 = 18,
}

/// <summary>Sizes of the numeric element types.</summary>
internal static class MatElementTypes
{
    /// <summary>The bytes of one value of <paramref name="type"/>, or 0 for a type that holds no numbers.</summary>
    public static int SizeOf(MatElementType type) => type switch
    {
        MatElementType.Int8 or MatElementType.UInt8 => 1,
        MatElementType.Int16 or MatElementType.UInt16 => 2,
        MatElementType.Int32 or MatElementType.UInt32 or MatElementType.Single => 4,
        MatElementType.Double or MatElementType.Int64 or MatElementType.UInt64 => 8,
        _ => 0,
    };
}
