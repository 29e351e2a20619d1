using System.Numerics.Tensors;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// The SVD of a well-conditioned rectangular matrix from the symmetric eigendecomposition of its Gram matrix
/// (Golub and Van Loan, 4th ed., §8.6.2 "the normal-equations approach", with an a-posteriori check): for X = A
/// (m ≥ n) or X = Aᵀ (m &lt; n), X is tall, rows × p; G = XᵀX = V·Λ·Vᵀ gives V and σ² = λ, and the columns of X·V
/// are σ_j·u_j.
/// </summary>
/// <remarks>
/// <para>
/// Why: the work is three products on the GEMM kernels (G, X·V and the check (X·V)ᵀ(X·V), about 4·rows·p² flops with
/// symmetry, plus 2·rows·p² for U) and an eigendecomposition of order p, against the bidiagonal path's Householder
/// reduction (half of it in memory-bound matrix-vector products) and its divide and conquer on 2p. 2000×1000 on the
/// project's Xeon: decomposition 0.32 s against 0.55 s, values 0.11 s against 0.27 s (scipy 0.45–0.53 s and 0.25–0.29 s).
/// </para>
/// <para>
/// When: forming G squares the condition number κ = σ_max/σ_min. The eigensolver is backward stable for G, so
/// |λ̂_j − σ_j²| ≤ c·ε·σ_max², and σ_j from it carries an error of c·ε·σ_max²/σ_j ≤ c·ε·κ·σ_max. The path is
/// taken only where κ² = λ_max/λ_min ≤ <see cref="LargestConditionSquared"/> (128, κ ≤ 11.3), so σ is accurate to a
/// few ε·σ_max, the class of the bidiagonal path: first a free screen (any 2×2 principal submatrix of G with an
/// eigenvalue ratio above the bound, by Cauchy interlacing a lower bound of κ², rejects: columns of very different
/// length or nearly parallel), then G's eigenvalues. The shape must be clearly rectangular (max(m, n) ≥ 1.5·min(m, n)):
/// a random square matrix has κ growing like n, and the attempt would only cost time. For the vectors, the columns of
/// Ũ = X·V are normalised and their Gram matrix measured, Ũ_nᵀŨ_n = I + E; the path is kept only if
/// max |E_ij| ≤ <see cref="OrthogonalityTolerance"/> (2⁻⁴⁴ ≈ 512ε; a random 2000×1000 gives 5.6e-15), and then
/// U = Ũ_n·(I − E/2), orthonormal to O(‖E‖² + ε), with a residual ‖(A − U·Σ·Vᵀ)·v_j‖ ≤ σ_j·‖E·e_j‖/2.
/// Anything that fails a check returns null and the caller takes the bidiagonal path.
/// </para>
/// <para>
/// A is used unscaled unless max |aᵢⱼ| is outside 2^±200 (then a copy divided by a power of two near it, exact), so
/// nothing squared in G can overflow or underflow; an underflow could only make G more singular, which the checks reject.
/// </para>
/// </remarks>
internal static class GramSvd
{
    /// <summary>The largest λ_max/λ_min (κ²) of G for which the path is taken.</summary>
    public const double LargestConditionSquared = 128;

    /// <summary>The largest |E_ij| of the normalised columns of X·V for which the vectors are kept: 2⁻⁴⁴.</summary>
    public const double OrthogonalityTolerance = 1.0 / (1L << 44);

    /// <summary>The smallest max(m, n)/min(m, n) for which the path is tried.</summary>
    public const double MinimumAspect = 1.5;

    /// <summary>max |aᵢⱼ| exponents (binary) inside which A is used unscaled.</summary>
    private const int UnscaledExponent = 200;

    /// <summary>Whether an m×n matrix is rectangular enough for the path to be tried.</summary>
    public static bool Suits(int m, int n) => Math.Min(m, n) > 0 && Math.Max(m, n) >= MinimumAspect * Math.Min(m, n);

    /// <summary>The singular values, descending, or null when A is not conditioned well enough for the path.</summary>
    public static double[]? TryValues(Matrix a, CancellationToken cancellationToken)
    {
        using var x = TallForm.Of(a);
        var g = Gram(x, cancellationToken);
        var lambda = WellConditionedEigenvalues(g, x.P, cancellationToken);
        WorkspacePool.Return(g);
        if (lambda is null) return null;
        var sigma = new double[x.P];
        for (int j = 0; j < sigma.Length; j++) sigma[j] = Math.Sqrt(lambda[j]) * x.Scale;
        return sigma;
    }

