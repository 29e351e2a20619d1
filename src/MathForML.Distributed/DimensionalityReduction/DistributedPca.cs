using MathForML.DimensionalityReduction;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Statistics;

namespace MathForML.Distributed.DimensionalityReduction;

/// <summary>
/// <see cref="Pca.Fit"/> with the covariance or the randomized solver over data whose rows are split among the ranks of a job: each
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
    /// <exception cref="RankFailedException">The ranks hold no rows at all, or K is out of range (an
    /// <see cref="ArgumentException"/> inside, on every rank alike).</exception>
    public static Pca Fit(ICommunicator world, Matrix rows, int? components = null, CancellationToken cancellationToken = default) =>
        Fit(world, rows, new PcaOptions { Components = components, Solver = PcaSolver.Covariance }, cancellationToken);

    /// <summary>
    /// Fits on every rank with the covariance solver (<see cref="PcaSolver.Auto"/> too) or the randomized one: its
    /// range finder's every pass Z̃ᵀZ̃·W (D×l) is each rank's pass over its rows, summed in rank order, and the rest
    /// (D×l and l×l) is computed alike on every rank. Should the Gram route of the range finder be ill-conditioned
    /// (its Cholesky pivots below 10⁻³ of the largest, e.g. data of rank below K + oversampling), the covariance solver
    /// is used instead and <see cref="Pca.Solver"/> says so.
    /// </summary>
    /// <param name="world">The ranks; all call this with the same D and options.</param>
    /// <param name="rows">This rank's rows.</param>
    /// <param name="options">Components, solver (covariance, auto or randomized), oversampling, power iterations, seed.</param>
    /// <param name="cancellationToken">Checked between the stages and inside the products.</param>
    /// <exception cref="ArgumentException">The Gram solver or normalisation is asked for (not available across ranks).</exception>
    public static Pca Fit(ICommunicator world, Matrix rows, PcaOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Normalize) throw new ArgumentException("Normalisation is not available across ranks: standardise the data first.", nameof(options));
        if (options.Solver == PcaSolver.Gram) throw new ArgumentException("The Gram solver needs all N samples in one process: use the covariance or randomized solver across ranks.", nameof(options));
        int? components = options.Components;
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
        int max = (int)Math.Min(n, d), k = components ?? max;
        Agreement.Run(world, () => CheckShape(n, d, k));
        var mean = new double[d];
        var constant = new bool[d];
        for (int j = 0; j < d; j++)
        {
            constant[j] = lo[j] == hi[j];
            mean[j] = constant[j] ? lo[j] : sums[j] / n;   // a constant feature centres to exactly 0
        }

        cancellationToken.ThrowIfCancellationRequested();
        int constantCount = constant.Count(c => c);
        if (options.Solver == PcaSolver.Randomized && Randomized(world, rows, mean, n, k, options, cancellationToken) is { } sketched)
            return new Pca(PcaSolver.Randomized, checked((int)n), Vector.Wrap(mean), null, Matrix.Wrap(k, d, sketched.Components),
                sketched.Eigenvalues, sketched.TotalVariance, constantCount);

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
        return new Pca(PcaSolver.Covariance, checked((int)n), Vector.Wrap(mean), null, Matrix.Wrap(k, d, shared.AsSpan(d + 1).ToArray()),
            eigenvalues, shared[d], constantCount);
    }

    /// <summary>N ≥ 1 and 1 ≤ K ≤ min(N, D), as <see cref="Pca.Fit"/> checks them (alike on every rank).</summary>
    private static void CheckShape(long n, int d, int k)
    {
#pragma warning disable CA2208 // named as Pca.Fit names them: the data, and K by its option PcaOptions.Components
        if (n == 0) throw new ArgumentException("The data set has no samples (0 rows on every rank).", "rows");
        int max = (int)Math.Min(n, d);
        if (k < 1 || k > max)
            throw new ArgumentOutOfRangeException(nameof(PcaOptions.Components), k, $"The number of components K must be between 1 and min(N, D) = {max} for {n}×{d} data; got {k}.");
#pragma warning restore CA2208
    }

    /// <summary>The randomized solver over the ranks' rows; null when its Gram route is ill-conditioned.</summary>
    private static PcaFactors? Randomized(ICommunicator world, Matrix rows, double[] mean, long n, int k, PcaOptions options, CancellationToken cancellationToken)
    {
        int d = rows.Columns;
        // trace(S) = Σⱼ Σᵢ (xᵢⱼ − μⱼ)² / N.
        var squares = new double[d];
        var diff = new double[d];
        for (int i = 0; i < rows.Rows; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(rows.RowSpan(i), mean, diff);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(diff, diff, squares, squares);
        }

        world.SumInRankOrder(squares);
        double total = 0;
        foreach (double s in squares) total += s / n;

        int l = RandomizedPcaSolver.Width(n, d, k, options.Oversampling);
        var omega = RandomizedPcaSolver.TestMatrix(d, l, options.Seed);
        using var pass = rows.Rows > 0 ? new GramPass(rows, mean, null, l) : null;
        var w = RandomizedPcaSolver.GramRangeFinder(d, omega, l, options.PowerIterations, (basis, product) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pass is null) Array.Clear(product, 0, d * l);
            else pass.Apply(basis, product);
            world.SumInRankOrder(product.AsSpan(0, d * l));
        });
        return w is null ? null : RandomizedPcaSolver.FromRange(w, n, d, k, l, total, new PcaStages(null, cancellationToken));
    }
}
