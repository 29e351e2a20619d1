using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// The members a .NET developer looks for first (as in Math.NET Numerics: <c>A.Solve(b)</c>, <c>A.Inverse()</c>,
/// <c>A.Svd()</c>). Each is a thin forward to a decomposition type, which stays the home of the algorithm and of its
/// factors; call the type directly to reuse one factorization for many solves.
/// </summary>
public sealed partial class Matrix
{
    /// <summary>
    /// Solves A·x = b: for a square A by <see cref="LuDecomposition"/> (exact), otherwise (m &gt; n) the least-squares
    /// solution minimising ‖A·x − b‖₂ by <see cref="QrDecomposition"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="b"/> is null.</exception>
    /// <exception cref="DimensionMismatchException">b's length differs from A's row count, or A has fewer rows than columns.</exception>
    /// <exception cref="NonFiniteValueException">A or b holds NaN or ±∞.</exception>
    /// <exception cref="SingularMatrixException">A is singular (square), or its columns are dependent (least squares).</exception>
    public Vector Solve(Vector b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (IsSquare)
        {
            Finite.Require(b.AsSpan(), nameof(b));
            return Lu().Solve(b);
        }
        return Qr().Solve(b);
    }

    /// <summary>
    /// Solves A·X = B for every column of B: by <see cref="LuDecomposition"/> for a square A, otherwise (m &gt; n) in the
    /// least-squares sense by <see cref="QrDecomposition"/>, one factorization for all columns.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="b"/> is null.</exception>
    /// <exception cref="DimensionMismatchException">B's row count differs from A's, or A has fewer rows than columns.</exception>
    /// <exception cref="NonFiniteValueException">A or B holds NaN or ±∞.</exception>
    /// <exception cref="SingularMatrixException">A is singular (square), or its columns are dependent (least squares).</exception>
    public Matrix Solve(Matrix b)
    {
        ArgumentNullException.ThrowIfNull(b);
        Finite.Require(b, nameof(b));
        if (IsSquare) return Lu().Solve(b);
        if (b.Rows != Rows)
            throw new DimensionMismatchException($"Right-hand side has {b.Rows} rows, A has {Rows} rows.", nameof(b));
        var qr = Qr();
        var x = new Matrix(Columns, b.Columns);
        for (int j = 0; j < b.Columns; j++) x.SetColumn(j, qr.Solve(b.Column(j)));
        return x;
    }

    /// <summary>The inverse A⁻¹ of a square matrix, by <see cref="LuDecomposition.Inverse"/> (solving A·X = I).</summary>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="NonFiniteValueException">A holds NaN or ±∞.</exception>
    /// <exception cref="SingularMatrixException">A is singular.</exception>
    public Matrix Inverse() => Lu().Inverse();

    /// <summary>The determinant det A = sign(P)·∏ uᵢᵢ, by <see cref="LuDecomposition.Determinant"/> (0 when A is singular).</summary>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="NonFiniteValueException">A holds NaN or ±∞.</exception>
    public double Determinant() => Lu().Determinant;

    /// <summary>
    /// The rank: the number of singular values above <paramref name="tolerance"/> (by default σ₀·max(m, n)·ε, as
    /// numpy.linalg.matrix_rank), by <see cref="LinearAlgebra.Svd.Rank"/>. The course's elimination-based count is
    /// <see cref="RowEchelon.Rank"/>.
    /// </summary>
    /// <exception cref="NonFiniteValueException">A holds NaN or ±∞.</exception>
    /// <exception cref="InvalidOperationException">The Jacobi sweeps did not converge (not seen in practice).</exception>
    public int Rank(double? tolerance = null) => Svd().Rank(tolerance);

    /// <summary>The LU decomposition P·A = L·U with partial pivoting: <see cref="LuDecomposition.Decompose"/>.</summary>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="NonFiniteValueException">A holds NaN or ±∞.</exception>
    public LuDecomposition Lu() => LuDecomposition.Decompose(this);

    /// <summary>The Householder QR decomposition A = Q·R: <see cref="QrDecomposition.Decompose"/>.</summary>
    /// <exception cref="NonFiniteValueException">A holds NaN or ±∞.</exception>
    public QrDecomposition Qr() => QrDecomposition.Decompose(this);

    /// <summary>The Cholesky decomposition A = L·Lᵀ of a symmetric positive definite A: <see cref="CholeskyDecomposition.Decompose"/>.</summary>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="NonFiniteValueException">A holds NaN or ±∞.</exception>
    /// <exception cref="ArgumentException">A is not positive definite.</exception>
    public CholeskyDecomposition Cholesky() => CholeskyDecomposition.Decompose(this);

    /// <summary>
    /// The eigendecomposition A = V·Λ·Vᵀ of a symmetric A (eigenvalues descending, eigenvectors as sign-normalised
    /// columns): <see cref="LinearAlgebra.SymmetricEigen.Decompose(Matrix, SymmetricEigenOptions?, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="ArgumentException">A holds NaN or ±∞, or is not symmetric within the tolerance.</exception>
    /// <exception cref="ArgumentOutOfRangeException">TopK is outside 1 … n, or the tolerance is negative.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public SymmetricEigen SymmetricEigen(SymmetricEigenOptions? options = null, CancellationToken cancellationToken = default) =>
        LinearAlgebra.SymmetricEigen.Decompose(this, options, cancellationToken);

    /// <summary>
    /// The eigenvalues and eigenvectors of a general square A (complex pairs allowed, descending by magnitude):
    /// <see cref="EigenDecomposition.Decompose"/>. For a symmetric A, <see cref="SymmetricEigen"/> is faster and more accurate.
    /// </summary>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="ArgumentException">A holds NaN or ±∞.</exception>
    /// <exception cref="ArithmeticException">The QR iteration did not converge (in practice: never for finite input).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public EigenDecomposition Eigen(CancellationToken cancellationToken = default) => EigenDecomposition.Decompose(this, cancellationToken);

    /// <summary>The thin singular value decomposition A = U·Σ·Vᵀ (one-sided Jacobi for small matrices, bidiagonalisation above): <see cref="LinearAlgebra.Svd.Decompose(Matrix, CancellationToken)"/>.</summary>
    /// <exception cref="NonFiniteValueException">A holds NaN or ±∞.</exception>
    /// <exception cref="InvalidOperationException">The Jacobi sweeps did not converge (not seen in practice).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Svd Svd(CancellationToken cancellationToken = default) => LinearAlgebra.Svd.Decompose(this, cancellationToken);

    /// <summary>The singular values only, descending: <see cref="LinearAlgebra.Svd.Values(Matrix, CancellationToken)"/>.</summary>
    /// <exception cref="ArgumentException">A holds NaN or ±∞.</exception>
    /// <exception cref="InvalidOperationException">The Jacobi sweeps did not converge (not seen in practice).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Vector SingularValues(CancellationToken cancellationToken = default) => LinearAlgebra.Svd.Values(this, cancellationToken);

    /// <summary>The eigenvalues of a symmetric A only, descending: <see cref="LinearAlgebra.SymmetricEigen.Values"/>.</summary>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="ArgumentException">A holds NaN or ±∞, or is not symmetric within the tolerance.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Vector SymmetricEigenvalues(CancellationToken cancellationToken = default) => LinearAlgebra.SymmetricEigen.Values(this, cancellationToken: cancellationToken);
}
