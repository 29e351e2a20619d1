using CsCheck;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// The Gram SVD path (<see cref="SvdAlgorithm.Gram"/>, <see cref="GramSvd"/>): against numpy's values
/// (Reference/svd) and the bidiagonal path where it is taken, the bidiagonal path where its checks reject the matrix,
/// and its checks one by one (shape, the 2×2 screen, κ² from the eigenvalues, the orthogonality after X·V).
/// </summary>
/// <remarks>
/// Tolerances as <see cref="GolubKahanSvdTests"/> (p = min(m, n), ε = 2.2e-16): σ within 4·p·ε·σ_0 of numpy's and of
/// the bidiagonal path's; the factorisation checks of <see cref="GolubKahanSvdTests.AssertValid"/> (UᵀU = I and VVᵀ = I
/// within 4·p·ε, ‖A − UΣVᵀ‖_max ≤ 8·p·ε·‖A‖_max, σ descending, U's sign convention).
/// </remarks>
public class GramSvdTests
{
    private const double Epsilon = MachineEpsilon.Double;

    /// <summary>The reference cases: the clearly rectangular, well-conditioned ones take the path; the others fall back.</summary>
    [Theory]
    [InlineData("tall", SvdAlgorithm.Gram)]
    [InlineData("wide", SvdAlgorithm.Gram)]
    [InlineData("square", SvdAlgorithm.Bidiagonalization)]
    [InlineData("rank40", SvdAlgorithm.Bidiagonalization)]
    [InlineData("zerocolumns", SvdAlgorithm.Bidiagonalization)]
    [InlineData("graded", SvdAlgorithm.Bidiagonalization)]
    public void MatchesNumpyWhereTakenAndFallsBackElsewhere(string name, SvdAlgorithm expected)
    {
        var (a, sigma, rank) = GolubKahanSvdTests.Case(name);
        var svd = Svd.Decompose(a);
        Assert.Equal(expected, svd.Algorithm);
        var values = Svd.Values(a);
        int p = sigma.Length;
        for (int i = 0; i < p; i++)
        {
            Assert.True(Math.Abs(svd.SingularValues[i] - sigma[i]) <= 4 * p * Epsilon * sigma[0], $"σ{i} = {svd.SingularValues[i]:R}, numpy {sigma[i]:R}");
            Assert.True(Math.Abs(values[i] - sigma[i]) <= 4 * p * Epsilon * sigma[0], $"values-only σ{i} = {values[i]:R}, numpy {sigma[i]:R}");
        }

        Assert.Equal(rank, svd.Rank());
        GolubKahanSvdTests.AssertValid(a, svd);
        if (expected != SvdAlgorithm.Gram) Assert.Throws<ArgumentException>(() => Svd.Decompose(a, SvdAlgorithm.Gram));
    }

    /// <summary>Tall and wide, against the bidiagonal path: σ, and U's columns and Vᵀ's rows (distinct σ, same sign convention).</summary>
    [Theory]
    [InlineData(300, 120)]
    [InlineData(120, 300)]
    [InlineData(97, 61)]
    [InlineData(400, 40)]
    public void AgreesWithTheBidiagonalPath(int m, int n)
    {
        var a = EigenReferenceData.Lcg(m, n, (ulong)(m * 1000 + n));
        var gram = Svd.Decompose(a, SvdAlgorithm.Gram);
        var reference = Svd.Decompose(a, SvdAlgorithm.Bidiagonalization);
        Assert.Equal(SvdAlgorithm.Gram, gram.Algorithm);
        GolubKahanSvdTests.AssertValid(a, gram);
        int p = Math.Min(m, n);
        double sigma0 = reference.SingularValues[0];
        for (int i = 0; i < p; i++) Assert.True(Math.Abs(gram.SingularValues[i] - reference.SingularValues[i]) <= 4 * p * Epsilon * sigma0, $"σ{i}");
        var values = Svd.Values(a, SvdAlgorithm.Gram);
        var jacobi = Svd.Values(a, SvdAlgorithm.Jacobi);
        for (int i = 0; i < p; i++)
        {
            Assert.True(Math.Abs(values[i] - gram.SingularValues[i]) <= 4 * p * Epsilon * sigma0, $"values-only σ{i}");
            Assert.True(Math.Abs(gram.SingularValues[i] - jacobi[i]) <= 4 * p * Epsilon * sigma0, $"σ{i} against Jacobi's {jacobi[i]:R}");
        }

        // Singular vectors are unique up to sign when the σ are apart: a vector's error is about ε·σ_0/gap.
        for (int q = 0; q < p; q++)
        {
            double gap = double.PositiveInfinity;
            if (q > 0) gap = Math.Min(gap, reference.SingularValues[q - 1] - reference.SingularValues[q]);
            if (q < p - 1) gap = Math.Min(gap, reference.SingularValues[q] - reference.SingularValues[q + 1]);
            double tolerance = 64 * p * Epsilon * sigma0 / gap;
            Assert.True((gram.U.Column(q) - reference.U.Column(q)).NormInfinity() <= tolerance, $"u{q}");
            Assert.True((gram.VT.Row(q) - reference.VT.Row(q)).NormInfinity() <= tolerance, $"v{q}");
        }
    }

