using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra;

/// <summary>The forwarding members on <see cref="Matrix"/> give the same numbers as the decomposition types they name.</summary>
public class MatrixDecompositionsTests
{
    private static readonly Matrix Square = Matrix.FromRows([4, -2, 1], [3, 6, -4], [2, 1, 8]);
    private static readonly Matrix Spd = Matrix.FromRows([4, 12, -16], [12, 37, -43], [-16, -43, 98]);
    private static readonly Matrix Tall = Matrix.FromRows([1, 1], [1, 2], [1, 3], [1, 4]);

    [Fact]
    public void SolveVectorOfSquareIsLuSolve()
    {
        var b = Vector.Of(12, -25, 32);
        Assert.Equal(LuDecomposition.Decompose(Square).Solve(b), Square.Solve(b));
        Assert.True((Square * Square.Solve(b)).ApproximatelyEquals(b, 1e-12));
    }

    [Fact]
    public void SolveMatrixOfSquareIsLuSolve()
    {
        var b = Matrix.FromRows([1, 0], [0, 1], [2, 3]);
        Assert.Equal(LuDecomposition.Decompose(Square).Solve(b), Square.Solve(b));
    }

    [Fact]
    public void SolveOfTallIsQrLeastSquares()
    {
        var b = Vector.Of(6, 5, 7, 10);
        var x = Tall.Solve(b);
        Assert.Equal(QrDecomposition.Decompose(Tall).Solve(b), x);
        Assert.Equal(3.5, x[0], 12);
        Assert.Equal(1.4, x[1], 12);
        var both = Tall.Solve(Matrix.FromColumns(b, 2 * b));
        Assert.True(both.Column(0).ApproximatelyEquals(x, 1e-14));
        Assert.True(both.Column(1).ApproximatelyEquals(2 * x, 1e-13));
    }

    [Fact]
    public void InverseDeterminantAndRankForward()
    {
        var lu = LuDecomposition.Decompose(Square);
        Assert.Equal(lu.Inverse(), Square.Inverse());
        Assert.Equal(lu.Determinant, Square.Determinant());
        Assert.Equal(Svd.Decompose(Square).Rank(), Square.Rank());
        Assert.Equal(3, Square.Rank());
        Assert.Equal(1, Matrix.FromRows([1, 2], [2, 4]).Rank());
        Assert.Equal(RowEchelon.Rank(Tall), Tall.Rank());
    }

    [Fact]
    public void DecompositionsForward()
    {
        Assert.Equal(LuDecomposition.Decompose(Square).U, Square.Lu().U);
        Assert.Equal(QrDecomposition.Decompose(Tall).R, Tall.Qr().R);
        var symmetric = Spd.SymmetricEigen();
        Assert.Equal(SymmetricEigen.Decompose(Spd).Eigenvalues, symmetric.Eigenvalues);
        Assert.Equal(SymmetricEigen.Decompose(Spd).Eigenvectors, symmetric.Eigenvectors);
        Assert.Equal(EigenDecomposition.Decompose(Square).Eigenvalues, Square.Eigen().Eigenvalues);
        var svd = Tall.Svd();
        Assert.Equal(Svd.Decompose(Tall).SingularValues, svd.SingularValues);
        Assert.Equal(Svd.Decompose(Tall).U, svd.U);
    }

    [Fact]
    public void CholeskyFactorsTheTextbookExample()
    {
        // The example of Wikipedia's "Cholesky decomposition": L = [[2, 0, 0], [6, 1, 0], [-8, 5, 3]].
        var chol = Spd.Cholesky();
        Assert.True(chol.L.ApproximatelyEquals(Matrix.FromRows([2, 0, 0], [6, 1, 0], [-8, 5, 3]), 1e-12));
        Assert.True((chol.L * chol.L.Transpose()).ApproximatelyEquals(Spd, 1e-12));
        Assert.Equal(36, chol.Determinant, 1e-9);
        Assert.Equal(Spd.Determinant(), chol.Determinant, 1e-9);
        var b = Vector.Of(1, 2, 3);
        Assert.True(chol.Solve(b).ApproximatelyEquals(Spd.Solve(b), 1e-9));
        Assert.True(chol.Solve(Matrix.Identity(3)).ApproximatelyEquals(Spd.Inverse(), 1e-9));
    }

    [Fact]
    public void BadInputsThrowTheDocumentedExceptions()
    {
        var singular = Matrix.FromRows([1, 2], [2, 4]);
        Assert.Throws<SingularMatrixException>(() => singular.Solve(Vector.Of(1, 2)));
        Assert.Throws<SingularMatrixException>(() => singular.Inverse());
        Assert.Equal(0, singular.Determinant());
        Assert.Throws<DimensionMismatchException>(() => Tall.Inverse());
        Assert.Throws<DimensionMismatchException>(() => Tall.Determinant());
        Assert.Throws<DimensionMismatchException>(() => Square.Solve(Vector.Of(1, 2)));
        Assert.Throws<DimensionMismatchException>(() => Tall.Solve(Matrix.Identity(3)));
        Assert.Throws<DimensionMismatchException>(() => Tall.Transpose().Solve(Vector.Of(1, 2)));
        Assert.Throws<NonFiniteValueException>(() => Square.Solve(Vector.Of(1, double.NaN, 2)));
        Assert.Throws<NonFiniteValueException>(() => Square.Solve(Matrix.FromRows([1], [double.PositiveInfinity], [0])));
        Assert.Throws<ArgumentNullException>(() => Square.Solve((Vector)null!));
        Assert.Throws<ArgumentException>(() => Matrix.FromRows([1, 2], [2, 1]).Cholesky());
        Assert.Throws<DimensionMismatchException>(() => Tall.Cholesky());
        Assert.Throws<ArgumentException>(() => Square.SymmetricEigen());
        Assert.Throws<DimensionMismatchException>(() => Tall.Eigen());
    }
}
