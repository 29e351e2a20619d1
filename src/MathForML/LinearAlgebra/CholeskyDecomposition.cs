using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// Cholesky decomposition A = L·Lᵀ of a symmetric positive definite matrix: L lower triangular with a positive diagonal.
/// </summary>
/// <remarks>
/// The column-oriented algorithm of LAPACK dpotf2 (Golub &amp; Van Loan, Matrix Computations 4th ed., §4.2.5):
/// lⱼⱼ = √(aⱼⱼ − Σₚ₍ₚ₌₀..ⱼ₋₁₎ lⱼₚ²) and lᵢⱼ = (aᵢⱼ − Σₚ lᵢₚlⱼₚ)/lⱼⱼ for i &gt; j. Only the lower triangle of A is read.
/// Cost n³/3 flops, half of LU, and no pivoting is needed. Solving is forward substitution with L, then back
/// substitution with Lᵀ.
/// </remarks>
public sealed class CholeskyDecomposition
{
    private CholeskyDecomposition(Matrix l) => L = l;

    /// <summary>The lower-triangular factor L (its strict upper triangle is zero).</summary>
    public Matrix L { get; }

    /// <summary>The order n of A.</summary>
    public int Size => L.Rows;

    /// <summary>det A = ∏ lᵢᵢ².</summary>
    public double Determinant
    {
        get
        {
            double d = 1;
            for (int i = 0; i < Size; i++) d *= L[i, i] * L[i, i];
            return d;
        }
    }

    /// <summary>Factors the symmetric positive definite matrix <paramref name="a"/> (its lower triangle is used).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="NonFiniteValueException">A holds NaN or ±∞.</exception>
    /// <exception cref="ArgumentException">A is not positive definite (a pivot is not positive).</exception>
    public static CholeskyDecomposition Decompose(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        DimensionMismatchException.ThrowIfNotSquare(a.Rows, a.Columns, nameof(a));
        Finite.Require(a, nameof(a));
        var l = a.Clone();
        if (!CholeskyFactorization.TryFactor(l.AsSpan(), l.Rows))
            throw new ArgumentException($"The {a.Rows}×{a.Columns} matrix is not positive definite: a Cholesky pivot is not positive.", nameof(a));
        return new CholeskyDecomposition(l);
    }

    /// <summary>Solves Ax = b: L·y = b, then Lᵀ·x = y.</summary>
    /// <exception cref="DimensionMismatchException">b's length is not n.</exception>
    public Vector Solve(Vector b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.Length != Size)
            throw new DimensionMismatchException($"Right-hand side has {b.Length} entries, the matrix is {Size}×{Size}.", nameof(b));
        var x = b.ToArray();
        Substitute(x);
        return Vector.Wrap(x);
    }

    /// <summary>Solves AX = B, column by column.</summary>
    /// <exception cref="DimensionMismatchException">B does not have n rows.</exception>
    public Matrix Solve(Matrix b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rows != Size)
            throw new DimensionMismatchException($"Right-hand side has {b.Rows} rows, the matrix is {Size}×{Size}.", nameof(b));
        var x = new Matrix(b.Rows, b.Columns);
        var column = new double[Size];
        for (int j = 0; j < b.Columns; j++)
        {
            for (int i = 0; i < Size; i++) column[i] = b[i, j];
            Substitute(column);
            for (int i = 0; i < Size; i++) x[i, j] = column[i];
        }
        return x;
    }

    /// <summary>x ← (L·Lᵀ)⁻¹x.</summary>
    private void Substitute(Span<double> x)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
        {
            var row = L.RowSpan(i);
            double s = x[i];
            for (int p = 0; p < i; p++) s -= row[p] * x[p];
            x[i] = s / row[i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = x[i];
            for (int p = i + 1; p < n; p++) s -= L[p, i] * x[p];
            x[i] = s / L[i, i];
        }
    }
}
