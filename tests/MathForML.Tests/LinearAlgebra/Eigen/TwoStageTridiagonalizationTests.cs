using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;
using static MathForML.Tests.LinearAlgebra.Eigen.TwoStageTestMatrices;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// Both stages together on the matrices that trouble eigensolvers (clustered Wilkinson spectra, glued copies, λI, zero,
/// graded over 16 orders of magnitude), and <see cref="SymmetricEigen.Values"/> on either side of the order where it
/// switches to them: eigenvalues within 1e-12·‖A‖_F of the one-stage reduction's.
/// </summary>
public class TwoStageTridiagonalizationTests
{
    [Theory]
    [InlineData("wilkinson", 8)]
    [InlineData("glued", 16)]
    [InlineData("identity", 8)]
    [InlineData("zero", 8)]
    [InlineData("graded", 12)]
    [InlineData("random", 48)]
    public void DifficultSpectraKeepTheirEigenvalues(string kind, int b)
    {
        var (a, n) = Matrix(kind);
        var (d, e) = (new double[n], new double[n]);
        TwoStageTridiagonalization.Reduce((double[])a.Clone(), n, d, e, b, KernelPathSelection.Best);
        double norm = Math.Max(LowerFrobenius(a, n), double.Epsilon);
        AssertSameEigenvalues(Eigenvalues(a, n), TridiagonalEigenvalues(d, e, n), norm, 1e-12);
        if (kind == "zero") Assert.All(d.Concat(e), x => Assert.Equal(0, x));
        if (kind == "identity") Assert.All(d, x => Assert.Equal(3.0, x, 1e-14));
    }

    [Theory]
    [InlineData(TwoStageTridiagonalization.MinimumOrder - 1)]
    [InlineData(TwoStageTridiagonalization.MinimumOrder + 37)]
    public void ValuesAgreeWithTheOneStageReduction(int n)
    {
        var a = RandomSymmetric(n, n);
        var (d, e) = (new double[n], new double[n]);
        BlockedTridiagonalization.ReduceValuesOnly((double[])a.Clone(), n, d, e);
        TridiagonalValues.Compute(d, e, n);
        Array.Sort(d);
        var values = SymmetricEigen.Values(new Matrix(n, n, a)).AsSpan().ToArray();
        Array.Sort(values);
        AssertSameEigenvalues(d, values, LowerFrobenius(a, n), 1e-12);
    }

    /// <summary>
    /// Only the lower triangle is read (as <see cref="SymmetricEigen"/> documents): an upper triangle off by up to the
    /// accepted asymmetry, or (inside the reduction) holding anything at all, changes no bit of the eigenvalues.
    /// </summary>
    [Fact]
    public void OnlyTheLowerTriangleIsRead()
    {
        int n = TwoStageTridiagonalization.MinimumOrder + 5;
        var a = RandomSymmetric(n, 9);
        var perturbed = (double[])a.Clone();
        var random = new Random(4);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) perturbed[(i * n) + j] += 1e-12 * ((2 * random.NextDouble()) - 1);
        Assert.Equal(SymmetricEigen.Values(new Matrix(n, n, a)).AsSpan().ToArray(), SymmetricEigen.Values(new Matrix(n, n, perturbed)).AsSpan().ToArray());

        int m = 150;
        var small = RandomSymmetric(m, 3);
        var garbage = (double[])small.Clone();
        for (int i = 0; i < m; i++)
            for (int j = i + 1; j < m; j++) garbage[(i * m) + j] = double.NaN;
        var (d1, e1, d2, e2) = (new double[m], new double[m], new double[m], new double[m]);
        TwoStageTridiagonalization.Reduce(small, m, d1, e1, 16, KernelPathSelection.Best);
        TwoStageTridiagonalization.Reduce(garbage, m, d2, e2, 16, KernelPathSelection.Best);
        Assert.Equal(d1, d2);
        Assert.Equal(e1, e2);
    }

    private static (double[] A, int N) Matrix(string kind)
    {
        switch (kind)
        {
            case "wilkinson":
            case "glued":
                {
                    // W21⁺ (diagonal |i − 10|, off-diagonal 1), five copies glued by 1e-10, turned by a random orthogonal Q.
                    int copies = kind == "glued" ? 5 : 1, n = 21 * copies;
                    var t = new double[n * n];
                    for (int i = 0; i < n; i++)
                    {
                        t[(i * n) + i] = Math.Abs((i % 21) - 10);
                        if (i + 1 < n) t[(i * n) + i + 1] = t[((i + 1) * n) + i] = (i + 1) % 21 == 0 ? 1e-10 : 1;
                    }

                    return (Rotated(t, n, n), n);
                }

            case "identity":
                {
                    var a = new double[60 * 60];
                    for (int i = 0; i < 60; i++) a[(i * 60) + i] = 3;
                    return (Rotated(a, 60, 2), 60);
                }

            case "zero":
                return (new double[50 * 50], 50);
            case "graded":
                {
                    int n = 90;
                    var a = RandomSymmetric(n, 11);
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < n; j++) a[(i * n) + j] *= Math.Pow(10, 8 - (16.0 * (i + j) / (2 * (n - 1))));
                    return (a, n);
                }

            default:
                return (RandomSymmetric(333, 3), 333);
        }
    }

    /// <summary>Qᵀ·A·Q for Q from the one-stage reduction of a random symmetric matrix (orthogonal), made exactly symmetric.</summary>
    private static double[] Rotated(double[] a, int n, int seed)
    {
        var q = RandomOrthogonal(n, seed);
        var result = new double[n * n];
        var aq = new double[n * n];
        Gemm.Multiply(Op.None, Op.None, n, n, n, 1.0, a, n, q, n, 0.0, aq, n);
        Gemm.Multiply(Op.Transpose, Op.None, n, n, n, 1.0, q, n, aq, n, 0.0, result, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) result[(j * n) + i] = result[(i * n) + j];
        return result;
    }

    private static double[] RandomOrthogonal(int n, int seed)
    {
        var decomposition = SymmetricEigen.Decompose(new Matrix(n, n, RandomSymmetric(n, seed)));
        return decomposition.Eigenvectors.AsSpan().ToArray();
    }
}
