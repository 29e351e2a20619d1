using MathForML.LinearAlgebra.Eigen;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>Divide and conquer asked for only its largest eigenvectors (the Golub–Kahan SVD asks for the positive half).</summary>
public class TridiagonalDivideConquerTests
{
    /// <summary>
    /// A random tridiagonal of order 150 (several merges above the 32-row leaves; 600 for merges large enough to solve
    /// the secular equation and move their columns on two threads) and the zero-diagonal Golub–Kahan form
    /// of a random bidiagonal: the eigenvalues equal the full run's to 1e-14·‖T‖, and the eigenvectors of the k largest
    /// satisfy ‖T·z − λ·z‖ ≤ 1e-13·‖T‖ and are orthonormal to 1e-13.
    /// </summary>
    [Theory]
    [InlineData(150, 40, false)]
    [InlineData(150, 75, true)]
    [InlineData(64, 1, false)]
    [InlineData(600, 600, false)]
    [InlineData(600, 150, true)]
    public void LargestEigenvectorsAreFinished(int n, int largest, bool zeroDiagonal)
    {
        var random = new Random(n + largest);
        var d = Enumerable.Range(0, n).Select(_ => zeroDiagonal ? 0 : random.NextDouble() - 0.5).ToArray();
        var e = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var (fullD, partD) = ((double[])d.Clone(), (double[])d.Clone());
        var full = TridiagonalDivideConquer.Decompose(fullD, (double[])e.Clone(), n);
        var part = TridiagonalDivideConquer.Decompose(partD, (double[])e.Clone(), n, largest);
        var sortedFull = fullD.OrderByDescending(x => x).ToArray();
        var sortedPart = partD.OrderByDescending(x => x).ToArray();
        for (int i = 0; i < n; i++) Assert.Equal(sortedFull[i], sortedPart[i], 1e-14 * 2);

        var top = Enumerable.Range(0, n).OrderByDescending(j => partD[j]).Take(largest).ToArray();
        foreach (int j in top)
        {
            double residual = 0;
            for (int i = 0; i < n; i++)
            {
                double tz = d[i] * part[i * n + j] + (i > 0 ? e[i - 1] * part[(i - 1) * n + j] : 0) + (i < n - 1 ? e[i] * part[(i + 1) * n + j] : 0);
                residual = Math.Max(residual, Math.Abs(tz - partD[j] * part[i * n + j]));
            }

            Assert.True(residual <= 1e-13 * 2, $"‖Tz − λz‖ = {residual:E2} for λ = {partD[j]}");
            foreach (int k in top)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += part[i * n + j] * part[i * n + k];
                Assert.True(Math.Abs(dot - (j == k ? 1 : 0)) <= 1e-13, $"z{j}·z{k} = {dot:E2}");
            }
        }

        WorkspacePool.Return(full);
        WorkspacePool.Return(part);
    }
}
