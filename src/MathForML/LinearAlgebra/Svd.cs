using System.Numerics.Tensors;
using MathForML.Kernels;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// Thin singular value decomposition A = U·Σ·Vᵀ of an m×n matrix: with p = min(m, n), U is m×p with orthonormal
/// columns, Σ = diag(σ_0 ≥ σ_1 ≥ … ≥ σ_{p−1} ≥ 0), and Vᵀ is p×n with orthonormal rows.
/// </summary>
/// <remarks>
/// <para>
/// Algorithms (<see cref="SvdAlgorithm"/>; <see cref="SvdAlgorithm.Automatic"/> picks by size, see
/// <see cref="JacobiCrossover"/>). Large matrices: Householder bidiagonalisation A = Q·B·Pᵀ in blocks through GEMM (dgebrd),
/// the singular values of B by dqds (O(n²), LAPACK dlasq1) and its vectors from the divide and conquer of its 2n×2n
/// Golub–Kahan tridiagonal, then U = Q·U_B and V = P·V_B through GEMM; singular values accurate to about ε·σ_0, the
/// reduction's error (see <see cref="Eigen.GolubKahanSvd"/>). Cost: about 4mn² − 4n³/3 flops for the values,
/// O(n³) more for the vectors.
/// </para>
/// <para>
/// Clearly rectangular, well-conditioned matrices (max(m, n) ≥ 1.5·min(m, n), σ_max/σ_min ≤ 11.3): the eigendecomposition
/// of the Gram matrix AᵀA (AAᵀ when wide) and U from A·V with a first-order re-orthogonalisation, as accurate there as
/// the bidiagonal path and two to three times faster (<see cref="Eigen.GramSvd"/> says how each call checks it; a matrix that
/// fails a check takes the bidiagonal path).
/// </para>
/// <para>
/// Small matrices, and any size on request: one-sided Jacobi (Hestenes; LAPACK dgesvj; Golub and Van Loan, Matrix Computations, 4th ed., §8.6.3) on the
/// columns of A (of Aᵀ when m &lt; n): plane rotations A ← A·J orthogonalise the columns, the accumulated rotations give V,
/// the column norms are σ and the normalised columns are U. It computes even tiny singular values to high relative
/// accuracy. Columns of U for zero singular values are completed to an orthonormal set.
/// Cost: about 3mp² + 3p³ flops per sweep, 5–10 sweeps: fine for small and medium matrices.
/// </para>
/// <para>
/// Sign convention: each column of U has its largest-magnitude component positive (the first on ties), and the matching
/// row of Vᵀ is flipped with it, so A = U·Σ·Vᵀ still holds.
/// </para>
/// </remarks>
public sealed class Svd
{
    /// <summary>
    /// min(m, n) up to which <see cref="SvdAlgorithm.Automatic"/> uses one-sided Jacobi. Measured (bench `svd --crossover 1`,
    /// AMD EPYC with AVX-512, two cores, under load from other jobs, so as ratios): up to 32 the two paths are within a
    /// factor 2.5 of each other either way and take microseconds (8×8: Jacobi 86 µs, bidiagonal 36 µs; 24×24: Jacobi 0.27 ms,
    /// bidiagonal 0.35 ms; 32×32 decomposition 0.57 ms against 0.28 ms), so Jacobi, the more accurate, is kept there; above
    /// it the bidiagonal path pulls away (128×128: 3.7× faster, 384×128 values: 8×).
    /// </summary>
    public const int JacobiCrossover = 32;

    private Svd(Vector singularValues, Matrix u, Matrix vt, SvdAlgorithm algorithm)
    {
        SingularValues = singularValues;
        U = u;
        VT = vt;
        Algorithm = algorithm;
    }

    /// <summary>The algorithm that computed this decomposition (<see cref="SvdAlgorithm.Jacobi"/> or <see cref="SvdAlgorithm.Bidiagonalization"/>).</summary>
    public SvdAlgorithm Algorithm { get; }

    /// <summary>σ_0 ≥ σ_1 ≥ … ≥ 0, min(m, n) of them.</summary>
    public Vector SingularValues { get; }

    /// <summary>Left singular vectors as columns (m×min(m, n)).</summary>
    public Matrix U { get; }

    /// <summary>Right singular vectors as rows (min(m, n)×n).</summary>
    public Matrix VT { get; }

