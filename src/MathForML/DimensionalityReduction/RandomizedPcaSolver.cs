using System.Numerics.Tensors;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Randomness;

namespace MathForML.DimensionalityReduction;

/// <summary>
/// Randomized PCA: the range finder with subspace (power) iterations of Halko, Martinsson and Tropp, "Finding
/// structure with randomness", SIAM Review 53(2), 2011, Algorithms 4.4 and 5.1, on Z̃ = (X − 1μᵀ)·diag(1/σ).
/// </summary>
/// <remarks>
/// With l = K + p columns: Ω (D×l) standard normal from <see cref="SeededRandom"/> with the seed; Q = orth(Z̃Ω); q times: Q = orth(Z̃·orth(Z̃ᵀQ)); then
/// W = Z̃ᵀQ = Bᵀ (D×l), B·Bᵀ = WᵀW = U_B·Σ²·U_Bᵀ (an l×l eigenproblem) and the right singular vectors are
/// V = W·U_B·Σ⁻¹. The eigenvalues of the covariance are σᵢ²/N. Z̃ is never formed: Z̃·M = X·M′ − 1·(μᵀM′) with
/// M′ = diag(1/σ)·M, and Z̃ᵀQ = diag(1/σ)·(XᵀQ − μ·(1ᵀQ)), so the only passes over X are GEMMs (2·(q + 1) of each
/// kind, 4·(q + 1)·N·D·l flops) and no copy of X is made. orth is Cholesky QR done twice (CholeskyQR2; Fukaya et al.
/// 2014), all in SYRK and GEMM, with a Householder QR fallback when the Gram matrix is not numerically positive definite.
/// </remarks>
internal static class RandomizedPcaSolver
{
    /// <summary>The <see cref="SeededRandom"/> stream of the Gaussian test matrix Ω ("PCA").</summary>
    private const ulong TestMatrixStream = 0x504341;

    public static PcaFactors Solve(Matrix x, ReadOnlySpan<double> mean, ReadOnlySpan<double> scale, int k, int oversampling, int powerIterations, ulong seed, double totalVariance,
        PcaStages stages = default)
    {
        int n = x.Rows, d = x.Columns;
        int l = Math.Min(k + oversampling, Math.Min(n, d));
        double[]? inverse = null;
        if (!scale.IsEmpty)
        {
            inverse = new double[d];
            TensorPrimitives.Divide(1.0, scale, inverse);
        }

        var mu = mean.ToArray();
        var omega = TestMatrix(d, l, seed);
        var w = GramRangeFinder(x, mu, inverse, omega, l, powerIterations) ?? RangeFinder(x, mu, inverse, omega, l, powerIterations);
        return FromRange(w, n, d, k, l, totalVariance, stages);
    }

    /// <summary>The sketch width l = min(K + p, N, D).</summary>
    internal static int Width(long n, int d, int k, int oversampling) => (int)Math.Min(k + oversampling, Math.Min(n, d));

    /// <summary>Ω (D×l), standard normal from the seed's stream.</summary>
    internal static double[] TestMatrix(int d, int l, ulong seed)
    {
        var omega = new double[d * l];
        new SeededRandom(seed, TestMatrixStream).FillGaussian(omega);
        return omega;
    }

    /// <summary>
    /// The last step of <see cref="Solve"/>: from W = Bᵀ (D×l) to the top K components and eigenvalues (B·Bᵀ's l×l
    /// eigenproblem), for N samples in all. Also the last step of a sketch summed over the ranks of a distributed job.
    /// </summary>
    internal static PcaFactors FromRange(double[] w, long n, int d, int k, int l, double totalVariance, PcaStages stages = default)
    {
        var bbt = new double[l * l];
        Syrk.Compute<double>(l, d, 1.0, w, l, 0.0, bbt, l);
        stages.ProductDone("range finder");
        var eigen = SymmetricEigen.Decompose(Matrix.Wrap(l, l, bbt), cancellationToken: stages.Cancellation);
        stages.EigenDone();
        var sigma2 = eigen.Eigenvalues.AsSpan();

        // Components: row i = (W·uᵢ)ᵀ / σᵢ, i < K.
        var ub = eigen.Eigenvectors.AsSpan();   // l×l, eigenvectors as columns
        var v = new double[d * k];
        Gemm.Multiply<double>(Op.None, Op.None, d, k, l, 1.0, w, l, ub, l, 0.0, v, k);
        var components = new double[k * d];
        TransposeKernel.Transpose<double>(v, d, k, components);
        var eigenvalues = new double[k];
        int rank = 0;
        double tolerance = Math.Max(sigma2[0], 0) * Math.Max(n, d) * 1e-13;
        for (int i = 0; i < k; i++)
        {
            eigenvalues[i] = Math.Max(sigma2[i], 0) / n;
            if (sigma2[i] <= tolerance) continue;
            rank = i + 1;
            var row = components.AsSpan(i * d, d);
            TensorPrimitives.Multiply(row, 1.0 / Math.Sqrt(sigma2[i]), row);
            if (SignConvention.NeedsFlip(row)) TensorPrimitives.Negate<double>(row, row);
        }

        PcaCentering.CompleteOrthonormalRows(components, rank, k, d);
        return new PcaFactors(eigenvalues, components, totalVariance);
    }

