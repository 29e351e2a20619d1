using System.Text.Json;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using MathForML.Randomness;

namespace MathForML.Distributed.Tests.DimensionalityReduction;

/// <summary>
/// <c>mpirun -np P mml pca --data X.npy</c> (each rank reading its own rows of the file) against the single process's
/// <see cref="Pca.Fit"/> with the covariance solver: eigenvalues to 1e-10 relative, the mean to 1e-12, the components
/// up to sign to 1e-8; a rank may hold no rows at all.
/// </summary>
public sealed class DistributedPcaTests
{
    [MpiFact]
    public void Two_ranks_equal_one_process() => Check(rows: 1201, features: 37, components: 6, ranks: 2);

    [MpiFact]
    public void Two_ranks_with_the_randomized_solver_equal_one_process() => Check(rows: 900, features: 50, components: 4, ranks: 2, PcaSolver.Randomized);

    [MpiFact]
    public void Three_ranks_equal_one_process_even_with_a_rank_without_rows() => Check(rows: 2, features: 9, components: 1, ranks: 3);   // rank 0 reads rows [0, 0): none; two samples have one principal direction

    [MpiFact]
    public void What_needs_all_rows_in_one_process_is_refused_with_one_line()
    {
        using var dir = new TempFolder();
        NpyFile.Write(dir.File("x.npy"), Data(20, 4));
        var run = MpiRun.Mml(2, ["pca", "--data", "x.npy", "--out-reconstruction", "r.npy"], dir.Path);
        Assert.Equal(2, run.Code);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("mml: error: --out-reconstruction is not available under mpirun: the ranks fit the covariance or randomized solver over their own rows (mean, components, eigenvalues); run it in one process.", line);
        Assert.False(File.Exists(dir.File("r.npy")));
    }

    [MpiFact]
    public void Too_many_components_is_one_line_from_rank_0_naming_the_flag()
    {
        using var dir = new TempFolder();
        NpyFile.Write(dir.File("x.npy"), Data(20, 4));
        var run = MpiRun.Mml(3, ["pca", "--data", "x.npy", "--components", "9"], dir.Path);
        Assert.Equal(2, run.Code);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("mml: error: --components must be between 1 and min(N, D) = 4 for 20×4 data; got 9.", line);
    }

    private static void Check(int rows, int features, int components, int ranks, PcaSolver solver = PcaSolver.Covariance)
    {
        using var dir = new TempFolder();
        var x = Data(rows, features);
        NpyFile.Write(dir.File("x.npy"), x);
        var single = Pca.Fit(x, new PcaOptions { Components = components, Solver = solver });
        var k = components.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var run = MpiRun.Mml(ranks, ["--json", "pca", "--data", "x.npy", "--components", k, "--solver", solver.ToString().ToLowerInvariant(), "--out-components", "b.npy", "--out-mean", "mu.npy"], dir.Path);
        Assert.True(run.Code == 0, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(rows, json.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(solver.ToString().ToLowerInvariant(), json.RootElement.GetProperty("solver").GetString());
        var eigenvalues = json.RootElement.GetProperty("eigenvalues").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(components, eigenvalues.Length);
        for (int i = 0; i < components; i++)
            Assert.True(Math.Abs(eigenvalues[i] - single.ExplainedVariance[i]) <= 1e-10 * single.ExplainedVariance[0], $"eigenvalue {i}: {eigenvalues[i]:R} against {single.ExplainedVariance[i]:R}");

        var mean = NpyFile.ReadMatrix(dir.File("mu.npy"));
        for (int j = 0; j < features; j++) Assert.Equal(single.Mean[j], mean.AsSpan()[j], 1e-12);
        var b = NpyFile.ReadMatrix(dir.File("b.npy"));
        var expected = single.Components;
        for (int q = 0; q < components; q++)
        {
            // The CLI writes each component with its largest-magnitude entry positive: compare up to sign.
            double sign = Math.Sign(Dot(b.RowSpan(q), expected.RowSpan(q)));
            for (int j = 0; j < features; j++) Assert.Equal(expected[q, j], sign * b[q, j], 1e-8);
        }
    }

    /// <summary>Correlated Gaussian data with one constant feature (column 1).</summary>
    private static Matrix Data(int rows, int features)
    {
        var random = new SeededRandom(42);
        var x = new Matrix(rows, features);
        for (int i = 0; i < rows; i++)
        {
            double common = random.NextGaussian();
            for (int j = 0; j < features; j++) x[i, j] = j == 1 ? 2.5 : (j + 1) * common + random.NextGaussian() * (1 + j % 3);
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
