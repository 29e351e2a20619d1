using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

/// <summary><see cref="SmallestK"/> is scalar (no paths): checked against sorting by (value, index).</summary>
public class SmallestKTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    [InlineData(100, 7)]
    [InlineData(100, 100)]
    [InlineData(500, 80)]
    public void SelectKeepsTheSmallestEarlierFirstOnTies(int n, int k)
    {
        var random = new Random(n + k);
        var values = Enumerable.Range(0, n).Select(_ => (double)random.Next(n / 3 + 1)).ToArray();   // many ties
        var best = new int[k];
        SmallestK.Select<double>(values, best);
        var expected = Enumerable.Range(0, n).OrderBy(i => values[i]).ThenBy(i => i).Take(k);
        Assert.Equal(expected, best);
    }

    /// <summary>Offered out of index order (as the kNN re-ranking does), ties still go to the smaller index.</summary>
    [Fact]
    public void OfferOrdersByValueThenIndex()
    {
        var random = new Random(5);
        var pairs = Enumerable.Range(0, 200).Select(i => (Value: (double)random.Next(20), Index: i)).OrderBy(_ => random.Next()).ToArray();
        var keys = new double[12];
        var indices = new int[12];
        int count = 0;
        foreach (var (value, index) in pairs) count = SmallestK.Offer<double>(keys, indices, count, value, index);
        var expected = pairs.OrderBy(p => p.Value).ThenBy(p => p.Index).Take(12).ToArray();
        Assert.Equal(12, count);
        Assert.Equal(expected.Select(p => p.Index), indices);
        Assert.Equal(expected.Select(p => p.Value), keys);
    }

    [Fact]
    public void NaNNeverEntersAFullList()
    {
        var keys = new[] { 1.0, 2.0 };
        var indices = new[] { 0, 1 };
        Assert.Equal(2, SmallestK.Offer<double>(keys, indices, 2, double.NaN, 2));
        Assert.Equal([0, 1], indices);
    }
}
