using System.Numerics.Tensors;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.Numerics;
using MathForML.Statistics;

namespace MathForML.DimensionalityReduction;

/// <summary>
/// Principal component analysis of a data set X (N×D, one sample a row): the K orthonormal directions of largest
/// variance, as in the course (Deisenroth, Faisal and Ong, Mathematics for Machine Learning, ch. 10).
/// </summary>
/// <remarks>
/// <para>
/// Each feature is centred, z = x − μ, and with <see cref="PcaOptions.Normalize"/> also divided by its standard
/// deviation σ (1 where σ = 0). The components are the eigenvectors of the biased covariance S = Z̃ᵀZ̃/N for its K
/// largest eigenvalues λ₀ ≥ λ₁ ≥ …, returned as the rows of <see cref="Components"/> (K×D); each is sign-normalised so
/// its largest-magnitude entry is positive. <see cref="Transform(Matrix)"/> projects, z ↦ Bᵀz with B = Componentsᵀ;
/// <see cref="InverseTransform"/> maps back, c ↦ B·c (·σ) + μ. The mean squared reconstruction error with k
/// components (squared error summed over features, averaged over samples, in the centred and scaled space) is
/// Σ_{i ≥ k} λᵢ, so <see cref="ReconstructionErrors"/> gives it for every k from the eigenvalues alone.
/// </para>
/// <para>
/// Solvers (<see cref="PcaSolver"/>): <c>Covariance</c>, exact, SYRK plus a full symmetric eigendecomposition;
/// <c>Gram</c>, exact, the N×N problem for N &lt; D; <c>Randomized</c>, approximate, Halko–Martinsson–Tropp with power
/// iterations, for a few components of a wide matrix. <c>Auto</c> chooses and <see cref="Solver"/> says which ran.
/// Conventions follow scikit-learn's <c>PCA</c> except that variances divide by N (the course) rather than N − 1.
/// </para>
/// </remarks>
public sealed class Pca
{
    private readonly double[]? _inverseScale;

    internal Pca(PcaSolver solver, int samples, Vector mean, Vector? scale, Matrix components, double[] eigenvalues, double totalVariance, int constantFeatures)
    {
        ConstantFeatures = constantFeatures;
        Solver = solver;
        Samples = samples;
        Mean = mean;
        Scale = scale;
        Components = components;
        Eigenvalues = Vector.Wrap(eigenvalues);
        TotalVariance = totalVariance;
        int k = components.Rows;
        ExplainedVariance = new Vector(eigenvalues.AsSpan(0, k));
        var ratio = ExplainedVariance.Clone();
        // K values each: plain loops (vectorised operators would cost more to compile at start-up than they save).
        var r = ratio.AsSpan();
        for (int q = 0; q < k; q++) r[q] = totalVariance > 0 ? r[q] / totalVariance : 0;
        ExplainedVarianceRatio = ratio;
        var singular = ExplainedVariance.Clone();
        var s = singular.AsSpan();
        for (int q = 0; q < k; q++) s[q] = Math.Sqrt(s[q] * samples);
        SingularValues = singular;
        if (scale is not null)
        {
            _inverseScale = new double[scale.Length];
            TensorPrimitives.Divide(1.0, scale.AsSpan(), _inverseScale);
        }
    }

    /// <summary>The solver that ran (never <see cref="PcaSolver.Auto"/>).</summary>
    public PcaSolver Solver { get; }

    /// <summary>N, the number of samples fitted.</summary>
    public int Samples { get; }

    /// <summary>D, the number of features.</summary>
    public int Features => Mean.Length;

    /// <summary>K, the number of components kept.</summary>
    public int ComponentCount => Components.Rows;

    /// <summary>μ, the per-feature mean.</summary>
    public Vector Mean { get; }

    /// <summary>σ, the per-feature scale (standard deviation, 1 where it is 0) with normalisation; null without.</summary>
    public Vector? Scale { get; }

    /// <summary>The principal components as rows (K×D), orthonormal, in descending order of variance.</summary>
    public Matrix Components { get; }

    /// <summary>λ₀ … λ_{K−1}, the variance along each component (eigenvalues of S, biased: divided by N).</summary>
    public Vector ExplainedVariance { get; }

    /// <summary>λᵢ / trace(S), the fraction of the total variance along each component.</summary>
    public Vector ExplainedVarianceRatio { get; }