    /// <summary>
    /// Number of singular values above <paramref name="tolerance"/>; by default σ_0·max(m, n)·ε, as numpy.linalg.matrix_rank.
    /// </summary>
    public int Rank(double? tolerance = null) => RankOf(SingularValues, U.Rows, VT.Columns, tolerance);

    /// <summary>
    /// The rank an m×n matrix with the descending singular values <paramref name="singularValues"/> has (from
    /// <see cref="Values(Matrix, CancellationToken)"/>, say): how many lie above <paramref name="tolerance"/>, by default σ_0·max(m, n)·ε.
    /// </summary>
    public static int RankOf(Vector singularValues, int rows, int columns, double? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(singularValues);
        var sigma = singularValues.AsSpan();
        if (sigma.Length == 0) return 0;
        double tol = tolerance ?? sigma[0] * Math.Max(rows, columns) * MachineEpsilon.Double;
        int rank = 0;
        foreach (double s in sigma)
            if (s > tol) rank++;
        return rank;
    }

    /// <summary>U·Σ·Vᵀ.</summary>
    public Matrix Reconstruct()
    {
        var scaled = VT.Clone();
        for (int i = 0; i < scaled.Rows; i++) TensorPrimitives.Multiply(scaled.RowSpan(i), SingularValues[i], scaled.RowSpan(i));
        return U * scaled;
    }

    /// <summary>
    /// The singular values of any m×n matrix <paramref name="a"/>, descending (min(m, n) of them), without forming U or
    /// V (numpy's <c>svd(a, compute_uv=False)</c>, scipy's <c>svdvals</c>), by the algorithm
    /// <see cref="SvdAlgorithm.Automatic"/> picks: the Jacobi sweeps without V below the crossover, the bidiagonal
    /// reduction and the O(n²) dqds values of the bidiagonal above.
    /// </summary>
    /// <exception cref="ArgumentException">A holds NaN or ±∞.</exception>
    /// <exception cref="InvalidOperationException">The iteration did not converge (not seen in practice).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked before every sweep or panel).</exception>
    public static Vector Values(Matrix a, CancellationToken cancellationToken = default) => Values(a, SvdAlgorithm.Automatic, cancellationToken);

    /// <summary>The singular values of <paramref name="a"/>, descending, by the given <paramref name="algorithm"/>.</summary>
    /// <exception cref="ArgumentException">A holds NaN or ±∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="algorithm"/> is not a defined value.</exception>
    /// <exception cref="InvalidOperationException">The iteration did not converge (not seen in practice).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked before every sweep or panel).</exception>
    public static Vector Values(Matrix a, SvdAlgorithm algorithm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        var chosen = Choose(a, algorithm);
        if (chosen == SvdAlgorithm.Gram)
        {
            if (GramValues(a, algorithm, cancellationToken) is { } gram) return gram;
            chosen = SvdAlgorithm.Bidiagonalization;
        }

        if (chosen == SvdAlgorithm.Bidiagonalization) return Vector.Wrap(GolubKahanSvd.Values(a, cancellationToken));
        var (w, p, length, scale) = ScaledColumns(a, a.Rows < a.Columns);
        if (!OneSidedJacobi.Orthogonalize(w, p, length, null, cancellationToken))
            throw new InvalidOperationException("The one-sided Jacobi SVD did not converge.");
        var sigma = new double[p];
        for (int i = 0; i < p; i++) sigma[i] = TensorPrimitives.Norm<double>(w.AsSpan(i * length, length)) * scale;
        Array.Sort(sigma, (x, y) => y.CompareTo(x));
        return Vector.Wrap(sigma);
    }

    /// <summary>Decomposes any m×n matrix <paramref name="a"/> by the algorithm <see cref="SvdAlgorithm.Automatic"/> picks.</summary>
    /// <exception cref="ArgumentException">A holds NaN or ±∞.</exception>
    /// <exception cref="InvalidOperationException">The iteration did not converge (not seen in practice).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked before every sweep or panel).</exception>
    public static Svd Decompose(Matrix a, CancellationToken cancellationToken = default) => Decompose(a, SvdAlgorithm.Automatic, cancellationToken);