    /// <summary>
    /// A = U·Σ·Vᵀ with σ descending, U m×p and Vᵀ p×n row-major (p = min(m, n)), U's columns following the sign
    /// convention of <see cref="SignConvention"/>; or null when a check fails.
    /// </summary>
    /// <param name="a">The matrix (finite; checked by the caller).</param>
    /// <param name="cancellationToken">Checked between the stages.</param>
    /// <param name="orthogonalityTolerance">The bound on max |E_ij| (tests lower it to see the fallback).</param>
    public static (double[] Sigma, double[] U, double[] VT)? TryDecompose(Matrix a, CancellationToken cancellationToken,
        double orthogonalityTolerance = OrthogonalityTolerance)
    {
        using var x = TallForm.Of(a);
        int rows = x.Rows, p = x.P;
        var g = Gram(x, cancellationToken);
        if (!PassesScreen(g, p))
        {
            WorkspacePool.Return(g);
            return null;
        }

        // V as rows (Vᵀ, descending λ, each row's largest component positive), κ² from the λ (the whole decomposition
        // rather than the values first: 60 ms less at p = 1000 when the path is taken, 130 ms more when only this check
        // rejects A), then Ũ = X·V (rows×p).
        var (lambda, vRows) = SymmetricEigen.DecomposeToRows(g.AsSpan(0, p * p), p, mirrored: true, cancellationToken: cancellationToken);
        if (!IsWellConditioned(lambda))
        {
            WorkspacePool.Return(g);
            WorkspacePool.Return(vRows);
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var u = WorkspacePool.Rent(rows * p, clear: false);
        Gemm.Multiply(Op.None, Op.Transpose, rows, p, p, 1.0, x.Data, p, vRows, p, 0.0, u, p);
        var c = g;   // G is no longer needed: C = ŨᵀŨ in its place
        Syrk.Compute<double>(p, rows, 1.0, u, p, 0.0, c, p);
        var correction = Correction(c, p, orthogonalityTolerance, out var sigma);
        WorkspacePool.Return(c);
        if (correction is null)
        {
            WorkspacePool.Return(u);
            WorkspacePool.Return(vRows);
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        for (int j = 0; j < p; j++) sigma[j] *= x.Scale;
        double[] uOut, vtOut;
        if (!x.Transposed)
        {
            // U = Ũ·M (m×p), Vᵀ = V's rows; then U's columns signed by the convention, Vᵀ's rows with them.
            uOut = LargeArray.Uninitialized<double>(rows * p);   // the product writes every element (β = 0)
            Gemm.Multiply(Op.None, Op.None, rows, p, p, 1.0, u, p, correction, p, 0.0, uOut, p);
            vtOut = LargeArray.CopyOf<double>(vRows.AsSpan(0, p * p));
            SignColumns(uOut, rows, p, vtOut);
        }
        else
        {
            // A = Xᵀ = V·Σ·(Ũ·M)ᵀ: A's U is V (p×p, its columns already signed by the eigensolver's convention) and
            // A's Vᵀ = Mᵀ·Ũᵀ (p×rows).
            uOut = LargeArray.Uninitialized<double>(p * p);
            TransposeKernel.Transpose<double>(vRows.AsSpan(0, p * p), p, p, uOut);
            vtOut = LargeArray.Uninitialized<double>(p * rows);
            Gemm.Multiply(Op.Transpose, Op.Transpose, p, rows, p, 1.0, correction, p, u, p, 0.0, vtOut, rows);
        }

        WorkspacePool.Return(u);
        WorkspacePool.Return(vRows);
        return (sigma, uOut, vtOut);
    }

    /// <summary>G = XᵀX (p×p, both triangles, exactly symmetric) in a pooled array.</summary>
    private static double[] Gram(TallForm x, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var g = WorkspacePool.Rent(x.P * x.P, clear: false);
        Syrk.Compute<double>(x.P, x.Rows, 1.0, x.Data, x.P, 0.0, g, x.P);
        return g;
    }

    /// <summary>
    /// G's eigenvalues (descending) when κ² = λ_max/λ_min ≤ <see cref="LargestConditionSquared"/>, else null; the 2×2
    /// screen first. <paramref name="g"/> is destroyed.
    /// </summary>
    private static double[]? WellConditionedEigenvalues(double[] g, int p, CancellationToken cancellationToken)
    {
        if (!PassesScreen(g, p)) return null;
        double maxAbs = 0;
        for (int i = 0; i < p; i++) maxAbs = Math.Max(maxAbs, g[i * p + i]);   // |g_ij| ≤ √(g_ii·g_jj): the diagonal holds the largest
        var lambda = SymmetricEigen.ValuesInPlace(g, p, maxAbs, cancellationToken);
        return IsWellConditioned(lambda) ? lambda : null;
    }

    /// <summary>Whether the descending eigenvalues of G say κ² = λ_max/λ_min ≤ <see cref="LargestConditionSquared"/>.</summary>
    private static bool IsWellConditioned(double[] lambda) => lambda[^1] > 0 && lambda[0] <= LargestConditionSquared * lambda[^1];

    /// <summary>
    /// False when some 2×2 principal submatrix [[a, b], [b, c]] of G has λ₊/λ₋ &gt; r = <see cref="LargestConditionSquared"/>
    /// (or is singular): with s = a + c and q = ac − b², λ₊/λ₋ &gt; r ⇔ s² &gt; q·(r + 1)²/r. By Cauchy interlacing
    /// λ₊ ≤ λ_max and λ₋ ≥ λ_min, so G's κ² is at least that ratio. O(p²), no square roots.
    /// </summary>
    private static bool PassesScreen(double[] g, int p)
    {
        const double Bound = (LargestConditionSquared + 1) * (LargestConditionSquared + 1) / LargestConditionSquared;
        for (int i = 0; i < p; i++)
        {
            double a = g[i * p + i];
            if (!(a > 0)) return false;
            var row = g.AsSpan(i * p, i);
            for (int j = 0; j < i; j++)
            {
                double c = g[j * p + j], b = row[j];
                double s = a + c, q = a * c - b * b;
                if (s * s > q * Bound) return false;
            }
        }

        return true;
    }

    /// <summary>
    /// From C = ŨᵀŨ: σ_j = √c_jj and, when max |E_ij| ≤ <paramref name="tolerance"/> for E = D⁻¹CD⁻¹ − I
    /// (D = diag σ), the p×p M = D⁻¹·(I − E/2) with Ũ·M = Ũ_n·(I − E/2); null otherwise. σ is made non-increasing
    /// (the λ are, and the norms can differ from √λ by rounding) by keeping ties in order.
    /// </summary>
    private static double[]? Correction(double[] c, int p, double tolerance, out double[] sigma)
    {
        sigma = new double[p];
        for (int j = 0; j < p; j++)
        {
            sigma[j] = Math.Sqrt(c[j * p + j]);
            if (!(sigma[j] > 0)) return null;
        }

        var m = new double[p * p];
        double worst = 0;
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double e = i == j ? 0 : c[i * p + j] / (sigma[i] * sigma[j]);
                worst = Math.Max(worst, Math.Abs(e));
                m[i * p + j] = ((i == j ? 1 : 0) - 0.5 * e) / sigma[i];
            }
        }

        if (!(worst <= tolerance)) return null;
        for (int j = 1; j < p; j++) sigma[j] = Math.Min(sigma[j], sigma[j - 1]);
        return m;
    }