    /// <summary>
    /// Halko–Martinsson–Tropp's Bᵀ = Z̃ᵀQ (D×l) with Q = orth(Z̃·W_q), W₀ = Ω, W_{i+1} = orth(Z̃ᵀ·orth(Z̃·W_i)),
    /// each Z̃ and Z̃ᵀ pass a GEMM of its own (2·(q + 1) passes over X, an N×l basis orthonormalised q + 1 times).
    /// The reference route, and the fallback of <see cref="GramRangeFinder(Matrix, double[], double[], double[], int, int)"/>.
    /// </summary>
    internal static double[] RangeFinder(Matrix x, double[] mu, double[]? inverse, double[] omega, int l, int powerIterations)
    {
        int n = x.Rows, d = x.Columns;
        var y = new double[n * l];
        var w = new double[d * l];
        var scratch = new double[Math.Max(n, d) * l];
        ZTimes(x, mu, inverse, omega, l, y, scratch);
        Orthonormalize(y, n, l, scratch);
        for (int it = 0; it < powerIterations; it++)
        {
            ZTransposeTimes(x, mu, inverse, y, l, w);
            Orthonormalize(w, d, l, scratch);
            ZTimes(x, mu, inverse, w, l, y, scratch);
            Orthonormalize(y, n, l, scratch);
        }

        ZTransposeTimes(x, mu, inverse, y, l, w);   // W = Bᵀ
        return w;
    }

    /// <summary>
    /// The same Bᵀ with every Z̃ pass fused to its Z̃ᵀ pass and no N×l matrix at all: the span of Z̃·W_i is never needed
    /// explicitly, only W_{i+1} = orth(Z̃ᵀZ̃·W_i) (the same subspaces as <see cref="RangeFinder"/>). At the end, with
    /// W′ = Z̃ᵀZ̃·W_q and the Cholesky factor G = W_qᵀW′ = (Z̃W_q)ᵀ(Z̃W_q) = RᵀR, Q = Z̃·W_q·R⁻¹ is orthonormal and
    /// Bᵀ = Z̃ᵀQ = W′·R⁻¹: Halko's B, from D×l and l×l products only. Each Z̃ᵀZ̃·W is one pass over X, a block of rows
    /// at a time (Z̃_b·W, then Z̃_bᵀ·(Z̃_b·W) while the block is still in cache): q + 1 passes, same flops.
    /// Forming Q through R loses orthogonality as ε·κ(Z̃W_q)², so this returns null (use <see cref="RangeFinder"/>)
    /// when G is not safely positive definite: a Cholesky pivot ratio below 10⁻³ (κ ≳ 10³, e.g. rank below l).
    /// </summary>
    internal static double[]? GramRangeFinder(Matrix x, double[] mu, double[]? inverse, double[] omega, int l, int powerIterations)
    {
        using var pass = new GramPass(x, mu, inverse, l);
        return GramRangeFinder(x.Columns, omega, l, powerIterations, pass.Apply);
    }