    /// <summary>
    /// κ on either side of √128 ≈ 11.3 (A = U₀·diag(σ)·V₀ᵀ with σ from κ down to 1): κ = 10 takes the path, κ = 12 is
    /// rejected by the eigenvalue check (every column has about the same length, so the 2×2 screen passes).
    /// </summary>
    [Theory]
    [InlineData(10.0, SvdAlgorithm.Gram)]
    [InlineData(12.0, SvdAlgorithm.Bidiagonalization)]
    public void TakesThePathOnlyUpToTheConditionBound(double kappa, SvdAlgorithm expected)
    {
        const int m = 150, n = 60;
        var sigma = Enumerable.Range(0, n).Select(i => kappa * Math.Pow(1 / kappa, i / (n - 1.0))).ToArray();
        var a = WithSingularValues(m, n, sigma, 5);
        var svd = Svd.Decompose(a);
        Assert.Equal(expected, svd.Algorithm);
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(svd.SingularValues[i] - sigma[i]) <= 8 * n * Epsilon * kappa, $"σ{i}");
        GolubKahanSvdTests.AssertValid(a, svd);
        if (expected == SvdAlgorithm.Gram) Assert.Null(GramSvd.TryDecompose(a, default, orthogonalityTolerance: 0));
        else Assert.Throws<ArgumentException>(() => Svd.Values(a, SvdAlgorithm.Gram));
    }

    /// <summary>Nearly parallel columns, and one column 20 times longer than the rest: the 2×2 screen rejects both.</summary>
    [Fact]
    public void TheScreenRejectsParallelAndUnevenColumns()
    {
        var parallel = EigenReferenceData.Lcg(200, 50, 11);
        for (int i = 0; i < parallel.Rows; i++) parallel[i, 7] = parallel[i, 3] * (1 + 1e-3 * ((i % 3) - 1));
        var uneven = EigenReferenceData.Lcg(200, 50, 12);
        for (int i = 0; i < uneven.Rows; i++) uneven[i, 9] *= 20;
        foreach (var a in new[] { parallel, uneven })
        {
            Assert.Null(GramSvd.TryValues(a, default));
            Assert.Null(GramSvd.TryDecompose(a, default));
            var svd = Svd.Decompose(a);
            Assert.Equal(SvdAlgorithm.Bidiagonalization, svd.Algorithm);
            GolubKahanSvdTests.AssertValid(a, svd);
        }
    }

    /// <summary>Entries near 2^±300: A is scaled by a power of two first, so nothing squared overflows or underflows.</summary>
    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    [InlineData(1000)]
    [InlineData(-1000)]
    public void ScalesExtremeMatricesExactly(int exponent)
    {
        var a = EigenReferenceData.Lcg(120, 70, 21);
        var reference = Svd.Values(a, SvdAlgorithm.Bidiagonalization);
        var scaled = a * Math.ScaleB(1.0, exponent);
        var svd = Svd.Decompose(scaled, SvdAlgorithm.Gram);
        var values = Svd.Values(scaled, SvdAlgorithm.Gram);
        for (int i = 0; i < reference.Length; i++)
        {
            double expected = Math.ScaleB(reference[i], exponent);
            Assert.True(Math.Abs(svd.SingularValues[i] - expected) <= 4 * 70 * Epsilon * Math.ScaleB(reference[0], exponent), $"σ{i}");
            Assert.True(Math.Abs(values[i] - expected) <= 4 * 70 * Epsilon * Math.ScaleB(reference[0], exponent), $"values-only σ{i}");
        }

        GolubKahanSvdTests.AssertValid(scaled, svd);
    }

    /// <summary>
    /// Random rectangular shapes (33…120 by 1.5–3 times that), entries uniform in ±5, some columns stretched by up to 8,
    /// some rows copied: whichever path the automatic choice takes, a valid decomposition with Jacobi's σ to 4·p·ε·σ_0,
    /// and the Gram path only where κ² = (σ_0/σ_{p−1})² ≤ 128.
    /// </summary>
    [Fact]
    public void RandomRectangularMatricesDecomposeOnEitherPath()
    {
        int gram = 0, bidiagonal = 0;
        Gen.Select(Gen.Int[33, 60], Gen.Double[1.5, 3], Gen.Bool, Gen.Int[0, 2], Gen.UInt).Sample(sample =>
        {
            var (p, aspect, wide, kind, seed) = sample;
            int longer = (int)Math.Ceiling(p * aspect);
            var a = wide ? EigenReferenceData.Lcg(p, longer, seed) : EigenReferenceData.Lcg(longer, p, seed);
            var random = new Random((int)(seed % int.MaxValue));
            if (kind == 1)
                for (int j = 0; j < a.Columns; j += 5) for (int i = 0; i < a.Rows; i++) a[i, j] *= 1 + 7 * random.NextDouble();
            if (kind == 2)
                for (int i = 3; i < a.Rows; i += 7) a.RowSpan(i - 1).CopyTo(a.RowSpan(i));
            var svd = Svd.Decompose(a);
            var jacobi = Svd.Values(a, SvdAlgorithm.Jacobi);
            GolubKahanSvdTests.AssertValid(a, svd);
            for (int i = 0; i < p; i++) Assert.True(Math.Abs(svd.SingularValues[i] - jacobi[i]) <= 4 * p * Epsilon * jacobi[0], $"σ{i}");
            if (svd.Algorithm == SvdAlgorithm.Gram)
            {
                Assert.True(jacobi[0] * jacobi[0] <= GramSvd.LargestConditionSquared * jacobi[p - 1] * jacobi[p - 1] * (1 + 1e-12), "κ² ≤ 128");
                Interlocked.Increment(ref gram);
            }
            else
            {
                Assert.Equal(SvdAlgorithm.Bidiagonalization, svd.Algorithm);
                Interlocked.Increment(ref bidiagonal);
            }
        }, iter: 40);
        Assert.True(gram > 0 && bidiagonal > 0, $"both paths taken ({gram} Gram, {bidiagonal} bidiagonal)");
    }

    /// <summary>Empty shapes, a matrix of zeros, and a cancelled token.</summary>
    [Fact]
    public void HandlesEmptyZeroAndCancelled()
    {
        Assert.Equal(0, Svd.Decompose(new Matrix(5, 0), SvdAlgorithm.Gram).SingularValues.Length);
        Assert.Equal(0, Svd.Values(new Matrix(0, 5), SvdAlgorithm.Gram).Length);
        var zero = new Matrix(90, 40);
        Assert.Throws<ArgumentException>(() => Svd.Decompose(zero, SvdAlgorithm.Gram));
        Assert.Equal(SvdAlgorithm.Bidiagonalization, Svd.Decompose(zero).Algorithm);
        var a = EigenReferenceData.Lcg(90, 40, 3);
        Assert.Throws<OperationCanceledException>(() => Svd.Decompose(a, SvdAlgorithm.Gram, new CancellationToken(true)));
        Assert.Throws<OperationCanceledException>(() => Svd.Values(a, SvdAlgorithm.Gram, new CancellationToken(true)));
    }

    /// <summary>U₀·diag(σ)·V₀ᵀ with U₀ (m×n) and V₀ (n×n) orthonormal, from the bidiagonal SVD of LCG matrices.</summary>
    private static Matrix WithSingularValues(int m, int n, double[] sigma, ulong seed)
    {
        var u0 = Svd.Decompose(EigenReferenceData.Lcg(m, n, seed), SvdAlgorithm.Bidiagonalization).U;
        var v0 = Svd.Decompose(EigenReferenceData.Lcg(n, n, seed + 1), SvdAlgorithm.Bidiagonalization).VT;
        var scaled = u0.Clone();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) scaled[i, j] *= sigma[j];
        return scaled * v0;
    }
}
