using MathForML.DimensionalityReduction;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Statistics;

namespace MathForML.Distributed.DimensionalityReduction;

/// <summary>
/// <see cref="Pca.Fit"/> with the covariance solver over data whose rows are split among the ranks of a job: each
/// rank holds its own rows, the mean and the scatter matrix are sums of per-rank partial sums, and rank 0 decomposes
/// the covariance and broadcasts the result, so every rank returns the same <see cref="Pca"/>.
/// </summary>
/// <remarks>
/// Two passes over each rank's rows, as the single process makes over all of them: (1) per feature the sum, minimum and
/// maximum (summed in rank order, resp. reduced exactly: the mean μ = Σx/N, and the constant features, min = max);
/// (2) the scatter Σ(x − μ)(x − μ)ᵀ of the active features by the same centring SYRK, summed in rank order and divided
/// by N. Sent per rank: D + 1 values, 2·D extrema, the a×a scatter (a active features; 4 MB for MNIST's 717), then the
/// K×D components and D eigenvalues from rank 0. The eigenvalues equal the single process's to rounding (tested to
/// 1e-10 relative), the components up to sign to 1e-8.
/// </remarks>
public static class DistributedPca
{
    /// <summary>Fits on every rank; <paramref name="rows"/> are this rank's samples (N_r×D; some ranks may hold none).</summary>
    /// <param name="world">The ranks; all call this with the same D and K.</param>
    /// <param name="rows">This rank's rows.</param>
    /// <param name="components">K, between 1 and min(N, D); null for min(N, D).</param>
    /// <param name="cancellationToken">Checked between the stages and inside the SYRK and the eigensolver.</param>
    /// <exception cref="RankFailedException">This rank's rows hold NaN or ±∞.</exception>
    /// <exception cref="PeerRankFailedException">Another rank's rows did.</exception>
    /// <exception cref="ArgumentException">The ranks hold no rows at all, or K is out of range.</exception>
    public static Pca Fit(ICommunicator world, Matrix rows, int? components = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rows);
        int d = rows.Columns;
        var sums = new double[d + 1];
        var lo = new double[d];
        var hi = new double[d];
        Agreement.Run(world, () =>
        {
            lo.AsSpan().Fill(double.PositiveInfinity);
            hi.AsSpan().Fill(double.NegativeInfinity);
            for (int i = 0; i < rows.Rows; i++) RangeAccumulation.AddColumns<double>(rows.RowSpan(i), sums.AsSpan(0, d), lo, hi);
            foreach (double s in sums)
                if (!double.IsFinite(s)) SampleStatistics.RequireSamples(rows);   // names the NaN or ±∞
            sums[d] = rows.Rows;
        });
        world.SumInRankOrder(sums);
        world.Min(lo);
        world.Max(hi);
        long n = (long)sums[d];
        if (n == 0) throw new ArgumentException("The data set has no samples (0 rows on every rank).", nameof(rows));
        int max = (int)Math.Min(n, d), k = components ?? max;
        if (k < 1 || k > max)
            throw new ArgumentOutOfRangeException(nameof(components), k, $"The number of components K must be between 1 and min(N, D) = {max} for {n}×{d} data; got {k}.");

        var mean = new double[d];
        var constant = new bool[d];
        for (int j = 0; j < d; j++)
        {
            constant[j] = lo[j] == hi[j];
            mean[j] = constant[j] ? lo[j] : sums[j] / n;   // a constant feature centres to exactly 0
        }

        cancellationToken.ThrowIfCancellationRequested();
        var active = CovariancePcaSolver.ActiveFeatures(constant);
        int a = active.Length;
        double[]? s = null;
        if (a > 0)
        {
            s = WorkspacePool.Rent(a * a, clear: true);
            if (rows.Rows > 0) SampleStatistics.Scatter(rows, mean, [], 1.0, s, CovariancePcaSolver.Runs(active), cancellationToken);
            world.SumInRankOrder(s.AsSpan(0, a * a));
            var scatter = s.AsSpan(0, a * a);
            for (int i = 0; i < scatter.Length; i++) scatter[i] /= n;
        }

        // Rank 0 decomposes; the others receive the eigenvalues, the total variance and the components.
        var shared = new double[d + 1 + k * d];
        if (world.Rank == 0)
        {
            var factors = CovariancePcaSolver.FromCovariance(s, constant, k, new PcaStages(null, cancellationToken));
            factors.Eigenvalues.CopyTo(shared, 0);
            shared[d] = factors.TotalVariance;
            factors.Components.CopyTo(shared, d + 1);
        }
        else if (s is not null)
        {
            WorkspacePool.Return(s);
        }

        world.Broadcast(shared, 0);
        var eigenvalues = shared.AsSpan(0, d).ToArray();
        int constantCount = constant.Count(c => c);
        return new Pca(PcaSolver.Covariance, checked((int)n), Vector.Wrap(mean), null, Matrix.Wrap(k, d, shared.AsSpan(d + 1).ToArray()),
            eigenvalues, shared[d], constantCount);
    }
}
