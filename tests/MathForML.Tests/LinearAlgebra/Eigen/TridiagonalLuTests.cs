using MathForML.LinearAlgebra.Eigen;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// The tridiagonal LU with partial pivoting (dlagtf/dlagts): (T − λI)·x = y solved to a small backward error for shifts
/// that force row interchanges, and, at an exact eigenvalue (T − λI singular), a finite solution that points along the
/// eigenvector — what inverse iteration relies on.
/// </summary>
public class TridiagonalLuTests
{
    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(2, -0.7)]
    [InlineData(9, 0.0)]
    [InlineData(64, 0.25)]
    [InlineData(64, 5.0)]
    public void SolvesShiftedSystems(int m, double lambda)
    {
        var random = new Random(m);
        var d = Enumerable.Range(0, m).Select(_ => random.NextDouble() - 0.5).ToArray();
        var e = Enumerable.Range(0, Math.Max(m - 1, 0)).Select(_ => random.NextDouble() + 0.5).ToArray();   // |e| ≥ |d − λ| often: pivots swap
        var y = Enumerable.Range(0, m).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var lu = new TridiagonalLu(m);
        lu.Factor(d, e, lambda);
        var x = (double[])y.Clone();
        lu.Solve(x);
        double residual = 0, scale = 0;
        for (int i = 0; i < m; i++)
        {
            double t = (d[i] - lambda) * x[i];
            if (i > 0) t += e[i - 1] * x[i - 1];
            if (i < m - 1) t += e[i] * x[i + 1];
            residual = Math.Max(residual, Math.Abs(t - y[i]));
            scale = Math.Max(scale, Math.Abs(x[i]));
        }
        Assert.True(residual <= 1e-13 * Math.Max(1, scale), $"residual {residual:G3}, ‖x‖∞ {scale:G3}");
    }

    [Fact]
    public void AtAnEigenvalueTheSolutionIsFiniteAndAlongTheEigenvector()
    {
        // T = tridiag(−1, 2, −1) of order 5 has λ = 2 − 2cos(π/6) with v_i = sin(iπ/6).
        int m = 5;
        var d = Enumerable.Repeat(2.0, m).ToArray();
        var e = Enumerable.Repeat(-1.0, m - 1).ToArray();
        double lambda = 2 - (2 * Math.Cos(Math.PI / 6));
        var lu = new TridiagonalLu(m);
        lu.Factor(d, e, lambda);
        Assert.True(Math.Abs(lu.LastPivot) < 1e-14);
        var x = new double[] { 1, -0.5, 0.25, 0.8, -1 };
        lu.Solve(x);
        Assert.All(x, v => Assert.True(double.IsFinite(v)));
        double norm = Math.Sqrt(x.Sum(v => v * v));
        var v = Enumerable.Range(1, m).Select(i => Math.Sin(i * Math.PI / 6)).ToArray();
        double vNorm = Math.Sqrt(v.Sum(t => t * t));
        double cosine = Math.Abs(x.Zip(v, (a, b) => a * b).Sum()) / (norm * vNorm);
        Assert.True(cosine > 1 - 1e-12, $"cos(x, v) = {cosine:R}");
    }
}
