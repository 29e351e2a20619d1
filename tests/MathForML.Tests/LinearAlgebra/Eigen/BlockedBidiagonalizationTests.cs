using System.Numerics.Tensors;
using MathForML.Kernels;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Tests.Kernels;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// The blocked bidiagonal reduction (dgebrd/dlabrd) against the unblocked one (dgebd2), and Q·B·Pᵀ = A, QᵀQ = I,
/// PᵀP = I, on shapes around the panel and crossover boundaries and on every kernel path.
/// </summary>
public class BlockedBidiagonalizationTests
{
    /// <summary>d, e, the reflector rows and τ of one reduction.</summary>
    private sealed record Reduction(double[] D, double[] E, double[] Left, double[] TauQ, double[] Right, double[] TauP);

    /// <summary>(m, n, nb, crossover): panels run while more than max(crossover, nb) columns remain.</summary>
    public static TheoryData<int, int, int, int> Boundaries => new()
    {
        { 2, 2, 1, 0 }, { 3, 2, 1, 0 }, { 3, 3, 1, 0 }, { 9, 8, 8, 0 }, { 9, 9, 8, 0 }, { 10, 9, 8, 0 }, { 17, 16, 8, 0 },
        { 17, 17, 8, 0 }, { 30, 17, 8, 0 }, { 25, 24, 8, 0 }, { 40, 25, 8, 0 }, { 33, 33, 32, 0 }, { 64, 63, 32, 0 },
        { 65, 64, 32, 0 }, { 65, 65, 32, 0 }, { 100, 66, 32, 0 }, { 97, 97, 32, 0 }, { 64, 40, 8, 20 }, { 41, 41, 8, 32 },
        { 129, 128, 32, 128 }, { 129, 129, 32, 128 }, { 200, 161, 32, 128 }, { 161, 161, 32, 128 }, { 300, 160, 32, 128 },
    };

    /// <summary>
    /// A random m×n matrix: d and e agree with the unblocked reduction to 1e-13·‖A‖_F entry by entry (same reflectors,
    /// other rounding), and the blocked Q, B, P satisfy Q·B·Pᵀ = A to 1e-13·‖A‖_F, QᵀQ = I and PᵀP = I to 1e-13.
    /// </summary>
    [Theory]
    [MemberData(nameof(Boundaries))]
    public void RandomMatrixMatchesTheUnblockedReduction(int m, int n, int nb, int crossover)
    {
        var a = EigenReferenceData.Lcg(m, n, (ulong)(m * 1000 + n)).AsSpan().ToArray();
        var blocked = Blocked(a, m, n, nb, crossover, KernelPathSelection.Best);
        AssertSameBidiagonal(Unblocked(a, m, n), blocked, Norm(a), 1e-13);
        AssertFactorization(a, m, n, blocked, 1e-13);
    }

    /// <summary>Every kernel path of the panel's corrections and the trailing GEMMs gives the unblocked result.</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void EveryKernelPathMatchesTheUnblockedReduction(int pathNumber)
    {
        int m = 140, n = 101;
        var a = EigenReferenceData.Lcg(m, n, 17).AsSpan().ToArray();
        var blocked = Blocked(a, m, n, 16, 24, (KernelPath)pathNumber);
        AssertSameBidiagonal(Unblocked(a, m, n), blocked, Norm(a), 1e-13);
        AssertFactorization(a, m, n, blocked, 1e-13);
    }

    /// <summary>
    /// The zero matrix reduces to B = 0 with every τ zero; a matrix with zero columns and a rank-one matrix still give
    /// Q·B·Pᵀ = A with orthogonal Q and P (reflectors with nothing to annihilate are the identity).
    /// </summary>
    [Theory]
    [InlineData("zero")]
    [InlineData("zeroColumns")]
    [InlineData("rankOne")]
    public void DegenerateMatricesGiveAValidReduction(string kind)
    {
        int m = 70, n = 50;
        var a = EigenReferenceData.Lcg(m, n, 5).AsSpan().ToArray();
        if (kind == "zero") Array.Clear(a);
        if (kind == "zeroColumns")
            for (int r = 0; r < m; r++) a.AsSpan(r * n + 10, 20).Clear();
        if (kind == "rankOne")
            for (int r = 0; r < m; r++)
                for (int c = 0; c < n; c++) a[r * n + c] = (r + 1.0) * (c - 20.5);
        var blocked = Blocked(a, m, n, 8, 16, KernelPathSelection.Best);
        AssertFactorization(a, m, n, blocked, 1e-13);
        if (kind == "zero")
        {
            Assert.All(blocked.D.Concat(blocked.E), x => Assert.Equal(0, x));
            Assert.All(blocked.TauQ.Concat(blocked.TauP), t => Assert.Equal(0, t));
        }
    }

