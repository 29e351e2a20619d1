using MathForML.DimensionalityReduction;
using MathForML.Distributed.DimensionalityReduction;
using MathForML.LinearAlgebra;
using MathForML.Randomness;

namespace MathForML.Distributed.Tests.DimensionalityReduction;

/// <summary><see cref="DistributedPca"/> with the ranks as threads against <see cref="Pca.Fit"/> (covariance solver).</summary>
public sealed class InProcessPcaTests
{
    [Theory]
    [InlineData(500, 30, 8, 1)]
    [InlineData(500, 30, 8, 2)]
    [InlineData(101, 12, 12, 3)]
    [InlineData(2, 5, 1, 3)]   // rank 0 holds no row
    public void Every_rank_gets_the_single_process_fit(int rows, int features, int components, int ranks)
    {
        var x = Data(rows, features);
        var single = Pca.Fit(x, new PcaOptions { Components = components, Solver = PcaSolver.Covariance });
        var fits = ThreadGroup.Run(ranks, world =>
        {
            int first = rows * world.Rank / world.Size, end = rows * (world.Rank + 1) / world.Size;
            return DistributedPca.Fit(world, x.SliceRows(first..end), components);
        });
        foreach (var fit in fits)
        {
            Assert.Equal(rows, fit.Samples);
            Assert.Equal(single.ConstantFeatures, fit.ConstantFeatures);
            Assert.Equal(single.TotalVariance, fit.TotalVariance, 1e-10 * single.TotalVariance);
            for (int i = 0; i < features; i++) Assert.Equal(single.Eigenvalues[i], fit.Eigenvalues[i], 1e-10 * single.Eigenvalues[0]);
            for (int j = 0; j < features; j++) Assert.Equal(single.Mean[j], fit.Mean[j], 1e-12);
            for (int q = 0; q < components; q++)
            {
                double sign = Math.Sign(Dot(single.Components.RowSpan(q), fit.Components.RowSpan(q)));
                for (int j = 0; j < features; j++) Assert.Equal(single.Components[q, j], sign * fit.Components[q, j], 1e-8);
            }

            Assert.Equal(fits[0].Components.AsSpan().ToArray(), fit.Components.AsSpan().ToArray());   // rank 0's, broadcast
        }
    }

    [Theory]
    [InlineData(400, 60, 5, 2)]
    [InlineData(137, 40, 3, 3)]
    public void The_randomized_solver_across_ranks_is_the_single_process_one(int rows, int features, int components, int ranks)
    {
        var x = Data(rows, features);
        var options = new PcaOptions { Components = components, Solver = PcaSolver.Randomized, Seed = 4 };
        var single = Pca.Fit(x, options);
        var fits = ThreadGroup.Run(ranks, world =>
            DistributedPca.Fit(world, x.SliceRows((rows * world.Rank / world.Size)..(rows * (world.Rank + 1) / world.Size)), options));
        foreach (var fit in fits)
        {
            Assert.Equal(PcaSolver.Randomized, fit.Solver);
            Assert.Equal(single.TotalVariance, fit.TotalVariance, 1e-10 * single.TotalVariance);
            for (int i = 0; i < components; i++) Assert.Equal(single.Eigenvalues[i], fit.Eigenvalues[i], 1e-10 * single.Eigenvalues[0]);
            for (int q = 0; q < components; q++)
            {
                double sign = Math.Sign(Dot(single.Components.RowSpan(q), fit.Components.RowSpan(q)));
                for (int j = 0; j < features; j++) Assert.Equal(single.Components[q, j], sign * fit.Components[q, j], 1e-8);
            }
        }
    }

    [Fact]
    public void NaN_on_one_rank_ends_every_rank()
    {
        var x = Data(40, 4);
        x[30, 2] = double.NaN;
        var outcomes = ThreadGroup.Outcomes(2, world => DistributedPca.Fit(world, x.SliceRows((20 * world.Rank)..(20 * world.Rank + 20)), 2));
        Assert.Equal(1, Assert.IsType<RankFailedException>(outcomes[1].Failure).Rank);
        Assert.IsType<PeerRankFailedException>(outcomes[0].Failure);
    }

    private static Matrix Data(int rows, int features)
    {
        var random = new SeededRandom(7);
        var x = new Matrix(rows, features);
        for (int i = 0; i < rows; i++)
        {
            double common = random.NextGaussian();
            for (int j = 0; j < features; j++) x[i, j] = j == 1 ? -4 : (j % 4 + 1) * common + random.NextGaussian() * (1 + j % 3);
        }

        return x;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
