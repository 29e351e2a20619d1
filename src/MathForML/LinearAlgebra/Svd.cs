using System.Numerics.Tensors;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// Thin singular value decomposition A = U·Σ·Vᵀ of an m×n matrix: with p = min(m, n), U is m×p with orthonormal
/// columns, Σ = diag(σ_0 ≥ σ_1 ≥ … ≥ σ_{p−1} ≥ 0), and Vᵀ is p×n with orthonormal rows.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: one-sided Jacobi (Hestenes; LAPACK dgesvj; Golub and Van Loan, Matrix Computations, 4th ed., §8.6.3) on the
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
    private Svd(Vector singularValues, Matrix u, Matrix vt)
    {
        SingularValues = singularValues;
        U = u;
        VT = vt;
    }

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
    /// <see cref="Values"/>, say): how many lie above <paramref name="tolerance"/>, by default σ_0·max(m, n)·ε.
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
    /// The singular values of any m×n matrix <paramref name="a"/>, descending (min(m, n) of them), as
    /// <see cref="Decompose"/> computes them but without accumulating V or forming U (numpy's
    /// <c>svd(a, compute_uv=False)</c>, scipy's <c>svdvals</c>): the same one-sided Jacobi sweeps, about a third less work.
    /// </summary>
    /// <exception cref="ArgumentException">A holds NaN or ±∞.</exception>
    /// <exception cref="InvalidOperationException">The Jacobi sweeps did not converge (not seen in practice).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked before every sweep).</exception>
    public static Vector Values(Matrix a, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (w, p, length, scale) = ScaledColumns(a, a.Rows < a.Columns);
        if (!OneSidedJacobi.Orthogonalize(w, p, length, null, cancellationToken))
            throw new InvalidOperationException("The one-sided Jacobi SVD did not converge.");
        var sigma = new double[p];
        for (int i = 0; i < p; i++) sigma[i] = TensorPrimitives.Norm<double>(w.AsSpan(i * length, length)) * scale;
        Array.Sort(sigma, (x, y) => y.CompareTo(x));
        return Vector.Wrap(sigma);
    }

    /// <summary>Decomposes any m×n matrix <paramref name="a"/>.</summary>
    /// <exception cref="ArgumentException">A holds NaN or ±∞.</exception>
    /// <exception cref="InvalidOperationException">The Jacobi sweeps did not converge (not seen in practice).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked before every sweep).</exception>
    public static Svd Decompose(Matrix a, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        bool wide = a.Rows < a.Columns;
        var (w, p, length, scale) = ScaledColumns(a, wide);
        var x = new double[p * p];
        for (int i = 0; i < p; i++) x[i * p + i] = 1;
        if (!OneSidedJacobi.Orthogonalize(w, p, length, x, cancellationToken))
            throw new InvalidOperationException("The one-sided Jacobi SVD did not converge.");

        // Row i of w is σ_i·u_iᵀ, row i of x is v_iᵀ (for B = U·Σ·Vᵀ).
        var sigma = new double[p];
        for (int i = 0; i < p; i++) sigma[i] = TensorPrimitives.Norm<double>(w.AsSpan(i * length, length));
        if (p == 0) return new Svd(new Vector(0), new Matrix(a.Rows, 0), new Matrix(0, a.Columns));
        var order = Enumerable.Range(0, p).OrderByDescending(i => sigma[i]).ThenBy(i => i).ToArray();
        var left = new double[p * length];
        var right = new double[p * p];
        var values = new double[p];
        for (int q = 0; q < p; q++)
        {
            int i = order[q];
            values[q] = sigma[i] * scale;
            w.AsSpan(i * length, length).CopyTo(left.AsSpan(q * length, length));
            x.AsSpan(i * p, p).CopyTo(right.AsSpan(q * p, p));
        }

        OrthonormalizeRows(left, p, length, sigma[order[0]]);
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
            ? new Svd(Vector.Wrap(values), r.Transpose(), l).WithSignConvention() // A = Bᵀ = Rᵀ·Σ·L
            : new Svd(Vector.Wrap(values), l.Transpose(), r);
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
        var w = new double[p * length];
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

    /// <summary>
    /// Normalises the rows (σ_q·u_qᵀ, largest first) to unit length and re-orthogonalises them by modified Gram-Schmidt,
    /// twice ("twice is enough"); a row whose σ is negligible (≤ ε·σ_max) or that loses more than half its length is
    /// replaced by a completion: the unit vector e_k with the largest part outside the rows so far, orthogonalised.
    /// </summary>
    /// <remarks>
    /// With q &lt; length orthonormal rows r, Σ_k ‖e_k − Σ_r (r·e_k) r‖² = length − q, so the best e_k keeps at least
    /// √((length − q)/length) of its length: the completion never fails. (A fixed threshold with e_0, e_1, … in turn can:
    /// with 4 rows in ℝ⁵ every e_k may keep less than half its length.)
    /// </remarks>
    private static void OrthonormalizeRows(double[] rows, int count, int length, double sigmaMax)
    {
        for (int q = 0; q < count; q++)
        {
            var u = rows.AsSpan(q * length, length);
            double norm = TensorPrimitives.Norm<double>(u);
            if (norm > MachineEpsilon.Double * sigmaMax && norm > 0)
            {
                TensorPrimitives.Multiply(u, 1 / norm, u);
                norm = OrthogonalizeAgainstPrior(rows, q, length, u);
                if (norm > 0.5)
                {
                    TensorPrimitives.Multiply(u, 1 / norm, u);
                    continue;
                }
            }

            u.Clear();
            u[BestCompletion(rows, q, length)] = 1;
            norm = OrthogonalizeAgainstPrior(rows, q, length, u);
            TensorPrimitives.Multiply(u, 1 / norm, u);
        }
    }

    /// <summary>Two passes of modified Gram-Schmidt of <paramref name="u"/> against rows 0…q−1; returns the new norm.</summary>
    private static double OrthogonalizeAgainstPrior(double[] rows, int q, int length, Span<double> u)
    {
        for (int pass = 0; pass < 2; pass++)
            for (int r = 0; r < q; r++)
            {
                var prior = rows.AsSpan(r * length, length);
                TensorPrimitives.MultiplyAdd(prior, -TensorPrimitives.Dot<double>(prior, u), u, u);
            }

        return TensorPrimitives.Norm<double>(u);
    }

    /// <summary>The k for which e_k has the largest part 1 − Σ_r r_k² outside the orthonormal rows 0…q−1.</summary>
    private static int BestCompletion(double[] rows, int q, int length)
    {
        var inside = new double[length];
        for (int r = 0; r < q; r++)
        {
            var prior = rows.AsSpan(r * length, length);
            TensorPrimitives.MultiplyAdd(prior, prior, inside, inside);
        }

        return TensorPrimitives.IndexOfMin<double>(inside);
    }
}