    /// <summary>
    /// <see cref="GramRangeFinder(Matrix, double[], double[], double[], int, int)"/> with the pass over the data given:
    /// <paramref name="gramTimes"/>(W, result) writes Z̃ᵀZ̃·W (D×l). Over the ranks of a distributed job it is each
    /// rank's pass over its own rows, summed.
    /// </summary>
    internal static double[]? GramRangeFinder(int d, double[] omega, int l, int powerIterations, Action<double[], double[]> gramTimes)
    {
        var w = (double[])omega.Clone();
        var next = new double[d * l];
        var scratch = new double[d * l];
        var pass = gramTimes;
        Orthonormalize(w, d, l, scratch);
        for (int it = 0; it < powerIterations; it++)
        {
            pass(w, next);
            (w, next) = (next, w);
            Orthonormalize(w, d, l, scratch);
        }

        pass(w, next);   // W′ = Z̃ᵀZ̃·W
        var g = new double[l * l];
        Gemm.Multiply<double>(Op.Transpose, Op.None, l, l, d, 1.0, w, l, next, l, 0.0, g, l);
        for (int i = 0; i < l; i++)
            for (int j = 0; j < i; j++) g[i * l + j] = g[j * l + i] = 0.5 * (g[i * l + j] + g[j * l + i]);
        if (!CholeskyFactorization.TryFactor(g, l)) return null;
        double smallest = double.MaxValue, largest = 0;
        for (int i = 0; i < l; i++)
        {
            smallest = Math.Min(smallest, g[i * l + i]);
            largest = Math.Max(largest, g[i * l + i]);
        }

        if (!(smallest > 1e-3 * largest)) return null;
        CholeskyFactorization.InvertTransposeLower(g, l);   // g = R⁻¹
        var bt = new double[d * l];
        Gemm.Multiply<double>(Op.None, Op.None, d, l, l, 1.0, next, l, g, l, 0.0, bt, l);
        return bt;
    }

    /// <summary>Y = Z̃·M (N×l) for M (D×l).</summary>
    private static void ZTimes(Matrix x, double[] mean, double[]? inverse, double[] m, int l, double[] y, double[] scratch)
    {
        int n = x.Rows, d = x.Columns;
        var scaled = m;
        if (inverse is not null)
        {
            scaled = scratch;
            for (int j = 0; j < d; j++) TensorPrimitives.Multiply(m.AsSpan(j * l, l), inverse[j], scaled.AsSpan(j * l, l));
        }

        Gemm.Multiply<double>(Op.None, Op.None, n, l, d, 1.0, x.AsSpan(), d, scaled.AsSpan(0, d * l), l, 0.0, y, l);
        var shift = new double[l];
        Gemv.Multiply<double>(Op.Transpose, d, l, 1.0, scaled.AsSpan(0, d * l), l, mean, 0.0, shift);   // Mᵀμ
        for (int i = 0; i < n; i++) TensorPrimitives.Subtract(y.AsSpan(i * l, l), shift, y.AsSpan(i * l, l));
    }

    /// <summary>W = Z̃ᵀ·Q (D×l) for Q (N×l).</summary>
    private static void ZTransposeTimes(Matrix x, double[] mean, double[]? inverse, double[] q, int l, double[] w)
    {
        int n = x.Rows, d = x.Columns;
        Gemm.Multiply<double>(Op.Transpose, Op.None, d, l, n, 1.0, x.AsSpan(), d, q, l, 0.0, w, l);
        var sums = new double[l];
        for (int i = 0; i < n; i++) TensorPrimitives.Add(sums, q.AsSpan(i * l, l), sums);
        for (int j = 0; j < d; j++)
        {
            var row = w.AsSpan(j * l, l);
            TensorPrimitives.MultiplyAdd(sums, -mean[j], row, row);
            if (inverse is not null) TensorPrimitives.Multiply(row, inverse[j], row);
        }
    }

    /// <summary>Makes the columns of the r×l matrix <paramref name="a"/> orthonormal, spanning the same space (CholeskyQR2); <paramref name="scratch"/> holds at least r·l.</summary>
    internal static void Orthonormalize(double[] a, int r, int l, double[] scratch)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            var g = new double[l * l];
            Syrk.Compute<double>(l, r, 1.0, a, l, 0.0, g, l);
            if (!CholeskyFactorization.TryFactor(g, l))
            {
                HouseholderOrthonormalize(a, r, l);
                return;
            }

            CholeskyFactorization.InvertTransposeLower(g, l);   // g = R⁻¹ with R = Lᵀ
            var result = scratch.AsSpan(0, r * l);
            Gemm.Multiply<double>(Op.None, Op.None, r, l, l, 1.0, a.AsSpan(0, r * l), l, g, l, 0.0, result, l);
            result.CopyTo(a);
        }
    }

    private static void HouseholderOrthonormalize(double[] a, int r, int l)
    {
        var q = QrDecomposition.Decompose(Matrix.Wrap(r, l, a)).Q;
        q.AsSpan().CopyTo(a);
    }
}
