using MathForML.LinearAlgebra;
using MathForML.Statistics;

namespace MathForML.DimensionalityReduction;

/// <summary>
/// PCA through the D×D covariance: S = Z̃ᵀZ̃/N by blocked SYRK (<see cref="SampleStatistics"/>), then all its
/// eigenpairs by <see cref="SymmetricEigen"/> (dsyevd's algorithm). The components are the top K eigenvectors.
/// Extra memory: S, its eigenvectors and one block of centred rows, never a centred copy of X.
/// </summary>
internal static class CovariancePcaSolver
{
    public static PcaFactors Solve(Matrix x, ReadOnlySpan<double> mean, ReadOnlySpan<double> scale, int k)
    {
        int d = x.Columns;
        var s = new Matrix(d, d);
        SampleStatistics.Scatter(x, mean, scale, 1.0 / x.Rows, s.AsSpan());
        double total = s.Trace();
        var eigen = SymmetricEigen.Decompose(s);
        var components = new double[k * d];
        var vectors = eigen.Eigenvectors.AsSpan();
        for (int j = 0; j < d; j++)
            for (int q = 0; q < k; q++)
                components[q * d + j] = vectors[j * d + q];
        return new PcaFactors(eigen.Eigenvalues.ToArray(), components, total);
    }
}
