using MathForML.LinearAlgebra;
using MathForML.Numerics;
using MathForML.Statistics;

namespace MathForML.Tests.Statistics;

public class FeatureSummaryTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(50, 19)]
    [InlineData(33, 64)]
    [InlineData(200, 101)]
    public void FusedPassMatchesSeparateLoops(int n, int d)
    {
        var x = SampleStatisticsTests.Random(n, d, seed: n * 31 + d);
        // Every third feature constant (value 0.25 or −0 for the first), as MNIST's border pixels.
        for (int j = 0; j < d; j += 3)
            for (int i = 0; i < n; i++) x[i, j] = j == 0 ? -0.0 : 0.25;
        var summary = FeatureSummary.Of(x);
        for (int j = 0; j < d; j++)
        {
            double sum = 0, lo = x[0, j], hi = x[0, j];
            for (int i = 0; i < n; i++)
            {
                sum += x[i, j];
                lo = Math.Min(lo, x[i, j]);
                hi = Math.Max(hi, x[i, j]);
            }

            Assert.Equal(lo == hi, summary.Constant[j]);
            Assert.Equal(summary.Constant[j] ? lo : sum / n, summary.Mean[j], 1e-14);
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteValuesAreRejectedWherever(double bad)
    {
        foreach (int column in new[] { 0, 8, 16, 18 })
        {
            var x = SampleStatisticsTests.Random(5, 19, seed: column);
            x[3, column] = bad;
            var e = Assert.Throws<NonFiniteValueException>(() => FeatureSummary.Of(x));
            Assert.Equal((3, column), (e.Row, e.Column));
        }
    }
}
