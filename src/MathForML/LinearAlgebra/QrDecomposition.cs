using System.Numerics.Tensors;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// QR decomposition by Householder reflections, A = QR, for any m×n matrix A; the thin factors are
/// Q (m×k, orthonormal columns) and R (k×n, upper triangular) with k = min(m, n).
/// </summary>
/// <remarks>
/// Step j reflects column j below the diagonal onto a multiple of e₁ with H = I − τvvᵀ, v₀ = 1, chosen so the new
/// diagonal entry is −sign(aⱼⱼ)‖x‖ (no cancellation); H is applied to the trailing columns as a rank-1 update
/// A ← A − τv(vᵀA) computed row by row on contiguous memory. Cost 2mn² − ⅔n³ flops. Unlike Gram–Schmidt, Q is
/// orthonormal to machine precision whatever the conditioning of A.
/// Least squares (<see cref="Solve"/>), R⁻¹ and (AᵀA)⁻¹ = R⁻¹R⁻ᵀ (<see cref="InverseGram"/>, the unscaled covariance of a
/// fit) all come from this one factorization; the fitting code in MathForML.Optimization uses nothing else.
/// Reference: Golub &amp; Van Loan, Matrix Computations (4th ed.) §5.1–5.3; LAPACK dgeqr2/dlarfg/dorg2r/dorm2r/dtrti2.
/// </remarks>
public sealed class QrDecomposition
{
    private readonly Matrix _qr;        // R on and above the diagonal, Householder vectors below
    private readonly double[] _tau;

    private QrDecomposition(Matrix qr, double[] tau)
    {
        _qr = qr;
        _tau = tau;
    }

    /// <summary>Factors <paramref name="a"/>.</summary>
    /// <exception cref="NonFiniteValueException">A holds NaN or ±∞.</exception>
    public static QrDecomposition Decompose(Matrix a)
    {
        Finite.Require(a, nameof(a));
        return DecomposeInPlace(a.Clone());
    }

    /// <summary>
    /// Factors <paramref name="qr"/> in place (it becomes the compact factor), without the finiteness check: for the
    /// solvers' inner loops, which own their workspace and let <see cref="TrySolve"/> report a non-finite result.
    /// </summary>
    internal static QrDecomposition DecomposeInPlace(Matrix qr)
    {
        int m = qr.Rows, n = qr.Columns, k = Math.Min(m, n);
        var tau = new double[k];
        var w = new double[n];
        for (int j = 0; j < k; j++)
        {
            double alpha = qr[j, j];
            double sigma = 0;
            for (int i = j + 1; i < m; i++) sigma += qr[i, j] * qr[i, j];
            double norm = Math.Sqrt(alpha * alpha + sigma);
            if (!double.IsFinite(norm) || norm < TinyNorm)
            {
                // Squares that overflow (entries ≳ 1e154) or underflow (≲ 1e-154): the sums again on the column scaled
                // by a power of two (exact), as LAPACK's dlarfg does through dnrm2 and dlapy2.
                (sigma, norm) = ScaledColumnNorm(qr, j, m, alpha);
            }
            if (sigma == 0) { tau[j] = 0; continue; }
            double beta = alpha <= 0 ? norm : -norm;
            tau[j] = (beta - alpha) / beta;
            double scale = 1.0 / (alpha - beta);
            for (int i = j + 1; i < m; i++) qr[i, j] *= scale;
            qr[j, j] = beta;
            ApplyReflector(qr, j, j + 1, n, tau[j], w);
        }
        return new QrDecomposition(qr, tau);
    }

    /// <summary>Below this, ‖column‖ computed from plain squares may have lost digits to underflow (2⁻⁴⁸⁰).</summary>
    private static readonly double TinyNorm = Math.ScaleB(1, -480);

    /// <summary>
    /// σ = Σᵢ₍ᵢ₎₌ⱼ₊₁ qr[i, j]² (0 exactly when every entry below the diagonal is 0, else only its sign matters to the caller)
    /// and ‖(α, qr[j+1.., j])‖ without overflow or underflow, by scaling with 2^−⌊log₂ max|·|⌋.
    /// </summary>
    private static (double Sigma, double Norm) ScaledColumnNorm(Matrix qr, int j, int m, double alpha)
    {
        double largest = Math.Abs(alpha);
        for (int i = j + 1; i < m; i++) largest = Math.Max(largest, Math.Abs(qr[i, j]));
        if (largest == 0) return (0, 0);
        int e = Math.ILogB(largest);
        double sigma = 0;
        for (int i = j + 1; i < m; i++)
        {
            double v = Math.ScaleB(qr[i, j], -e);
            sigma += v * v;
        }
        double a = Math.ScaleB(alpha, -e);
        return (sigma, Math.ScaleB(Math.Sqrt(a * a + sigma), e));
    }

