using MathForML.LinearAlgebra.Eigen.Geev;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// <c>np.linalg.eig(a)</c> as numpy computes it, for a real matrix whose eigenvalues are real (a covariance matrix, say):
/// LAPACK dgeev's steps in its order, so the eigenvalues come in LAPACK's order and each eigenvector with LAPACK's sign.
/// The PCA course's <c>eig(S)</c> is this call followed by a descending sort (<see cref="CourseEig"/>).
/// </summary>
/// <remarks>
/// <para>
/// Why a second eigensolver: an eigenvector's sign is not part of the mathematics, and numpy's is whatever dgeev's
/// reflections and rotations leave (numpy's <c>eigh</c> disagrees with its <c>eig</c> on the course's own test data).
/// A learner comparing with the course's printed basis needs that sign; <see cref="SymmetricEigen"/> (faster, more
/// accurate, its own documented sign) stays the library's eigensolver.
/// </para>
/// <para>
/// Steps (LAPACK 3.10, which numpy's OpenBLAS carries): balance (dgebal, <c>LapackBalancing</c>); reduce to Hessenberg
/// form with unblocked reflectors and form Q (dgehd2, dorghr: <c>LapackHessenberg</c>); the Francis double-shift QR
/// (dlahqr: <c>LapackHessenbergQr</c>); the eigenvectors of the triangular Schur form back-transformed (dtrevc3:
/// <c>LapackSchurEigenvectors</c>); undo the balancing (dgebak); each vector scaled to unit 2-norm.
/// </para>
/// <para>
/// What reproduces numpy, measured against numpy 1.24 on OpenBLAS 0.3.21 (tests/MathForML.Tests/Reference/numpy-eig):
/// the course's worked examples (its eig test [[3, 2], [2, 3]] and its 10-sample Gaussian, whose first component eig
/// returns as (−0.584, −0.812) where eigh gives (0.584, 0.812)), and all 40 seeded matrices of orders 1–8 (symmetric,
/// covariance, non-symmetric, with isolated eigenvalues, graded): eigenvalue order and every sign. Beyond that the sign
/// is a property of the matrix's last bits and of the BLAS's rounding, not of the mathematics: dlahqr's deflation
/// tests sit near their thresholds, so numpy itself returns another sign or order for a 9×9 covariance matrix in 138 of
/// 200 runs with its entries changed by one unit in the last place; 3 of 15 seeded matrices of orders 9–11 and most
/// larger ones end with another order or sign here (true eigenpairs, the same eigenvalues). From order 75 LAPACK also
/// changes algorithm (dhseqr calls the multishift dlaqr0).
/// Not done: dgeev's scaling of matrices with entries near overflow or underflow; complex eigenvalues (use
/// <see cref="EigenDecomposition"/>). Cost: about 25n³ flops, unblocked.
/// </para>
/// </remarks>
public static class NumPyEig
{
    /// <summary>The eigenvalues in LAPACK's order and the unit eigenvectors as columns, as <c>np.linalg.eig(a)</c>.</summary>
    /// <exception cref="DimensionMismatchException"><paramref name="a"/> is not square.</exception>
    /// <exception cref="ArgumentException"><paramref name="a"/> holds NaN or ±∞, or has complex eigenvalues.</exception>
    /// <exception cref="ArithmeticException">The QR iteration did not converge (LAPACK's INFO &gt; 0).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static (Vector Values, Matrix Vectors) Decompose(Matrix a, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        DimensionMismatchException.ThrowIfNotSquare(a.Rows, a.Columns, nameof(a));
        Finite.Require(a, nameof(a));
        int n = a.Rows;
        var h = a.Clone();
        var (lo, hi, scale) = LapackBalancing.Balance(h);
        var z = LapackHessenberg.Reduce(h, lo, hi, cancellationToken);
        var wr = new double[n];
        var wi = new double[n];
        for (int i = 0; i < n; i++)
            if (i < lo || i > hi) wr[i] = h[i, i];
        if (!LapackHessenbergQr.Compute(h, z, lo, hi, wr, wi, cancellationToken))
            throw new ArithmeticException($"The QR iteration did not converge for this {n}×{n} matrix.");
        for (int i = 0; i < n; i++)
            if (wi[i] != 0)
                throw new ArgumentException(
                    $"The matrix has complex eigenvalues ({wr[i]:G6} ± {Math.Abs(wi[i]):G6}i); NumPyEig covers real ones only: use EigenDecomposition.", nameof(a));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i - 1; j++) h[i, j] = 0;
        LapackSchurEigenvectors.BackTransform(h, z, cancellationToken);
        LapackBalancing.Undo(z, lo, hi, scale);
        var column = new double[n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++) column[i] = z[i, j];
            double factor = 1 / SafeNorm.Of(column);
            for (int i = 0; i < n; i++) z[i, j] *= factor;
        }

        return (Vector.Wrap(wr), z);
    }

    /// <summary>
    /// The PCA course's <c>eig(S)</c>: <see cref="Decompose"/> sorted by descending eigenvalue as
    /// <c>np.argsort(eigvals)[::-1]</c> orders them (equal eigenvalues: the later one first, as a stable ascending sort
    /// reversed), the eigenvectors' columns moved with them.
    /// </summary>
    /// <exception cref="DimensionMismatchException"><paramref name="s"/> is not square.</exception>
    /// <exception cref="ArgumentException"><paramref name="s"/> holds NaN or ±∞, or has complex eigenvalues.</exception>
    public static (Vector Values, Matrix Vectors) CourseEig(Matrix s, CancellationToken cancellationToken = default)
    {
        var (values, vectors) = Decompose(s, cancellationToken);
        int n = values.Length;
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ThenBy(i => i).Reverse().ToArray();
        var sortedValues = new double[n];
        var sortedVectors = new Matrix(n, n);
        for (int j = 0; j < n; j++)
        {
            sortedValues[j] = values[order[j]];
            for (int i = 0; i < n; i++) sortedVectors[i, j] = vectors[i, order[j]];
        }

        return (Vector.Wrap(sortedValues), sortedVectors);
    }
}
