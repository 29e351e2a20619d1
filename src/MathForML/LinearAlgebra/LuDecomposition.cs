using System.Numerics.Tensors;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// LU decomposition with partial pivoting, PA = LU: L unit lower triangular, U upper triangular, P a row permutation.
/// </summary>
/// <remarks>
/// Right-looking Gaussian elimination (LAPACK dgetf2): at step k the largest |aᵢₖ|, i ≥ k, is swapped into the pivot
/// position, the multipliers lᵢₖ = aᵢₖ / aₖₖ are stored below the diagonal and row k times lᵢₖ is subtracted from
/// each row below, all on contiguous row spans. Cost ⅔n³ flops. A pivot of at most n·ε·max|A| marks the matrix as
/// singular (<see cref="SingularPivot"/>); solving then throws <see cref="SingularMatrixException"/> naming it.
/// <see cref="ConditionNumber"/> estimates κ₁(A) = ‖A‖₁‖A⁻¹‖₁ by Hager's method as refined by Higham
/// (LAPACK dgecon/dlacn2; Higham, Accuracy and Stability of Numerical Algorithms, §15.3), so a caller can warn
/// when a system is nearly singular.
/// </remarks>
public sealed class LuDecomposition
{
    private readonly Matrix _lu;
    private readonly int[] _permutation;
    private readonly double _normOne;
    private double? _condition;

    private LuDecomposition(Matrix lu, int[] permutation, int permutationSign, int singularPivot, double normOne)
    {
        _lu = lu;
        _permutation = permutation;
        PermutationSign = permutationSign;
        SingularPivot = singularPivot;
        _normOne = normOne;
    }