    /// <summary>Rows m of A.</summary>
    public int Rows => _qr.Rows;

    /// <summary>Columns n of A.</summary>
    public int Columns => _qr.Columns;

    /// <summary>The thin upper-triangular factor R (min(m, n)×n).</summary>
    public Matrix R
    {
        get
        {
            int k = Math.Min(Rows, Columns);
            var r = new Matrix(k, Columns);
            for (int i = 0; i < k; i++)
                for (int j = i; j < Columns; j++) r[i, j] = _qr[i, j];
            return r;
        }
    }

    /// <summary>The thin orthonormal factor Q (m×min(m, n)), accumulated from the reflectors: Q = H₀H₁⋯ applied to [I; 0].</summary>
    public Matrix Q
    {
        get
        {
            int m = Rows, k = Math.Min(Rows, Columns);
            var q = new Matrix(m, k);
            for (int i = 0; i < k; i++) q[i, i] = 1;
            var w = new double[k];
            for (int j = k - 1; j >= 0; j--)
                ApplyReflectorTo(q, j, _qr, j, _tau[j], 0, k, w);
            return q;
        }
    }

    /// <summary>True when some |rⱼⱼ| ≤ max(m, n)·ε·max|R|: A's columns are (numerically) dependent.</summary>
    public bool IsRankDeficient => FirstSmallDiagonal() >= 0;

    /// <summary>
    /// The least-squares solution of Ax ≈ b (exact when A is square and invertible): minimises ‖Ax − b‖₂ through
    /// Rx = Qᵀb. Needs m ≥ n and independent columns, otherwise throws <see cref="SingularMatrixException"/>.
    /// </summary>
    /// <exception cref="NonFiniteValueException">b holds NaN or ±∞.</exception>
    public Vector Solve(Vector b)
    {
        if (b.Length != Rows)
            throw new DimensionMismatchException($"Right-hand side has {b.Length} entries, A has {Rows} rows.", nameof(b));
        Finite.Require(b.AsSpan(), nameof(b));
        if (Rows < Columns)
            throw new DimensionMismatchException($"Least squares needs at least as many rows as columns; A is {Rows}×{Columns}.", nameof(b));
        int bad = FirstSmallDiagonal();
        if (bad >= 0) throw new SingularMatrixException(bad);
        var x = new double[Columns];
        TrySolve(b.ToArray(), x);
        return Vector.Wrap(x);
    }

    /// <summary>
    /// The least-squares solution of Ax ≈ b without a rank test, for the inner steps of iterative solvers (LAPACK dgels
    /// without its scaling): <paramref name="b"/> (m values) is overwritten with Qᵀb (its last m − n entries are then the
    /// residual's coordinates), and <paramref name="x"/> (n values) receives the solution of Rx = (Qᵀb)[..n].
    /// Returns false when x is not finite, i.e. when some rⱼⱼ is exactly zero or the solution overflows. Needs m ≥ n.
    /// </summary>
    internal bool TrySolve(Span<double> b, Span<double> x)
    {
        ApplyQTranspose(b);
        for (int i = Columns - 1; i >= 0; i--)
        {
            var row = _qr.RowSpan(i);
            x[i] = (b[i] - TensorPrimitives.Dot<double>(row[(i + 1)..Columns], x[(i + 1)..Columns])) / row[i];
        }
        return Finite.All(x[..Columns]);
    }

    /// <summary>
    /// R⁻¹ (n×n, upper triangular) by back substitution on R·R⁻¹ = I one column at a time (LAPACK dtrti2):
    /// (R⁻¹)ᵢc = (δᵢc − Σₗ₌ᵢ₊₁..c rᵢₗ(R⁻¹)ₗc)/rᵢᵢ for i = c, c − 1, …, 0. Needs m ≥ n. No rank test: where some rⱼⱼ is
    /// zero the entries it reaches are ±∞ or NaN. Cost n³/3 flops.
    /// </summary>
    /// <exception cref="InvalidOperationException">A has fewer rows than columns.</exception>
    public Matrix InverseR()
    {
        if (Rows < Columns)
            throw new InvalidOperationException($"R is not square: A is {Rows}×{Columns}, R⁻¹ needs at least as many rows as columns.");
        int n = Columns;
        var rinv = new Matrix(n, n);
        for (int c = 0; c < n; c++)
        {
            for (int i = c; i >= 0; i--)
            {
                double s = i == c ? 1 : 0;
                for (int l = i + 1; l <= c; l++) s -= _qr[i, l] * rinv[l, c];
                rinv[i, c] = s / _qr[i, i];
            }
        }
        return rinv;
    }