    /// <summary>σᵢ = √(N·λᵢ), the singular values of the centred (scaled) data Z̃.</summary>
    public Vector SingularValues { get; }

    /// <summary>Every eigenvalue of S the solver found, descending: all D (Covariance), N (Gram) or K (Randomized).</summary>
    public Vector Eigenvalues { get; }

    /// <summary>trace(S) = Σⱼ Var(zⱼ), the total variance.</summary>
    public double TotalVariance { get; }

    /// <summary>
    /// The features that are constant over the samples. With <see cref="PcaOptions.Normalize"/> they are centred but not
    /// scaled (their standard deviation is taken as 1).
    /// </summary>
    public int ConstantFeatures { get; }

    /// <summary>Fits the principal components of <paramref name="x"/> (N×D).</summary>
    /// <param name="x">The data, one sample a row.</param>
    /// <param name="options">Components, solver, normalisation; the defaults when null.</param>
    /// <param name="progress">Receives a report as each stage ends: "feature summary" (the mean), then the solver's
    /// product ("scatter matrix", "gram matrix" or "range finder"), "eigendecomposition" and "done", with fractions
    /// 0.1, 0.5, 0.95 and 1 (fixed shares of the work, not measured).</param>
    /// <param name="cancellationToken">Checked between the stages, every panel of the scatter matrix's SYRK, every
    /// 32 columns of the eigensolver's tridiagonal reduction, and between its phases.</param>
    /// <exception cref="ArgumentException">X has no rows or columns, or holds NaN or ±∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException">K is not between 1 and min(N, D), or a randomized option is negative.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Pca Fit(Matrix x, PcaOptions? options = null, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        options ??= new PcaOptions();
        int n = x.Rows, d = x.Columns;
        if (n == 0 || d == 0) throw new ArgumentException($"PCA needs at least one sample and one feature; the data is {n}×{d}.", nameof(x));
        int max = Math.Min(n, d);
        int k = options.Components ?? max;
        if (k < 1 || k > max)
#pragma warning disable CA2208 // named by its option, PcaOptions.Components, which a caller maps to its own name
            throw new ArgumentOutOfRangeException(nameof(PcaOptions.Components), k, $"The number of components K must be between 1 and min(N, D) = {max} for {n}×{d} data; got {k}.");
#pragma warning restore CA2208
        ArgumentOutOfRangeException.ThrowIfNegative(options.Oversampling, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.PowerIterations, nameof(options));