    /// <summary>
    /// Negates each column of the rows×p <paramref name="u"/> whose first largest-magnitude entry is negative, and the
    /// matching row of <paramref name="vt"/> (p×p) with it.
    /// </summary>
    private static void SignColumns(double[] u, int rows, int p, double[] vt)
    {
        var best = new double[p];
        var negative = new bool[p];
        best.AsSpan().Fill(-1);
        for (int i = 0; i < rows; i++)
        {
            var row = u.AsSpan(i * p, p);
            for (int j = 0; j < p; j++)
            {
                double magnitude = Math.Abs(row[j]);
                if (magnitude > best[j])
                {
                    best[j] = magnitude;
                    negative[j] = row[j] < 0;
                }
            }
        }

        if (Array.IndexOf(negative, true) < 0) return;
        var sign = new double[p];
        for (int j = 0; j < p; j++) sign[j] = negative[j] ? -1 : 1;
        for (int i = 0; i < rows; i++) TensorPrimitives.Multiply<double>(u.AsSpan(i * p, p), sign, u.AsSpan(i * p, p));
        for (int j = 0; j < p; j++)
        {
            if (negative[j]) TensorPrimitives.Negate<double>(vt.AsSpan(j * p, p), vt.AsSpan(j * p, p));
        }
    }

    /// <summary>
    /// X, the tall form of A (A itself when m ≥ n, else Aᵀ in a pooled array), rows×p row-major, divided by
    /// <see cref="Scale"/> (a power of two; 1 unless max |aᵢⱼ| is outside 2^±200, then a pooled scaled copy).
    /// </summary>
    private sealed class TallForm : IDisposable
    {
        private readonly bool _pooled;

        private TallForm(double[] data, int rows, int p, bool transposed, double scale, bool pooled)
        {
            (Data, Rows, P, Transposed, Scale, _pooled) = (data, rows, p, transposed, scale, pooled);
        }

        public double[] Data { get; }

        public int Rows { get; }

        public int P { get; }

        public bool Transposed { get; }

        public double Scale { get; }

        public static TallForm Of(Matrix a)
        {
            bool transposed = a.Rows < a.Columns;
            int rows = Math.Max(a.Rows, a.Columns), p = Math.Min(a.Rows, a.Columns);
            double maxAbs = a.MaxAbs();
            int exponent = maxAbs == 0 ? 0 : Math.ILogB(maxAbs);
            double scale = Math.Abs(exponent) <= UnscaledExponent ? 1 : Math.ScaleB(1.0, exponent);
            if (!transposed && scale == 1) return new TallForm(a.Storage, rows, p, false, 1, pooled: false);
            var data = WorkspacePool.Rent(rows * p, clear: false);
            if (transposed) TransposeKernel.Transpose<double>(a.AsSpan(), a.Rows, a.Columns, data);
            else a.AsSpan().CopyTo(data);
            if (scale != 1) TensorPrimitives.Multiply(data.AsSpan(0, rows * p), 1 / scale, data.AsSpan(0, rows * p));
            return new TallForm(data, rows, p, transposed, scale, pooled: true);
        }

        public void Dispose()
        {
            if (_pooled) WorkspacePool.Return(Data);
        }
    }
}