    /// <summary>Decomposes any m×n matrix <paramref name="a"/> by the given <paramref name="algorithm"/>.</summary>
    /// <exception cref="ArgumentException">A holds NaN or ±∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="algorithm"/> is not a defined value.</exception>
    /// <exception cref="InvalidOperationException">The iteration did not converge (not seen in practice).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked before every sweep or panel).</exception>
    public static Svd Decompose(Matrix a, SvdAlgorithm algorithm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        var chosen = Choose(a, algorithm);
        if (chosen == SvdAlgorithm.Gram)
        {
            if (FromGram(a, algorithm, cancellationToken) is { } gram) return gram;
            chosen = SvdAlgorithm.Bidiagonalization;
        }

        if (chosen == SvdAlgorithm.Bidiagonalization) return FromBidiagonalization(a, cancellationToken);
        bool wide = a.Rows < a.Columns;
        var (w, p, length, scale) = ScaledColumns(a, wide);
        var x = LargeArray.Zeroed<double>(p * p);
        for (int i = 0; i < p; i++) x[i * p + i] = 1;
        if (!OneSidedJacobi.Orthogonalize(w, p, length, x, cancellationToken))
            throw new InvalidOperationException("The one-sided Jacobi SVD did not converge.");

        // Row i of w is σ_i·u_iᵀ, row i of x is v_iᵀ (for B = U·Σ·Vᵀ).
        var sigma = new double[p];
        for (int i = 0; i < p; i++) sigma[i] = TensorPrimitives.Norm<double>(w.AsSpan(i * length, length));
        if (p == 0) return new Svd(new Vector(0), new Matrix(a.Rows, 0), new Matrix(0, a.Columns), SvdAlgorithm.Jacobi);
        var order = Enumerable.Range(0, p).OrderByDescending(i => sigma[i]).ThenBy(i => i).ToArray();
        var left = LargeArray.Zeroed<double>(p * length);
        var right = LargeArray.Zeroed<double>(p * p);
        var values = new double[p];
        for (int q = 0; q < p; q++)
        {
            int i = order[q];
            values[q] = sigma[i] * scale;
            w.AsSpan(i * length, length).CopyTo(left.AsSpan(q * length, length));
            x.AsSpan(i * p, p).CopyTo(right.AsSpan(q * p, p));
        }

        RowOrthonormalization.Orthonormalize(left, 0, p, length, MachineEpsilon.Double * sigma[order[0]]);
        for (int q = 0; q < p; q++)
        {
            var u = left.AsSpan(q * length, length);
            if (SignConvention.NeedsFlip(u))
            {
                TensorPrimitives.Negate<double>(u, u);
                TensorPrimitives.Negate<double>(right.AsSpan(q * p, p), right.AsSpan(q * p, p));
            }
        }

        // B = L·Σ·R with L = leftᵀ (length×p) and R = right (p×p), rows of right being v_qᵀ.
        var l = Matrix.Wrap(p, length, left);
        var r = Matrix.Wrap(p, p, right);
        return wide
            ? new Svd(Vector.Wrap(values), r.Transpose(), l, SvdAlgorithm.Jacobi).WithSignConvention() // A = Bᵀ = Rᵀ·Σ·L
            : new Svd(Vector.Wrap(values), l.Transpose(), r, SvdAlgorithm.Jacobi);
    }

    /// <summary>Checks A (null, finite) and resolves <see cref="SvdAlgorithm.Automatic"/> by min(m, n).</summary>
    private static SvdAlgorithm Choose(Matrix a, SvdAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(a);
        Finite.Require(a, nameof(a));
        if (!Enum.IsDefined(algorithm)) throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a defined SVD algorithm.");
        if (algorithm != SvdAlgorithm.Automatic) return algorithm;
        if (Math.Min(a.Rows, a.Columns) <= JacobiCrossover) return SvdAlgorithm.Jacobi;
        return GramSvd.Suits(a.Rows, a.Columns) ? SvdAlgorithm.Gram : SvdAlgorithm.Bidiagonalization;
    }

    /// <summary>
    /// The singular values by <see cref="GramSvd"/>, or null when its checks fail and <paramref name="algorithm"/> is
    /// <see cref="SvdAlgorithm.Automatic"/> (requested explicitly, the failure throws).
    /// </summary>
    private static Vector? GramValues(Matrix a, SvdAlgorithm algorithm, CancellationToken cancellationToken)
    {
        if (Math.Min(a.Rows, a.Columns) == 0) return new Vector(0);
        var sigma = GramSvd.TryValues(a, cancellationToken);
        if (sigma is not null) return Vector.Wrap(sigma);
        return algorithm == SvdAlgorithm.Gram ? throw NotForGram(a) : null;
    }