        cancellationToken.ThrowIfCancellationRequested();
        // One pass: the mean, the constant features, and the check for NaN and ±∞ (they make the column sums non-finite).
        var summary = FeatureSummary.Of(x);
        if (PowerOfTwoScaling.ExtremeExponent(x.AsSpan(), [], SafeExponent) is int e) return FitRescaled(x, e, options, progress, cancellationToken);
        var standardization = options.Normalize ? Standardization.Fit(x, summary) : null;
        var mean = standardization?.Mean ?? Vector.Wrap(summary.Mean);
        Vector? scale = standardization?.Scale;
        var solver = options.Solver == PcaSolver.Auto ? Choose(n, d, k) : options.Solver;
        RequireMemory(solver, n, d, k, options.Oversampling);
        var sc = scale is null ? ReadOnlySpan<double>.Empty : scale.AsSpan();
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new WorkProgress("feature summary", 0.1));
        var stages = new PcaStages(progress, cancellationToken);
        var factors = solver switch
        {
            PcaSolver.Covariance => CovariancePcaSolver.Solve(x, mean.AsSpan(), sc, k, summary.Constant, stages),
            PcaSolver.Gram => GramPcaSolver.Solve(x, mean.AsSpan(), sc, k, stages),
            _ => RandomizedPcaSolver.Solve(x, mean.AsSpan(), sc, k, options.Oversampling, options.PowerIterations, options.Seed,
                TotalVarianceOf(x, mean, scale), stages),
        };
        progress?.Report(new WorkProgress("done", 1));
        return new Pca(solver, n, mean, scale, Matrix.Wrap(k, d, factors.Components), factors.Eigenvalues, factors.TotalVariance, summary.ConstantCount);
    }

    /// <summary>
    /// Refuses, before any work, a fit whose solver's arrays cannot be held: the covariance solver's D×D scatter matrix
    /// and its eigenvectors (with the eigensolver's workspace, about three D×D arrays), the Gram solver's three N×N, the
    /// randomized solver's (N + D)·(K + oversampling) sketches and a copy of X.
    /// </summary>
    private static void RequireMemory(PcaSolver solver, int n, int d, int k, int oversampling)
    {
        const string hint = "Use the randomized solver for many features and few components, or the Gram solver when N < D.";
        switch (solver)
        {
            case PcaSolver.Covariance:
                MemoryBudget.Require(3.0 * d * d * sizeof(double), (double)d * d, "x",
                    $"The covariance solver's {d:N0}×{d:N0} scatter matrix for {d:N0} features", hint);
                break;
            case PcaSolver.Gram:
                MemoryBudget.Require(3.0 * n * n * sizeof(double), (double)n * n, "x",
                    $"The Gram solver's {n:N0}×{n:N0} matrix for {n:N0} samples", "Use the covariance or randomized solver when N > D.");
                break;
            case PcaSolver.Randomized:
                double width = (double)k + oversampling;
                MemoryBudget.Require((4.0 * (n + (double)d) * width + (double)n * d) * sizeof(double), Math.Max(n, (double)d) * width, "x",
                    $"The randomized solver's sketches of {n:N0}×{width:N0} and {d:N0}×{width:N0}");
                break;
        }
    }

    /// <summary>Data whose largest magnitude is outside [2⁻²⁵⁰, 2²⁵⁰] is fitted rescaled (its squares would overflow or underflow).</summary>
    internal const int SafeExponent = 250;

    /// <summary>
    /// Fits X·2⁻ᵉ (exact: a power of two) and scales back: μ and σ by 2ᵉ, the variances by 2²ᵉ (not with
    /// standardisation, whose variances have no unit); the components are the same. Data of 1e160 said "holds NaN or
    /// infinite values" (its covariance overflowed) and failed as an internal error in the CLI.
    /// </summary>
    /// <exception cref="ArgumentException">The variances themselves are beyond the largest double (values ≳ 1e154).</exception>
    private static Pca FitRescaled(Matrix x, int e, PcaOptions options, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var fit = Fit(PowerOfTwoScaling.Scaled(x, -e), options, progress, cancellationToken);
        int varianceExponent = options.Normalize ? 0 : 2 * e;
        var eigenvalues = PowerOfTwoScaling.Scaled(fit.Eigenvalues.AsSpan(), varianceExponent);
        double total = Math.ScaleB(fit.TotalVariance, varianceExponent);
        if (!double.IsFinite(total) || !Finite.All(eigenvalues))
            throw new ArgumentException($"the variance of the data overflows: values up to {Math.ScaleB(1.0, e):G3} have squares beyond the largest double (1.8e308); divide the data by a power of ten first, or standardise it (PcaOptions.Normalize; mml pca --normalize).", nameof(x));
        var mean = Vector.Wrap(PowerOfTwoScaling.Scaled(fit.Mean.AsSpan(), e));
        var scale = fit.Scale is { } sigma ? Vector.Wrap(PowerOfTwoScaling.Scaled(sigma.AsSpan(), e)) : null;
        return new Pca(fit.Solver, fit.Samples, mean, scale, fit.Components, eigenvalues, total, fit.ConstantFeatures);
    }

    /// <summary>
    /// The same fit keeping only its first <paramref name="components"/> components: <see cref="Components"/>,
    /// <see cref="ExplainedVariance"/> and the ratios shrink to K, while <see cref="Eigenvalues"/> (and so
    /// <see cref="ReconstructionErrors"/>) keep every eigenvalue found. Fit once with all components, then look at any K.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="components"/> is not between 1 and <see cref="ComponentCount"/>.</exception>
    public Pca Truncate(int components)
    {
        if (components < 1 || components > ComponentCount)
            throw new ArgumentOutOfRangeException(nameof(components), components, $"The number of components K must be between 1 and the {ComponentCount} fitted components; got {components}.");
        return new Pca(Solver, Samples, Mean, Scale, Components.SliceRows(..components), Eigenvalues.ToArray(), TotalVariance, ConstantFeatures);
    }

    /// <summary>
    /// The course's basis B = [b₀ … b_{k−1}] (D×k): the first <paramref name="components"/> principal components as
    /// columns, in descending order of variance — the course's week-4 <c>eig(S)</c> → sort descending →
    /// <c>B = eigvecs[:, :K]</c>, with which it projects, P = B(BᵀB)⁻¹Bᵀ = BBᵀ, and reconstructs, x̃ = P·x̄.
    /// </summary>
    /// <remarks>
    /// <para>
    /// B is <see cref="Components"/> transposed, so each column keeps the library's sign: its largest-magnitude entry is
    /// positive (the first such entry on ties). numpy's sign is not a rule that can be reproduced: the course's
    /// <c>np.linalg.eig</c> (LAPACK dgeev) and <c>np.linalg.eigh</c> (dsyevd) return whatever sign their Householder
    /// reflections and QR or divide-and-conquer rotations leave, and they disagree with each other (on the course's
    /// 10-sample Gaussian test data the first column is (−0.584, −0.812) from eig and (0.584, 0.812) from eigh; on 500
    /// MNIST digits 7 of the top 10 columns differ). So B equals numpy's eigenvectors up to the sign of each column,
    /// while everything the course computes from B — P = BBᵀ, the reconstruction, the eigenvalues — does not depend on
    /// the signs and equals numpy's (tests/MathForML.Tests/Reference/pca-course/make_reference.py).
    /// </para>
    /// <para>Cost: a D×k copy.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="components"/> is not between 1 and <see cref="ComponentCount"/>.</exception>
    public Matrix CourseBasis(int components)
    {
        int k = RequireCount(components);
        return Components.SliceRows(..k).Transpose();
    }

    /// <summary>The course's basis with all K fitted components (D×K); see <see cref="CourseBasis(int)"/>.</summary>
    public Matrix CourseBasis() => CourseBasis(ComponentCount);

    /// <summary>
    /// The course's basis as its <c>PCA(X, K)</c> prints it, signs included: <see cref="CourseBasis(int)"/> with each
    /// column's sign set as numpy's <c>np.linalg.eig</c> returns it for the course's S = X̄ᵀX̄/N of
    /// <paramref name="x"/> (the data this PCA was fitted on), by <see cref="NumPyEig.CourseEig"/>.
    /// </summary>
    /// <remarks>
    /// numpy's sign is reproduced where it is reproducible at all (see <see cref="NumPyEig"/>): the course's week-4
    /// test data and small D; for larger D it depends on the last bits of S and of OpenBLAS's rounding, and no program
    /// that computes S itself can promise it. Cost: O(N·D² + D³), the eigenproblem unblocked: for the course's sizes.
    /// </remarks>
    /// <exception cref="DimensionMismatchException"><paramref name="x"/> has another number of features.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="components"/> is not between 1 and <see cref="ComponentCount"/>.</exception>
    public Matrix CourseBasisWithNumPySigns(Matrix x, int components)
    {
        RequireFeatures(x);
        int k = RequireCount(components);
        int n = x.Rows, d = Features;
        var z = Prepare(x);
        var s = new Matrix(d, d);
        Gemm.Multiply<double>(Op.Transpose, Op.None, d, d, n, 1.0 / n, z, d, z, d, 0.0, s.AsSpan(), d);
        var (_, vectors) = NumPyEig.CourseEig(s);
        var basis = CourseBasis(k);
        for (int j = 0; j < k; j++)
        {
            double dot = 0;
            for (int i = 0; i < d; i++) dot += basis[i, j] * vectors[i, j];
            if (dot < 0)
                for (int i = 0; i < d; i++) basis[i, j] = -basis[i, j];
        }

        return basis;
    }

    /// <summary>The solver <see cref="PcaSolver.Auto"/> picks for N×D data and K components.</summary>
    public static PcaSolver Choose(int samples, int features, int components) =>
        samples < features ? PcaSolver.Gram
        : features >= 1000 && components * 10 <= features ? PcaSolver.Randomized
        : PcaSolver.Covariance;

    /// <summary>The coordinates of each row of <paramref name="x"/> (N×D) on the K components: Z̃·Componentsᵀ (N×K).</summary>
    public Matrix Transform(Matrix x) => Transform(x, ComponentCount);

    /// <summary>The coordinates on the first <paramref name="components"/> components only (N×k).</summary>
    public Matrix Transform(Matrix x, int components)
    {
        RequireFeatures(x);
        int k = RequireCount(components);
        var z = Prepare(x);
        var result = new Matrix(x.Rows, k);
        Gemm.Multiply<double>(Op.None, Op.Transpose, x.Rows, k, Features, 1.0, z, Features, Components.AsSpan(), Features, 0.0, result.AsSpan(), k);
        return result;
    }

    /// <summary>Maps coordinates (N×k, k ≤ K) back to the data space: C·Components[0..k] (·σ) + μ.</summary>
    public Matrix InverseTransform(Matrix coordinates)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        int k = RequireCount(coordinates.Columns);
        int n = coordinates.Rows, d = Features;
        var x = new Matrix(n, d);
        var data = x.AsSpan();
        Gemm.Multiply<double>(Op.None, Op.None, n, d, k, 1.0, coordinates.AsSpan(), k, Components.AsSpan(), d, 0.0, data, d);
        for (int i = 0; i < n; i++)
        {
            var row = data.Slice(i * d, d);
            if (Scale is not null) TensorPrimitives.Multiply(row, Scale.AsSpan(), row);
            TensorPrimitives.Add(row, Mean.AsSpan(), row);
        }

        return x;
    }

    /// <summary>Each row of <paramref name="x"/> projected onto the first <paramref name="components"/> components and mapped back.</summary>
    public Matrix Reconstruct(Matrix x, int components) => InverseTransform(Transform(x, components));

    /// <summary>
    /// The mean squared reconstruction error of the fitted data with k components, for k = 0 … (number of known
    /// eigenvalues): element k is Σ_{i ≥ k} λᵢ = trace(S) − Σ_{i &lt; k} λᵢ (clamped at 0).
    /// </summary>
    public double[] ReconstructionErrors()
    {
        var lambda = Eigenvalues.AsSpan();
        var errors = new double[lambda.Length + 1];
        double captured = 0;
        errors[0] = TotalVariance;
        for (int i = 0; i < lambda.Length; i++)
        {
            captured += lambda[i];
            errors[i + 1] = Math.Max(0, TotalVariance - captured);
        }

        // With all eigenvalues known the tail sums are exact: sum them from the smallest up (no cancellation).
        if (Solver == PcaSolver.Covariance)
        {
            double tail = 0;
            for (int i = lambda.Length - 1; i >= 0; i--)
            {
                tail += Math.Max(lambda[i], 0);
                errors[i] = tail;
            }

            errors[lambda.Length] = 0;
        }

        return errors;
    }

    /// <summary>The mean squared reconstruction error with <paramref name="components"/> components (see <see cref="ReconstructionErrors"/>).</summary>
    public double ReconstructionError(int components)
    {
        var errors = ReconstructionErrors();
        if (components < 0 || components >= errors.Length)
            throw new ArgumentOutOfRangeException(nameof(components), components, $"Known for 0 … {errors.Length - 1} components.");
        return errors[components];
    }

    private static double TotalVarianceOf(Matrix x, Vector mean, Vector? scale)
    {
        var variance = SampleStatistics.Variance(x, mean);
        if (scale is not null)
        {
            TensorPrimitives.Divide(variance.AsSpan(), scale.AsSpan(), variance.AsSpan());
            TensorPrimitives.Divide(variance.AsSpan(), scale.AsSpan(), variance.AsSpan());
        }
        return variance.Sum();
    }

    private double[] Prepare(Matrix x)
    {
        int n = x.Rows, d = Features;
        var z = LargeArray.Uninitialized<double>(n * d);   // every row is written below
        var data = x.AsSpan();
        for (int i = 0; i < n; i++)
        {
            var row = z.AsSpan(i * d, d);
            TensorPrimitives.Subtract(data.Slice(i * d, d), Mean.AsSpan(), row);
            if (_inverseScale is not null) TensorPrimitives.Multiply(row, _inverseScale, row);
        }

        return z;
    }

    private void RequireFeatures(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != Features)
            throw new DimensionMismatchException($"The PCA was fitted on {Features} features; the data has {x.Columns}.", nameof(x));
        Finite.Require(x, nameof(x));
    }

    private int RequireCount(int components)
    {
        if (components < 1 || components > ComponentCount)
            throw new ArgumentOutOfRangeException(nameof(components), components, $"Between 1 and the {ComponentCount} fitted components.");
        return components;
    }
}
