using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using MathForML.Statistics;
using MathForML.Tests.Statistics;

namespace MathForML.Tests.DimensionalityReduction;

public class RandomizedPcaSolverTests
{
    /// <summary>Columns with decaying scales, so Z̃ has a spread but well-resolved spectrum.</summary>
    private static Matrix Decaying(int n, int d, int seed)
    {
        var x = SampleStatisticsTests.Random(n, d, seed, offset: 3);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) x[i, j] *= 1.0 / (1 + 0.2 * j);
        return x;
    }

    [Theory]
    [InlineData(700, 40, 12, 2, false)]   // several chunks, a short last block
    [InlineData(2000, 90, 20, 3, true)]    // with 1/σ scaling
    [InlineData(37, 30, 8, 1, false)]      // fewer rows than one block
    public void FusedPassesGiveTheSameBasisAsSeparatePasses(int n, int d, int l, int q, bool scaled)
    {
        var x = Decaying(n, d, seed: n + d);
        var mean = SampleStatistics.Mean(x).ToArray();
        double[]? inverse = null;
        if (scaled)
        {
            inverse = SampleStatistics.StandardDeviation(x).ToArray();
            for (int j = 0; j < d; j++) inverse[j] = 1 / inverse[j];
        }

        var omega = new double[d * l];
        var random = new Random(7);
        for (int i = 0; i < omega.Length; i++) omega[i] = random.NextDouble() - 0.5;
        var reference = RandomizedPcaSolver.RangeFinder(x, mean, inverse, omega, l, q);
        var fused = RandomizedPcaSolver.GramRangeFinder(x, mean, inverse, omega, l, q);
        Assert.NotNull(fused);
        // Both are Bᵀ = Z̃ᵀQ for the same Q (the Q factor of a QR with positive diagonal is unique).
        double scale = reference.Max(Math.Abs);
        for (int i = 0; i < reference.Length; i++) Assert.True(Math.Abs(fused[i] - reference[i]) <= 1e-9 * scale, $"entry {i}: {fused[i]} vs {reference[i]}");
    }

    [Fact]
    public void RankBelowTheSubspaceFallsBackToSeparatePasses()
    {
        // Rank 3 data (plus the mean): l = 8 > rank, so (Z̃W)ᵀ(Z̃W) is singular.
        int n = 400, d = 20;
        var random = new Random(11);
        var x = new Matrix(n, d);
        for (int i = 0; i < n; i++)
        {
            double a = random.NextDouble(), b = random.NextDouble(), c = random.NextDouble();
            for (int j = 0; j < d; j++) x[i, j] = 1 + a * j + b * Math.Sin(j) + c * (j % 3);
        }

        var omega = new double[d * 8];
        for (int i = 0; i < omega.Length; i++) omega[i] = random.NextDouble() - 0.5;
        var mean = SampleStatistics.Mean(x).ToArray();
        Assert.Null(RandomizedPcaSolver.GramRangeFinder(x, mean, null, omega, 8, 2));

        var randomized = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Randomized, Components = 3, Oversampling = 5 });
        var exact = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance, Components = 3 });
        for (int i = 0; i < 3; i++) Assert.Equal(exact.ExplainedVariance[i], randomized.ExplainedVariance[i], 1e-9 * exact.ExplainedVariance[0]);
    }
}
