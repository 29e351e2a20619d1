using MathForML.LinearAlgebra.Eigen;
using Matrix = MathForML.LinearAlgebra.Matrix;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>The blocked QR (dgeqrf) that precedes the bidiagonalisation of very tall matrices: Q·R = A, QᵀQ = I, R upper triangular.</summary>
public class BlockedHouseholderQrTests
{
    /// <summary>Shapes either side of the 48-column panels (one, two), square ones and a single column.</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(50, 1)]
    [InlineData(60, 47)]
    [InlineData(60, 48)]
    [InlineData(70, 49)]
    [InlineData(65, 65)]
    [InlineData(120, 95)]
    [InlineData(120, 96)]
    [InlineData(200, 97)]
    [InlineData(97, 97)]
    public void FactorsRandomMatrices(int m, int n)
    {
        var a = EigenReferenceData.Lcg(m, n, (ulong)(m + 7 * n));
        AssertFactorization(a);
    }

    /// <summary>Zero columns (reflectors with nothing to annihilate) and an exactly rank-one matrix.</summary>
    [Fact]
    public void FactorsDegenerateMatrices()
    {
        var a = EigenReferenceData.Lcg(90, 45, 3);
        for (int i = 0; i < 90; i++)
            for (int j = 10; j < 40; j++) a[i, j] = 0;
        AssertFactorization(a);
        var rankOne = new Matrix(80, 40);
        for (int i = 0; i < 80; i++)
            for (int j = 0; j < 40; j++) rankOne[i, j] = (i - 39.5) * (j + 1);
        AssertFactorization(rankOne);
    }

    [Fact]
    public void RejectsWideMatrices() =>
        Assert.Throws<ArgumentException>(() => BlockedHouseholderQr.Factor(new double[6], 2, 3, new double[6], new double[3]));

    /// <summary>Q (from the reflectors applied to I) times R equals A to 1e-14·max(‖A‖_F, 1) entrywise; QᵀQ = I to 1e-14.</summary>
    private static void AssertFactorization(Matrix a)
    {
        int m = a.Rows, n = a.Columns;
        var work = a.AsSpan().ToArray();
        var (reflectors, tau) = (new double[n * m], new double[n]);
        BlockedHouseholderQr.Factor(work, m, n, reflectors, tau);
        var r = new Matrix(m, n, work);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < Math.Min(i, n); j++) Assert.Equal(0, r[i, j]);
        var qt = new double[m * m];
        for (int i = 0; i < m; i++) qt[i * m + i] = 1;
        HouseholderBackTransformation.Apply(qt, m, m, reflectors, tau, n, 0, fromIdentity: true);
        var q = new Matrix(m, m, qt).Transpose();
        double scale = Math.Max(a.FrobeniusNorm(), 1);
        Assert.True((q * r).ApproximatelyEquals(a, 1e-14 * scale), "QR = A");
        Assert.True(q.TransposeTimes(q).ApproximatelyEquals(Matrix.Identity(m), 1e-14), "QᵀQ = I");
    }
}
