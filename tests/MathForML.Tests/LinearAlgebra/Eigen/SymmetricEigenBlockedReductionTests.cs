using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary><see cref="SymmetricEigen"/> at orders where the blocked tridiagonal reduction runs (several panels).</summary>
public class SymmetricEigenBlockedReductionTests
{
    /// <summary>
    /// Residuals ‖Av − λv‖ ≤ 1e-10‖A‖_F, VᵀV = I to 1e-12·n, A = VΛVᵀ (<see cref="SymmetricEigenTests.AssertValidDecomposition"/>),
    /// and the eigenvalues (full decomposition and values only) within 1e-12·‖A‖_F of the unblocked reduction's T
    /// diagonalised by the QL iteration.
    /// </summary>
    [Theory]
    [InlineData(300)]
    [InlineData(517)]
    [InlineData(700)]
    public void DecompositionIsValidAndMatchesTheUnblockedReduction(int n)
    {
        var a = EigenReferenceData.LcgSymmetric(n, (ulong)n + 3);
        double norm = a.FrobeniusNorm();
        var eig = SymmetricEigen.Decompose(a);
        SymmetricEigenTests.AssertValidDecomposition(a, eig, norm);

        var (d, e, reflectors, tau) = (new double[n], new double[n], new double[n * n], new double[n]);
        HouseholderTridiagonalization.Reduce(a.AsSpan().ToArray(), n, d, e, reflectors, tau);
        TridiagonalQl.Diagonalize(d, e, n, null);
        Array.Sort(d, (x, y) => y.CompareTo(x));
        var values = SymmetricEigen.Values(a);
        for (int i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(d[i] - eig.Eigenvalues[i]) <= 1e-12 * norm, $"λ{i} = {eig.Eigenvalues[i]}, unblocked {d[i]}");
            Assert.True(Math.Abs(d[i] - values[i]) <= 1e-12 * norm, $"values-only λ{i} = {values[i]}, unblocked {d[i]}");
        }
    }
}