    [Fact]
    public void RejectsWideMatrices() =>
        Assert.Throws<ArgumentException>(() => Blocked(new double[6], 2, 3, 1, 0, KernelPath.Scalar));

    private static Reduction New(int m, int n) =>
        new(new double[n], new double[Math.Max(1, n - 1)], new double[n * m], new double[n], new double[n * n], new double[n]);

    private static Reduction Unblocked(double[] a, int m, int n)
    {
        var r = New(m, n);
        HouseholderBidiagonalization.Reduce((double[])a.Clone(), m, n, 0, r.D, r.E, r.Left, r.TauQ, r.Right, r.TauP);
        return r;
    }

    private static Reduction Blocked(double[] a, int m, int n, int nb, int crossover, KernelPath path)
    {
        var r = New(m, n);
        BlockedBidiagonalization.Reduce((double[])a.Clone(), m, n, r.D, r.E, r.Left, r.TauQ, r.Right, r.TauP, nb, crossover, path);
        return r;
    }

    private static double Norm(double[] a) => TensorPrimitives.Norm<double>(a);

    private static void AssertSameBidiagonal(Reduction expected, Reduction actual, double norm, double tolerance)
    {
        for (int i = 0; i < expected.D.Length; i++)
            Assert.True(Math.Abs(expected.D[i] - actual.D[i]) <= tolerance * norm, $"d{i}: {actual.D[i]} vs {expected.D[i]}");
        for (int i = 0; i < expected.D.Length - 1; i++)
            Assert.True(Math.Abs(expected.E[i] - actual.E[i]) <= tolerance * norm, $"e{i}: {actual.E[i]} vs {expected.E[i]}");
    }

    /// <summary>Forms Qᵀ (m×m) and Pᵀ (n×n) from the reflectors and checks Qᵀ·A·P = B and the orthogonality of both.</summary>
    private static void AssertFactorization(double[] a, int m, int n, Reduction r, double tolerance)
    {
        var qt = Identity(m);
        HouseholderBackTransformation.Apply(qt, m, m, r.Left, r.TauQ, n, 0, fromIdentity: true);
        var pt = Identity(n);
        HouseholderBackTransformation.Apply(pt, n, n, r.Right, r.TauP, n - 2, 1, fromIdentity: true);
        var (qT, pT, mat) = (new MathForML.LinearAlgebra.Matrix(m, m, qt), new MathForML.LinearAlgebra.Matrix(n, n, pt), new MathForML.LinearAlgebra.Matrix(m, n, a));
        var b = qT * mat * pT.Transpose();
        double scale = Math.Max(Norm(a), 1);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double expected = i == j ? r.D[i] : j == i + 1 ? r.E[i] : 0;
                Assert.True(Math.Abs(b[i, j] - expected) <= tolerance * scale, $"(QᵀAP)[{i},{j}] = {b[i, j]}, B has {expected}");
            }

        Assert.True(qT.TimesTranspose(qT).ApproximatelyEquals(MathForML.LinearAlgebra.Matrix.Identity(m), tolerance), "QᵀQ = I");
        Assert.True(pT.TimesTranspose(pT).ApproximatelyEquals(MathForML.LinearAlgebra.Matrix.Identity(n), tolerance), "PᵀP = I");
    }

    private static double[] Identity(int n)
    {
        var x = new double[n * n];
        for (int i = 0; i < n; i++) x[i * n + i] = 1;
        return x;
    }
}
