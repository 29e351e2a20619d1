using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.DimensionalityReduction;

/// <summary>The stored 500-digit MNIST subset (Reference/mnist, see its README) with pixels in [0, 1].</summary>
internal static class MnistSubset
{
    private static readonly Lazy<(Matrix X, int[] Y)> Data = new(() =>
    {
        var x = NpyFile.ReadMatrix(ReferenceData.PathOf("mnist", "mnist500-x.npy")) / 255.0;
        var (_, y) = NpyFile.Read<int>(ReferenceData.PathOf("mnist", "mnist500-y.npy"));
        return (x, y);
    });

    public static Matrix Images => Data.Value.X.Clone();

    public static int[] Labels => Data.Value.Y;

    public static string ImagesPath => ReferenceData.PathOf("mnist", "mnist500-x.npy");

    public static string LabelsPath => ReferenceData.PathOf("mnist", "mnist500-y.npy");
}
