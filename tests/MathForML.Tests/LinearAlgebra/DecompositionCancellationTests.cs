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
    public void AnUncancelledTokenChangesNothing()
    {
        using var source = new CancellationTokenSource();
        var a = Symmetric(30);
        Assert.Equal(SymmetricEigen.Decompose(a).Eigenvalues, SymmetricEigen.Decompose(a, cancellationToken: source.Token).Eigenvalues);
        Assert.Equal(Svd.Decompose(a).SingularValues, Svd.Decompose(a, source.Token).SingularValues);
    }
}
