using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra;

public class PowerIterationTests
{
    [Fact]
    public void FindsTheCourseExample()
    {
        var result = PowerIteration.Dominant(Matrix.FromRows([2, 1], [1, 2]));
        Assert.True(result.Converged);
        Assert.Equal(3, result.Eigenvalue, 1e-12);
        Assert.Equal(Math.Sqrt(0.5), result.Eigenvector[0], 1e-10);
        Assert.Equal(Math.Sqrt(0.5), result.Eigenvector[1], 1e-10);
    }

    [Fact]
    public void AgreesWithTheSymmetricEigenDominantPair()
    {
        // A covariance matrix: positive semi-definite, so its dominant eigenvalue is the largest one.
        var a = EigenReferenceData.Covariance(200, 12, 3);
        var eig = SymmetricEigen.Decompose(a);
        var result = PowerIteration.Dominant(a, tolerance: 1e-13, maxIterations: 100000);
        Assert.True(result.Converged);
        Assert.Equal(eig.Eigenvalues[0], result.Eigenvalue, 1e-12 * eig.Eigenvalues[0]);
        Assert.True((result.Eigenvector - eig.Eigenvectors.Column(0)).NormInfinity() <= 1e-8);
        Assert.Equal(1, result.Eigenvector.Norm(), 1e-14);
    }

    [Fact]
    public void NegativeDominantEigenvalueDoesNotFlipTheIterates()
    {
        var result = PowerIteration.Dominant(Matrix.Diagonal(-3, 1, 2), Vector.Of(1, 1, 1));
        Assert.True(result.Converged);
        Assert.Equal(-3, result.Eigenvalue, 1e-12);
        Assert.Equal(1, result.Eigenvector[0], 1e-12);
    }

    [Fact]
    public void ReportsNonConvergence()
    {
        var result = PowerIteration.Dominant(Matrix.FromRows([2, 1], [1, 2]), Vector.Of(1, 0), maxIterations: 3);
        Assert.False(result.Converged);
        Assert.Equal(3, result.Iterations);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<DimensionMismatchException>(() => PowerIteration.Dominant(new Matrix(2, 3)));
        Assert.Throws<DimensionMismatchException>(() => PowerIteration.Dominant(Matrix.Identity(2), Vector.Of(1, 2, 3)));
        Assert.Throws<ArgumentException>(() => PowerIteration.Dominant(Matrix.Identity(2), Vector.Of(0, 0)));
        Assert.Throws<NonFiniteValueException>(() => PowerIteration.Dominant(Matrix.FromRows([double.NaN])));
    }
}
