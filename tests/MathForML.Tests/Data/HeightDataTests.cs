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
    public void TheCoursesSteepestDescentImprovesChiSquaredAtEveryStepOnTheSyntheticSampleToo()
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

    private static double[] Stored(string name) => NpyFile.Read<double>(ReferenceData.PathOf("heights", name + ".npy")).Data;

    [Fact]
    public void TheCoursesHistogramIsTheCoursesToTheBit()
    {
        var h = HeightData.CourseHistogram();
        Assert.Equal(100, h.Frequencies.Length);
        Assert.Equal(50, h.BinEdges[0]);
        Assert.Equal(300, h.BinEdges[^1]);
        Assert.Equal(Stored("x").Select(BitConverter.DoubleToInt64Bits), h.Centers.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(Stored("y").Select(BitConverter.DoubleToInt64Bits), h.Frequencies.Select(BitConverter.DoubleToInt64Bits));
        var nonZero = Enumerable.Range(0, 100).Where(k => h.Frequencies[k] != 0).ToArray();
        Assert.Equal(16, nonZero.Length);
        Assert.Equal(161.25, h.Centers[nonZero[0]]);
        Assert.Equal(198.75, h.Centers[nonZero[^1]]);
        Assert.Equal(1, h.Frequencies.Sum() * 2.5, 14);
        Assert.Equal(0.132 / 0.995 / 2.5, h.Frequencies.Max());
    }

    [Fact]
    public void TheCoursesDescentEndsAtTheCoursesNumbers()
    {
        // The course's notebook: 50 steps from (155, 6) at aggression 2000 end at μ = 178.51982404192677,
        // σ = 7.549907722008972. Our derivatives are symbolic and our sums sequential where NumPy's @ runs BLAS's ddot,
        // so the last bits could differ: 1e-12 relative is asked (today the end point is equal to the bit).
        var fit = HeightData.CourseFit(HeightData.CourseHistogram());
        Assert.Equal(51, fit.Path.Count);
        Assert.True(Math.Abs(fit.Parameters[0] / 178.51982404192677 - 1) < 1e-12, $"μ = {fit.Parameters[0]:R}");
        Assert.True(Math.Abs(fit.Parameters[1] / 7.549907722008972 - 1) < 1e-12, $"σ = {fit.Parameters[1]:R}");
        var path = Stored("path");
        var chi2 = Stored("chi2");
        for (int k = 0; k < fit.Path.Count; k++)
        {
            Assert.True(Math.Abs(fit.Path[k][0] / path[2 * k] - 1) < 1e-12, $"step {k}: μ {fit.Path[k][0]:R} vs {path[2 * k]:R}");
            Assert.True(Math.Abs(fit.Path[k][1] / path[(2 * k) + 1] - 1) < 1e-12, $"step {k}: σ {fit.Path[k][1]:R} vs {path[(2 * k) + 1]:R}");
            Assert.True(Math.Abs(fit.PathResidualSumOfSquares[k] / chi2[k] - 1) < 1e-10, $"step {k}: χ² {fit.PathResidualSumOfSquares[k]:R} vs {chi2[k]:R}");
            if (k > 0) Assert.True(fit.PathResidualSumOfSquares[k] < fit.PathResidualSumOfSquares[k - 1], $"χ² rose at step {k}");
        }
    }

    [Fact]
    public void ChiSquaredIsTheSumOfSquaresTheCoursesDescentReports()
    {
        var h = HeightData.CourseHistogram();
        var fit = HeightData.CourseFit(h);
        foreach (int k in new[] { 0, 1, 25, 50 })
        {
            double chi2 = HeightData.ChiSquared(h, fit.Path[k][0], fit.Path[k][1]);
            Assert.True(Math.Abs(chi2 / fit.PathResidualSumOfSquares[k] - 1) < 1e-12, $"step {k}: {chi2:R} vs {fit.PathResidualSumOfSquares[k]:R}");
        }
        Assert.True(double.IsNaN(HeightData.ChiSquared(h, 170, 0)));
        Assert.True(double.IsNaN(HeightData.ChiSquared(h, 170, -1)));
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
