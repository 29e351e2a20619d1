namespace MathForML.Data;

/// <summary>The element types MathForML reads and writes in NumPy <c>.npy</c> files (little-endian).</summary>
public enum NpyDataType
{
    /// <summary><c>&lt;f8</c>: IEEE double.</summary>
    Float64,

    /// <summary><c>&lt;f4</c>: IEEE single.</summary>
    Float32,

    /// <summary><c>&lt;i4</c>: 32-bit signed integer.</summary>
    Int32,

    /// <summary><c>&lt;i8</c>: 64-bit signed integer.</summary>
    Int64,

    /// <summary><c>|u1</c>: unsigned byte (images).</summary>
    UInt8,
}
