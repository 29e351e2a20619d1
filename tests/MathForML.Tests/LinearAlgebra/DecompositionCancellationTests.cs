using MathForML.LinearAlgebra;

namespace MathForML.Tests.LinearAlgebra;

public class DecompositionCancellationTests
{
    private static readonly CancellationToken Cancelled = new(true);

    private static Matrix Symmetric(int n)
    {
        var a = new Matrix(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i, j] = 1.0 / (1 + i + j) + (i == j ? n : 0);
        return a;
    }

    [Fact]
    public void SymmetricEigenThrowsForAPreCancelledToken()
    {
        Assert.Throws<OperationCanceledException>(() => SymmetricEigen.Decompose(Symmetric(40), cancellationToken: Cancelled));
        Assert.Throws<OperationCanceledException>(() => SymmetricEigen.Decompose(Symmetric(40), new SymmetricEigenOptions { TopK = 3 }, Cancelled));
        Assert.Throws<OperationCanceledException>(() => Symmetric(5).SymmetricEigen(cancellationToken: Cancelled));
    }

    [Fact]
    public void SvdThrowsForAPreCancelledToken()
    {
        Assert.Throws<OperationCanceledException>(() => Svd.Decompose(Symmetric(30).SliceColumns(..20), Cancelled));
        Assert.Throws<OperationCanceledException>(() => Symmetric(4).Svd(Cancelled));
    }

    [Fact]
    public void GeneralEigenThrowsForAPreCancelledToken()
    {
        var a = Symmetric(20);
        a[0, 19] += 1;   // not symmetric: the general (Hessenberg QR) solver
        Assert.Throws<OperationCanceledException>(() => EigenDecomposition.Decompose(a, Cancelled));
        Assert.Throws<OperationCanceledException>(() => a.Eigen(Cancelled));
    }

    [Fact]
    public void GeneralEigenStopsSoonAfterCancelling()
    {
        // A 1500×1500 non-symmetric matrix takes far longer than the 100 ms after which the token is cancelled; the
        // reduction and the QR sweeps check it at every step.
        var random = new MathForML.Randomness.SeededRandom(5);
        var a = new Matrix(1500, 1500);
        random.FillGaussian(a.AsSpan());
        using var source = new CancellationTokenSource();
        using var canceller = CancellationTestThreads.CancelAfter(source, 100);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => EigenDecomposition.Decompose(a, source.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"stopped after {watch.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public void AnUncancelledTokenChangesNothing()
    {
        using var source = new CancellationTokenSource();
        var a = Symmetric(30);
        Assert.Equal(SymmetricEigen.Decompose(a).Eigenvalues, SymmetricEigen.Decompose(a, cancellationToken: source.Token).Eigenvalues);
        Assert.Equal(Svd.Decompose(a).SingularValues, Svd.Decompose(a, source.Token).SingularValues);
        a[0, 29] += 1;
        Assert.Equal(EigenDecomposition.Decompose(a).Eigenvalues, EigenDecomposition.Decompose(a, source.Token).Eigenvalues);
    }
}
