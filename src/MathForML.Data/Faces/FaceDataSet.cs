using MathForML.LinearAlgebra;

namespace MathForML.Data.Faces;

/// <summary>
/// The Olivetti faces as scikit-learn's <c>fetch_olivetti_faces()</c> gives them: <see cref="Images"/> is 400×4096,
/// one 64×64 image a row (row by row, so <c>Images.Row(i)</c> reshaped 64×64 is upright), grey levels scaled to
/// [0, 1]; <see cref="Targets"/> the person, 0…39, ten pictures each in order.
/// </summary>
public sealed class FaceDataSet
{
    internal FaceDataSet(Matrix images, int[] targets, string source)
    {
        Images = images;
        Targets = targets;
        Source = source;
    }

    /// <summary>The faces, N×4096.</summary>
    public Matrix Images { get; }

    /// <summary>The person in each picture, 0…39.</summary>
    public int[] Targets { get; }

    /// <summary>Where the file came from: the cache path, or the URL it was downloaded from.</summary>
    public string Source { get; }

    /// <summary>N, the number of pictures (400).</summary>
    public int Count => Targets.Length;

    /// <summary>Picture <paramref name="index"/> as a 64×64 matrix, row 0 at the top.</summary>
    public Matrix Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var image = new Matrix(OlivettiFaces.Side, OlivettiFaces.Side);
        Images.RowSpan(index).CopyTo(image.AsSpan());
        return image;
    }
}
