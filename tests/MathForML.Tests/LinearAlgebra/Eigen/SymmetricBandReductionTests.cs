using MathForML.Kernels;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Tests.Kernels;
using static MathForML.Tests.LinearAlgebra.Eigen.TwoStageTestMatrices;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// Dense → band (dsytrd_sy2sb): the lower triangle is zero beyond the band, and the band matrix is an orthogonal
/// similarity of A (the same Frobenius norm to 1e-13 relative, the same eigenvalues to 1e-12·‖A‖_F as the unblocked
/// dsytd2 reduction gives), on sizes around the panel boundaries (a last panel of 2, of fewer rows than b, of exactly b),
/// across the fused pass's row blocks (128-row boundaries), on 1–3 threads and every kernel path.
/// </summary>
public class SymmetricBandReductionTests
{
    public static TheoryData<int, int, int> Cases => new()
    {
        { 1, 1, 1 }, { 2, 1, 1 }, { 3, 1, 1 }, { 4, 2, 1 }, { 5, 2, 2 }, { 10, 4, 1 }, { 33, 8, 2 }, { 34, 8, 1 }, { 35, 8, 3 },
        { 41, 8, 2 }, { 42, 8, 1 }, { 64, 16, 2 }, { 65, 16, 3 }, { 97, 32, 2 }, { 100, 48, 2 }, { 150, 8, 2 }, { 200, 48, 3 },
        { 290, 32, 2 }, { 300, 64, 1 }, { 300, 64, 2 }, { 301, 48, 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BandIsASimilarityOfA(int n, int b, int parts) => Check(n, b, parts, KernelPathSelection.Best, seed: (n * 10) + b);

    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void EveryKernelPathGivesABand(int pathNumber)
    {
        foreach (var (n, b) in new[] { (37, 8), (170, 24) })
            foreach (int parts in new[] { 1, 2 })
                Check(n, b, parts, (KernelPath)pathNumber, seed: n + pathNumber);
    }

    [Fact]
    public void CancellationIsObservedBetweenPanels()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            SymmetricBandReduction.Reduce(RandomSymmetric(40, 1), 40, 8, KernelPathSelection.Best, cancelled.Token));
    }

    private static void Check(int n, int b, int parts, KernelPath path, int seed)
    {
        var a = RandomSymmetric(n, seed);
        var band = (double[])a.Clone();
        SymmetricBandReduction.Reduce(band, n, b, path, parts);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i - b; j++) Assert.True(band[(i * n) + j] == 0, $"B[{i},{j}] = {band[(i * n) + j]} outside the band");
        double norm = LowerFrobenius(a, n);
        Assert.Equal(norm, LowerFrobenius(band, n), 1e-13 * norm);
        AssertSameEigenvalues(Eigenvalues(a, n), Eigenvalues(FromLower(band, n), n), norm, 1e-12);
    }
}