    /// <summary>
    /// (AᵀA)⁻¹ = (RᵀR)⁻¹ = R⁻¹R⁻ᵀ without forming AᵀA (LAPACK dpotri's route: dtrtri, then dlauum), symmetric n×n:
    /// entry (a, b), b ≥ a, is Σₗ₌b..n−1 (R⁻¹)ₐₗ(R⁻¹)_bₗ. Scaled by σ² it is the covariance of a least-squares fit
    /// (Björck, Numerical Methods for Least Squares Problems, §1.2). Needs m ≥ n; no rank test (see <see cref="InverseR"/>).
    /// Cost 2n³/3 flops.
    /// </summary>
    /// <exception cref="InvalidOperationException">A has fewer rows than columns.</exception>
    public Matrix InverseGram()
    {
        var rinv = InverseR();
        int n = Columns;
        var result = new Matrix(n, n);
        for (int a = 0; a < n; a++)
            for (int b = a; b < n; b++)
            {
                double s = 0;
                for (int l = b; l < n; l++) s += rinv[a, l] * rinv[b, l];
                result[a, b] = result[b, a] = s;
            }
        return result;
    }

    /// <summary>y ← Qᵀy = Hₙ₋₁⋯H₀y (full m×m Q), each Hⱼy = y − τⱼv(vᵀy) with v = [1; qr[j+1.., j]] (LAPACK dorm2r).</summary>
    internal void ApplyQTranspose(Span<double> y)
    {
        for (int j = 0; j < Math.Min(Rows, Columns); j++)
        {
            double dot = y[j];
            for (int i = j + 1; i < Rows; i++) dot += _qr[i, j] * y[i];
            dot *= _tau[j];
            y[j] -= dot;
            for (int i = j + 1; i < Rows; i++) y[i] -= dot * _qr[i, j];
        }
    }

    /// <summary>y ← Qy = H₀H₁⋯Hₙ₋₁y (full m×m Q; the inverse of <see cref="ApplyQTranspose"/>).</summary>
    internal void ApplyQ(Span<double> y)
    {
        for (int j = Math.Min(Rows, Columns) - 1; j >= 0; j--)
        {
            double dot = y[j];
            for (int i = j + 1; i < Rows; i++) dot += _qr[i, j] * y[i];
            dot *= _tau[j];
            y[j] -= dot;
            for (int i = j + 1; i < Rows; i++) y[i] -= dot * _qr[i, j];
        }
    }

    /// <summary>v[..n] ← R⁻¹v[..n] by back substitution (n = columns; needs m ≥ n, no rank test).</summary>
    internal void SolveR(Span<double> v)
    {
        for (int i = Columns - 1; i >= 0; i--)
        {
            var row = _qr.RowSpan(i);
            v[i] = (v[i] - TensorPrimitives.Dot<double>(row[(i + 1)..Columns], v[(i + 1)..Columns])) / row[i];
        }
    }

    /// <summary>v[..n] ← R⁻ᵀv[..n] by forward substitution on Rᵀw = v (needs m ≥ n, no rank test).</summary>
    internal void SolveRTranspose(Span<double> v)
    {
        for (int i = 0; i < Columns; i++)
        {
            v[i] /= _qr[i, i];
            double vi = v[i];
            if (vi != 0) TensorPrimitives.MultiplyAdd(_qr.RowSpan(i)[(i + 1)..Columns], -vi, v[(i + 1)..Columns], v[(i + 1)..Columns]);
        }
    }

    /// <summary>
    /// An upper bound on κ₁(R) from one pass: ‖R⁻¹‖₁ ≤ ‖M(R)⁻ᵀe‖_∞ with M(R) the comparison matrix (|rᵢᵢ| on the
    /// diagonal, −|rᵢⱼ| above it), whose inverse is non-negative (Higham, Accuracy and Stability of Numerical Algorithms,
    /// §8.3); +∞ when some rⱼⱼ is zero. Close to κ₁(R) for small or well-conditioned R, pessimistic (up to 2ⁿ⁻¹) otherwise;
    /// it lets a caller skip <see cref="EstimateConditionOfR"/> when even the bound is small. Needs m ≥ n.
    /// </summary>
    internal double ConditionUpperBoundOfR()
    {
        int n = Columns;
        Span<double> w = n <= 256 ? stackalloc double[n] : new double[n];
        double normOne = 0, inverse = 0;
        for (int j = 0; j < n; j++)
        {
            // column j of R gives ‖R‖₁'s column sum and, as row j of Rᵀ, step j of the forward substitution M(R)ᵀw = e.
            double column = 0, sum = 1;
            for (int i = 0; i < j; i++)
            {
                double a = Math.Abs(_qr[i, j]);
                column += a;
                sum += a * w[i];
            }
            double d = Math.Abs(_qr[j, j]);
            if (d == 0) return double.PositiveInfinity;
            w[j] = sum / d;
            normOne = Math.Max(normOne, column + d);
            inverse = Math.Max(inverse, w[j]);
        }
        return n == 0 ? 1 : normOne * inverse;
    }

