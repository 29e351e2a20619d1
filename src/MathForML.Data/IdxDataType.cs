namespace MathForML.Data;

/// <summary>Element types of the IDX format (the third byte of its magic number).</summary>
public enum IdxDataType : byte
{
    /// <summary>Unsigned byte (MNIST's pixels and labels).</summary>
    UInt8 = 0x08,

    /// <summary>Signed byte.</summary>
    Int8 = 0x09,

    /// <summary>Big-endian 16-bit integer.</summary>
    Int16 = 0x0B,

    /// <summary>Big-endian 32-bit integer.</summary>
    Int32 = 0x0C,

    /// <summary>Big-endian IEEE single.</summary>
    Float32 = 0x0D,

    /// <summary>Big-endian IEEE double.</summary>
    Float64 = 0x0E,
}