    /// <summary>Factors the square matrix <paramref name="a"/>. Never throws for a singular matrix; see <see cref="IsSingular"/>.</summary>
    public static LuDecomposition Decompose(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        DimensionMismatchException.ThrowIfNotSquare(a.Rows, a.Columns, nameof(a));
        Finite.Require(a, nameof(a));
        int n = a.Rows;
        var lu = a.Clone();
        var perm = Enumerable.Range(0, n).ToArray();
        int sign = 1, singular = -1;
        double tol = n * MachineEpsilon.Double * a.MaxAbs();
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double best = Math.Abs(lu[k, k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(lu[i, k]);
                if (v > best) { best = v; p = i; }
            }
            if (best <= tol || best == 0)
            {
                if (singular < 0) singular = k;
                continue;
            }
            if (p != k)
            {
                RowEchelon.SwapRows(lu, p, k);
                (perm[p], perm[k]) = (perm[k], perm[p]);
                sign = -sign;
            }
            var pivotRow = lu.RowSpan(k);
            double pivot = pivotRow[k];
            var pivotTail = pivotRow[(k + 1)..];
            for (int i = k + 1; i < n; i++)
            {
                var row = lu.RowSpan(i);
                double l = row[k] / pivot;
                row[k] = l;
                if (l != 0) TensorPrimitives.MultiplyAdd(pivotTail, -l, row[(k + 1)..], row[(k + 1)..]);
            }
        }
        double normOne = 0;
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int i = 0; i < n; i++) s += Math.Abs(a[i, j]);
            normOne = Math.Max(normOne, s);
        }
        return new LuDecomposition(lu, perm, sign, singular, normOne);
    }

    /// <summary>Size n of the factored n×n matrix.</summary>
    public int Size => _lu.Rows;

    /// <summary>The first column (0-based) whose pivot vanished, or −1 when the matrix is non-singular.</summary>
    public int SingularPivot { get; }

    /// <summary>True when elimination met a zero pivot.</summary>
    public bool IsSingular => SingularPivot >= 0;

    /// <summary>+1 or −1: the sign of the permutation P (the parity of the row swaps).</summary>
    public int PermutationSign { get; }

    /// <summary>The permutation as an array: row i of PA is row <c>Permutation[i]</c> of A.</summary>
    public IReadOnlyList<int> Permutation => _permutation;

    /// <summary>The unit lower-triangular factor L.</summary>
    public Matrix L
    {
        get
        {
            int n = Size;
            var l = Matrix.Identity(n);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < i; j++) l[i, j] = _lu[i, j];
            return l;
        }
    }

    /// <summary>The upper-triangular factor U.</summary>
    public Matrix U
    {
        get
        {
            int n = Size;
            var u = new Matrix(n, n);
            for (int i = 0; i < n; i++)
                for (int j = i; j < n; j++) u[i, j] = _lu[i, j];
            return u;
        }
    }

    /// <summary>The permutation matrix P with PA = LU.</summary>
    public Matrix P
    {
        get
        {
            var p = new Matrix(Size, Size);
            for (int i = 0; i < Size; i++) p[i, _permutation[i]] = 1;
            return p;
        }
    }

    /// <summary>det A = sign(P)·∏ uᵢᵢ (zero for a singular matrix).</summary>
    public double Determinant
    {
        get
        {
            if (IsSingular) return 0;
            double d = PermutationSign;
            for (int i = 0; i < Size; i++) d *= _lu[i, i];
            return d;
        }
    }

    /// <summary>
    /// An estimate of the 1-norm condition number κ₁(A) = ‖A‖₁·‖A⁻¹‖₁ (a lower bound, usually within a factor 3);
    /// +∞ for a singular matrix. Values near 1/ε ≈ 4.5e15 mean a solve may have no correct digits.
    /// </summary>
    public double ConditionNumber => _condition ??= EstimateCondition();

    /// <summary>True when κ₁(A) exceeds 1/(n·ε): the matrix is singular to working precision.</summary>
    public bool IsNearlySingular => ConditionNumber * Size * MachineEpsilon.Double > 1;

    /// <summary>Solves Ax = b by forward and back substitution.</summary>
    public Vector Solve(Vector b)
    {
        if (b.Length != Size)
            throw new DimensionMismatchException($"Right-hand side has {b.Length} entries, the matrix is {Size}×{Size}.", nameof(b));
        ThrowIfSingular();
        var x = new double[Size];
        for (int i = 0; i < Size; i++) x[i] = b[_permutation[i]];
        SubstituteInPlace(x);
        return Vector.Wrap(x);
    }

    /// <summary>Solves AX = B for all columns of B at once.</summary>
    public Matrix Solve(Matrix b)
    {
        if (b.Rows != Size)
            throw new DimensionMismatchException($"Right-hand side has {b.Rows} rows, the matrix is {Size}×{Size}.", nameof(b));
        ThrowIfSingular();
        int n = Size, k = b.Columns;
        var x = new Matrix(n, k);
        for (int i = 0; i < n; i++) b.RowSpan(_permutation[i]).CopyTo(x.RowSpan(i));
        // Forward substitution with unit L, then back substitution with U, a row of X at a time.
        for (int i = 0; i < n; i++)
        {
            var xi = x.RowSpan(i);
            for (int j = 0; j < i; j++)
            {
                double l = _lu[i, j];
                if (l != 0) TensorPrimitives.MultiplyAdd(x.RowSpan(j), -l, xi, xi);
            }
        }
        for (int i = n - 1; i >= 0; i--)
        {
            var xi = x.RowSpan(i);
            for (int j = i + 1; j < n; j++)
            {
                double u = _lu[i, j];
                if (u != 0) TensorPrimitives.MultiplyAdd(x.RowSpan(j), -u, xi, xi);
            }
            TensorPrimitives.Multiply(xi, 1.0 / _lu[i, i], xi);
        }
        return x;
    }

    /// <summary>A⁻¹, by solving AX = I.</summary>
    public Matrix Inverse() => Solve(Matrix.Identity(Size));

    private void ThrowIfSingular()
    {
        if (IsSingular) throw new SingularMatrixException(SingularPivot);
    }

    /// <summary>x ← U⁻¹L⁻¹x (x already permuted).</summary>
    private void SubstituteInPlace(Span<double> x)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
            x[i] -= TensorPrimitives.Dot<double>(_lu.RowSpan(i)[..i], x[..i]);
        for (int i = n - 1; i >= 0; i--)
        {
            var row = _lu.RowSpan(i);
            x[i] = (x[i] - TensorPrimitives.Dot<double>(row[(i + 1)..], x[(i + 1)..])) / row[i];
        }
    }

    /// <summary>Solves Aᵀz = c: Uᵀw = c, Lᵀv = w, z = Pᵀv.</summary>
    private double[] SolveTransposed(ReadOnlySpan<double> c)
    {
        int n = Size;
        var w = c.ToArray();
        for (int i = 0; i < n; i++)
        {
            w[i] /= _lu[i, i];
            double wi = w[i];
            if (wi != 0) TensorPrimitives.MultiplyAdd(_lu.RowSpan(i)[(i + 1)..], -wi, w.AsSpan(i + 1), w.AsSpan(i + 1));
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double wi = w[i];
            if (wi != 0) TensorPrimitives.MultiplyAdd(_lu.RowSpan(i)[..i], -wi, w.AsSpan(0, i), w.AsSpan(0, i));
        }
        var z = new double[n];
        for (int i = 0; i < n; i++) z[_permutation[i]] = w[i];
        return z;
    }

    private double EstimateCondition()
    {
        if (IsSingular) return double.PositiveInfinity;
        int n = Size;
        if (n == 0) return 1;
        // Hager's method: maximise ‖A⁻¹x‖₁ over the unit 1-norm ball, moving between vertices eⱼ.
        var x = new double[n];
        Array.Fill(x, 1.0 / n);
        double estimate = 0;
        for (int iteration = 0; iteration < 5; iteration++)
        {
            var y = (double[])x.Clone();
            ApplyPermutation(y);
            SubstituteInPlace(y);
            estimate = TensorPrimitives.SumOfMagnitudes<double>(y);
            var xi = y.Select(v => v >= 0 ? 1.0 : -1.0).ToArray();
            var z = SolveTransposed(xi);
            int j = TensorPrimitives.IndexOfMaxMagnitude<double>(z);
            if (Math.Abs(z[j]) <= TensorPrimitives.Dot<double>(z, x)) break;
            Array.Clear(x);
            x[j] = 1;
        }
        // Higham's extra test vector guards against the rare matrices that fool Hager's iteration.
        var alt = new double[n];
        for (int i = 0; i < n; i++) alt[i] = (i % 2 == 0 ? 1 : -1) * (1 + (double)i / Math.Max(1, n - 1));
        ApplyPermutation(alt);
        SubstituteInPlace(alt);
        estimate = Math.Max(estimate, 2 * TensorPrimitives.SumOfMagnitudes<double>(alt) / (3 * n));
        return estimate * _normOne;
    }

    private void ApplyPermutation(Span<double> v)
    {
        var copy = v.ToArray();
        for (int i = 0; i < v.Length; i++) v[i] = copy[_permutation[i]];
    }
}