    /// <summary>
    /// An estimate of κ₁(R) = ‖R‖₁‖R⁻¹‖₁ (R is n×n; needs m ≥ n), +∞ when some rⱼⱼ is zero: ‖R⁻¹‖₁ by Hager's method with
    /// Higham's extra test vector (LAPACK dtrcon/dlacn2; Higham, Accuracy and Stability of Numerical Algorithms, §15.3),
    /// a few triangular solves, O(n²). A lower bound on κ₁(R) that is almost always within a factor 3 of it.
    /// </summary>
    internal double EstimateConditionOfR()
    {
        int n = Columns;
        double normOne = 0;
        for (int j = 0; j < n; j++)
        {
            double column = 0;
            for (int i = 0; i <= j; i++) column += Math.Abs(_qr[i, j]);
            if (_qr[j, j] == 0) return double.PositiveInfinity;
            normOne = Math.Max(normOne, column);
        }
        if (n == 0) return 1;
        Span<double> buffer = n <= 256 ? stackalloc double[3 * n] : new double[3 * n];
        Span<double> x = buffer[..n], y = buffer[n..(2 * n)], z = buffer[(2 * n)..];
        x.Fill(1.0 / n);
        double estimate = 0;
        for (int iteration = 0; iteration < 5; iteration++)
        {
            x.CopyTo(y);
            SolveR(y);
            estimate = TensorPrimitives.SumOfMagnitudes<double>(y);
            for (int i = 0; i < n; i++) z[i] = y[i] >= 0 ? 1.0 : -1.0;
            SolveRTranspose(z);
            int j = TensorPrimitives.IndexOfMaxMagnitude<double>(z);
            if (Math.Abs(z[j]) <= TensorPrimitives.Dot<double>(z, x)) break;
            x.Clear();
            x[j] = 1;
        }
        for (int i = 0; i < n; i++) y[i] = (i % 2 == 0 ? 1 : -1) * (1 + (double)i / Math.Max(1, n - 1));
        SolveR(y);
        estimate = Math.Max(estimate, 2 * TensorPrimitives.SumOfMagnitudes<double>(y) / (3 * n));
        return estimate * normOne;
    }

    private int FirstSmallDiagonal()
    {
        int k = Math.Min(Rows, Columns);
        double max = 0;
        for (int i = 0; i < k; i++)
            for (int j = i; j < Columns; j++) max = Math.Max(max, Math.Abs(_qr[i, j]));
        double tol = Math.Max(Rows, Columns) * MachineEpsilon.Double * max;
        for (int i = 0; i < k; i++)
            if (Math.Abs(_qr[i, i]) <= tol) return i;
        return -1;
    }

    /// <summary>Applies Hⱼ (vector stored in column j of <paramref name="qr"/> below row j) to columns [c0, c1) of rows j.. of qr itself.</summary>
    private static void ApplyReflector(Matrix qr, int j, int c0, int c1, double tau, double[] w) =>
        ApplyReflectorTo(qr, j, qr, j, tau, c0, c1, w);

    /// <summary>target[rows j.., cols c0..c1) ← (I − τvvᵀ)·target, with v = [1; source[j+1.., col]].</summary>
    private static void ApplyReflectorTo(Matrix target, int j, Matrix source, int col, double tau, int c0, int c1, double[] w)
    {
        if (tau == 0 || c1 <= c0) return;
        int width = c1 - c0;
        var acc = w.AsSpan(0, width);
        target.RowSpan(j).Slice(c0, width).CopyTo(acc);
        for (int i = j + 1; i < target.Rows; i++)
        {
            double vi = source[i, col];
            if (vi != 0) TensorPrimitives.MultiplyAdd(target.RowSpan(i).Slice(c0, width), vi, acc, acc);
        }
        TensorPrimitives.Multiply(acc, -tau, acc);
        var rowJ = target.RowSpan(j).Slice(c0, width);
        TensorPrimitives.Add(rowJ, acc, rowJ);
        for (int i = j + 1; i < target.Rows; i++)
        {
            double vi = source[i, col];
            if (vi == 0) continue;
            var row = target.RowSpan(i).Slice(c0, width);
            TensorPrimitives.MultiplyAdd(acc, vi, row, row);
        }
    }
}