    /// <summary>The decomposition by <see cref="GramSvd"/>, or null as for <see cref="GramValues"/>.</summary>
    private static Svd? FromGram(Matrix a, SvdAlgorithm algorithm, CancellationToken cancellationToken)
    {
        int m = a.Rows, n = a.Columns, p = Math.Min(m, n);
        if (p == 0) return new Svd(new Vector(0), new Matrix(m, 0), new Matrix(0, n), SvdAlgorithm.Gram);
        if (GramSvd.TryDecompose(a, cancellationToken) is var (sigma, u, vt))
            return new Svd(Vector.Wrap(sigma), Matrix.Wrap(m, p, u), Matrix.Wrap(p, n, vt), SvdAlgorithm.Gram);
        return algorithm == SvdAlgorithm.Gram ? throw NotForGram(a) : null;
    }

    /// <summary>The error for <see cref="SvdAlgorithm.Gram"/> requested on a matrix that fails its checks.</summary>
    private static ArgumentException NotForGram(Matrix a) => new(
        $"The {a.Rows}×{a.Columns} matrix is too ill-conditioned for the Gram SVD (it needs σ_max/σ_min ≤ {Math.Sqrt(GramSvd.LargestConditionSquared):F1} " +
        "and its columns orthonormal after one correction); use SvdAlgorithm.Automatic or Bidiagonalization.", nameof(a));

    /// <summary>The bidiagonal path's factors as an <see cref="Svd"/>, with the sign convention applied.</summary>
    private static Svd FromBidiagonalization(Matrix a, CancellationToken cancellationToken)
    {
        int m = a.Rows, n = a.Columns, p = Math.Min(m, n);
        if (p == 0) return new Svd(new Vector(0), new Matrix(m, 0), new Matrix(0, n), SvdAlgorithm.Bidiagonalization);
        var (sigma, uRows, vRows) = GolubKahanSvd.Decompose(a, cancellationToken);
        for (int q = 0; q < p; q++)
        {
            var u = uRows.AsSpan(q * m, m);
            if (!SignConvention.NeedsFlip(u)) continue;
            TensorPrimitives.Negate<double>(u, u);
            TensorPrimitives.Negate<double>(vRows.AsSpan(q * n, n), vRows.AsSpan(q * n, n));
        }

        // The rows are pooled work arrays: U is their transpose, Vᵀ a copy, each in a new array of its exact size.
        var uOut = LargeArray.Uninitialized<double>(m * p);   // the transpose writes every element
        TransposeKernel.Transpose<double>(uRows.AsSpan(0, p * m), p, m, uOut);
        var vtOut = LargeArray.CopyOf<double>(vRows.AsSpan(0, p * n));
        WorkspacePool.Return(uRows);
        WorkspacePool.Return(vRows);
        return new Svd(Vector.Wrap(sigma), Matrix.Wrap(m, p, uOut), Matrix.Wrap(p, n, vtOut), SvdAlgorithm.Bidiagonalization);
    }

    /// <summary>
    /// The Jacobi sweeps' working copy: B = A (m ≥ n) or B = Aᵀ (<paramref name="wide"/>, m &lt; n), length×p with
    /// length ≥ p, stored as the p columns of B in rows, divided by a power of two near max |aᵢⱼ| (exact).
    /// </summary>
    private static (double[] W, int P, int Length, double Scale) ScaledColumns(Matrix a, bool wide)
    {
        ArgumentNullException.ThrowIfNull(a);
        Finite.Require(a, nameof(a));
        var bTransposed = wide ? a : a.Transpose();
        int p = bTransposed.Rows, length = bTransposed.Columns;
        double maxAbs = a.MaxAbs();
        double scale = maxAbs == 0 ? 1 : Math.ScaleB(1.0, Math.ILogB(maxAbs));
        var w = LargeArray.Uninitialized<double>(p * length);   // every element written on the next line
        TensorPrimitives.Multiply(bTransposed.AsSpan(), 1 / scale, w);
        return (w, p, length, scale);
    }

    /// <summary>Re-applies the sign convention to U's columns (needed when U came from Vᵀ of the transposed problem).</summary>
    private Svd WithSignConvention()
    {
        for (int q = 0; q < U.Columns; q++)
        {
            var column = U.Column(q);
            if (!SignConvention.NeedsFlip(column.AsSpan())) continue;
            U.SetColumn(q, -column);
            var row = VT.RowSpan(q);
            TensorPrimitives.Negate<double>(row, row);
        }

        return this;
    }
}
