using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(TileMerge))]
public class TileMergeTests
{
    /// <summary>
    /// Rows merged on any path keep exactly what offering every score one by one keeps (keys and indices to the bit),
    /// starting from a list of +∞ with index −1, as the kNN screen does; integer-valued scores make many ties.
    /// </summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void KeepsWhatOneByOneOffersKeep(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int width in KernelTestData.Lengths.Where(n => n > 0))
            foreach (int c in new[] { 1, 5, 17 })
            {
                var random = new Random(width * 31 + c);
                var (keys, indices) = (Enumerable.Repeat(float.PositiveInfinity, c).ToArray(), Enumerable.Repeat(-1, c).ToArray());
                var (expectedKeys, expectedIndices) = ((float[])keys.Clone(), (int[])indices.Clone());
                for (int row = 0; row < 6; row++)
                {
                    var tile = Enumerable.Range(0, width).Select(_ => (float)random.Next(-40, 10)).ToArray();
                    var norms = Enumerable.Range(0, width + 2).Select(_ => (float)random.Next(0, 30)).ToArray();
                    int first = row * width;
                    for (int t = 0; t < width; t++)
                        SmallestK.Offer<float>(expectedKeys, expectedIndices, c, tile[t] + norms[t], first + t);
                    TileMerge.Merge<float>(tile, norms, first, keys, indices, path);
                    Assert.Equal(expectedKeys, keys);
                    Assert.Equal(expectedIndices, indices);
                }
            }
    }

    [Fact]
    public void BadListsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => TileMerge.Merge<float>(new float[4], new float[3], 0, new float[2], new int[2], KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => TileMerge.Merge<float>(new float[4], new float[4], 0, new float[2], new int[1], KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => TileMerge.Merge<float>(new float[4], new float[4], 0, [], [], KernelPath.Scalar));
    }
}
