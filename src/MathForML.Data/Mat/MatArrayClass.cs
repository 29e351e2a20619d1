namespace MathForML.Data.Mat;

/// <summary>
/// The class of a MATLAB array (the <c>mxCLASS</c> byte of its array flags), from MathWorks, "MAT-File Format",
/// Level 5, table 1-3. Only the numeric classes hold values this library reads; the others are listed by name.
/// </summary>
public enum MatArrayClass
{
    /// <summary>A class number not in the format's table.</summary>
    Unknown = 0,

    /// <summary><c>mxCELL_CLASS</c>.</summary>
    Cell = 1,

    /// <summary><c>mxSTRUCT_CLASS</c>.</summary>
    Struct = 2,

    /// <summary><c>mxOBJECT_CLASS</c>.</summary>
    Object = 3,

    /// <summary><c>mxCHAR_CLASS</c>.</summary>
    Char = 4,

    /// <summary><c>mxSPARSE_CLASS</c>.</summary>
    Sparse = 5,

    /// <summary><c>mxDOUBLE_CLASS</c>.</summary>
    Double = 6,

    /// <summary><c>mxSINGLE_CLASS</c>.</summary>
    Single = 7,

    /// <summary><c>mxINT8_CLASS</c>.</summary>
    Int8 = 8,

    /// <summary><c>mxUINT8_CLASS</c>.</summary>
    UInt8 = 9,

    /// <summary><c>mxINT16_CLASS</c>.</summary>
    Int16 = 10,

    /// <summary><c>mxUINT16_CLASS</c>.</summary>
    UInt16 = 11,

    /// <summary><c>mxINT32_CLASS</c>.</summary>
    Int32 = 12,

    /// <summary><c>mxUINT32_CLASS</c>.</summary>
    UInt32 = 13,

    /// <summary><c>mxINT64_CLASS</c>.</summary>
    Int64 = 14,

    /// <summary><c>mxUINT64_CLASS</c>.</summary>
    UInt64 = 15,
}
