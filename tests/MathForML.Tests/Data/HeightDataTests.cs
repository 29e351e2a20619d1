using MathForML.Data;
using MathForML.Numerics;
using MathForML.Statistics;

namespace MathForML.Tests.Data;

public class HeightDataTests
{
    [Fact]
    public void TheSampleIsSeededAndRealistic()
    {
        var a = HeightData.Sample();
        Assert.Equal(a, HeightData.Sample());
        Assert.NotEqual(a, HeightData.Sample(seed: 1));
        Assert.Equal(HeightData.DefaultCount, a.Length);
        double mean = a.Average(), sd = Math.Sqrt(a.Sum(h => (h - mean) * (h - mean)) / (a.Length - 1));
        Assert.InRange(mean, 168, 170.5);
        Assert.InRange(sd, 9, 10);
        Assert.InRange(a.Min(), 130, 155);
        Assert.InRange(a.Max(), 190, 215);
    }

    [Fact]
    public void TheDensityHistogramIntegratesToOne()
    {
        var h = HeightData.DensityHistogram();
        Assert.Equal(h.Frequencies.Length + 1, h.BinEdges.Length);
        Assert.Equal(1, h.Frequencies.Sum() * HeightData.DefaultBinWidth, 12);
        Assert.All(h.BinEdges.Zip(h.BinEdges.Skip(1)), p => Assert.Equal(HeightData.DefaultBinWidth, p.Second - p.First, 9));
        var counts = Histogram.Counts([1, 1.5, 2, 2.9, 3], 1);
        Assert.Equal([1, 2, 3, 4], counts.BinEdges);
        Assert.Equal([2, 2, 1], counts.Frequencies);
    }

    [Fact]
    public void TheCoursesSteepestDescentImprovesChiSquaredAtEveryStep()
    {
        var fit = HeightData.CourseFit(HeightData.DensityHistogram());
        Assert.Equal(51, fit.Path.Count);
        Assert.Equal([155.0, 6.0], fit.Path[0]);
        for (int k = 1; k < fit.PathResidualSumOfSquares.Count; k++)
            Assert.True(fit.PathResidualSumOfSquares[k] < fit.PathResidualSumOfSquares[k - 1], $"step {k}");
        Assert.True(fit.PathResidualSumOfSquares[^1] < fit.PathResidualSumOfSquares[0] / 100);
        Assert.Equal(169.0, fit.Parameters[0], 0.5);
        Assert.Equal(10.3, fit.Parameters[1], 0.5);
    }

    [Fact]
    public void TheHistogramRejectsNonFiniteValues()
    {
        var e = Assert.Throws<NonFiniteValueException>(() => Histogram.Counts([1, 2, double.NaN], 1));
        Assert.Equal(("values", 2), (e.ParamName, e.Row));
        Assert.Throws<NonFiniteValueException>(() => Histogram.Density([double.PositiveInfinity], 1));
    }

    [Fact]
    public void TheSampleComesFromSeededRandom()
    {
        // Women at even indices: N(162.5, 6.5²) of the stream's normal draws; the seed is a ulong.
        var a = HeightData.Sample(4, seed: ulong.MaxValue);
        Assert.Equal(a, HeightData.Sample(4, seed: ulong.MaxValue));
        Assert.All(a, h => Assert.InRange(h, 100, 250));
    }
}
