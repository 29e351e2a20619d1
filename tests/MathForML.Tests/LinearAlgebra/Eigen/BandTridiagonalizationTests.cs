using MathForML.Kernels;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Tests.Kernels;
using static MathForML.Tests.LinearAlgebra.Eigen.TwoStageTestMatrices;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// Band → tridiagonal by bulge chasing (dsytrd_sb2st): T is an orthogonal similarity of the band matrix (‖T‖_F = ‖B‖_F to
/// 1e-13 relative, eigenvalues to 1e-12·‖B‖_F), for bandwidths from 1 to wider than half the matrix, and the sweeps
/// shared by 2, 3 and 5 threads (each owning a stretch of every sweep, sweeps that end before a thread's stretch, more
/// threads than bands) give T bit for bit as on one, run after run.
/// </summary>
public class BandTridiagonalizationTests
{
    public static TheoryData<int, int> Cases => new()
    {
        { 1, 1 }, { 2, 1 }, { 2, 4 }, { 3, 1 }, { 3, 2 }, { 4, 2 }, { 5, 4 }, { 9, 8 }, { 10, 3 }, { 17, 16 }, { 33, 8 },
        { 40, 32 }, { 64, 48 }, { 65, 8 }, { 100, 7 }, { 128, 32 }, { 129, 48 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TridiagonalIsASimilarityOfTheBand(int n, int b)
    {
        var band = RandomBand(n, b, (n * 100) + b);
        var (d, e) = (new double[n], new double[n]);
        BandTridiagonalization.Reduce((double[])band.Clone(), n, b, d, e, KernelPathSelection.Best, parts: 1);
        double norm = LowerFrobenius(band, n);
        Assert.Equal(norm, TridiagonalFrobenius(d, e, n), 1e-13 * Math.Max(norm, 1));
        AssertSameEigenvalues(Eigenvalues(band, n), TridiagonalEigenvalues(d, e, n), norm, 1e-12);
    }

    [Theory]
    [InlineData(300, 8)]
    [InlineData(257, 5)]
    [InlineData(300, 32)]
    [InlineData(200, 48)]
    [InlineData(40, 8)]
    [InlineData(25, 16)]
    public void PipelinedSweepsGiveTheSameTridiagonalBitForBit(int n, int b)
    {
        var band = RandomBand(n, b, n + b);
        var (d1, e1) = (new double[n], new double[n]);
        BandTridiagonalization.Reduce((double[])band.Clone(), n, b, d1, e1, KernelPathSelection.Best, parts: 1);
        foreach (int parts in new[] { 2, 3, 5, 2, 3 })
        {
            var (d, e) = (new double[n], new double[n]);
            BandTridiagonalization.Reduce((double[])band.Clone(), n, b, d, e, KernelPathSelection.Best, parts);
            Assert.Equal(d1, d);
            Assert.Equal(e1, e);
        }
    }

    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void EveryKernelPathAgreesWithTheScalarOne(int pathNumber)
    {
        int n = 90, b = 17;
        var band = RandomBand(n, b, 5);
        var (ds, es, d, e) = (new double[n], new double[n], new double[n], new double[n]);
        BandTridiagonalization.Reduce((double[])band.Clone(), n, b, ds, es, KernelPath.Scalar, parts: 1);
        BandTridiagonalization.Reduce((double[])band.Clone(), n, b, d, e, (KernelPath)pathNumber, parts: 2);
        AssertSameEigenvalues(TridiagonalEigenvalues(ds, es, n), TridiagonalEigenvalues(d, e, n), LowerFrobenius(band, n), 1e-13);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void CancellationStopsEveryThread(int parts)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        int n = 300;
        Assert.Throws<OperationCanceledException>(() =>
            BandTridiagonalization.Reduce(RandomBand(n, 8, 1), n, 8, new double[n], new double[n], KernelPathSelection.Best, parts, cancelled.Token));
    }
}
