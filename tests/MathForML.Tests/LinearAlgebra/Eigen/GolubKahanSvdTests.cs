using System.Text.Json;
using CsCheck;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// The bidiagonal SVD path (<see cref="SvdAlgorithm.Bidiagonalization"/>: dgebrd, Golub–Kahan QL values and divide and
/// conquer vectors) against numpy's dgesdd values (Reference/svd, made by make_reference.py there) and against the
/// Jacobi path, with the factorisation properties on every case.
/// </summary>
/// <remarks>
/// Tolerances, with p = min(m, n), ε = 2.2e-16 and σ_0 the largest singular value: singular values within
/// 4·p·ε·σ_0 of numpy's and of Jacobi's (both are backward stable: each σ is off by at most ‖ΔA‖₂); the values-only path
/// within 2·p·ε·σ_0 of the decomposition's (same bidiagonal, QL against divide and conquer);
/// ‖A − U·Σ·Vᵀ‖_max ≤ p·ε·‖A‖_max·8; UᵀU = I and V·Vᵀ = I within 4·p·ε entrywise.
/// </remarks>
public class GolubKahanSvdTests
{
    private const double Epsilon = MachineEpsilon.Double;

    public static TheoryData<string> ReferenceCases =>
        new() { "tall", "wide", "square", "rank40", "zerocolumns", "repeated", "graded", "onebyn", "nbyone" };

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void MatchesNumpyAndJacobi(string name)
    {
        var (a, expected, rank) = Case(name);
        int p = expected.Length;
        var svd = Svd.Decompose(a, SvdAlgorithm.Bidiagonalization);
        var values = Svd.Values(a, SvdAlgorithm.Bidiagonalization);
        var jacobi = Svd.Values(a, SvdAlgorithm.Jacobi);
        Assert.Equal(SvdAlgorithm.Bidiagonalization, svd.Algorithm);
        Assert.Equal(p, values.Length);
        double sigma0 = expected[0];
        for (int i = 0; i < p; i++)
        {
            Assert.True(Math.Abs(svd.SingularValues[i] - expected[i]) <= 4 * p * Epsilon * sigma0, $"σ{i} = {svd.SingularValues[i]:R}, numpy {expected[i]:R}");
            Assert.True(Math.Abs(svd.SingularValues[i] - jacobi[i]) <= 4 * p * Epsilon * sigma0, $"σ{i} = {svd.SingularValues[i]:R}, Jacobi {jacobi[i]:R}");
            Assert.True(Math.Abs(values[i] - svd.SingularValues[i]) <= 2 * p * Epsilon * sigma0, $"σ{i} values-only {values[i]:R}");
        }

        Assert.Equal(rank, svd.Rank());
        AssertValid(a, svd);
    }

    /// <summary>
    /// The automatic choice: Jacobi up to min(m, n) = <see cref="Svd.JacobiCrossover"/>; above it the Gram path for a
    /// well-conditioned matrix at least 1.5 times as long one way as the other, the bidiagonal path for a square one.
    /// </summary>
    [Theory]
    [InlineData(200, 32, SvdAlgorithm.Jacobi)]
    [InlineData(32, 200, SvdAlgorithm.Jacobi)]
    [InlineData(33, 33, SvdAlgorithm.Bidiagonalization)]
    [InlineData(40, 300, SvdAlgorithm.Gram)]
    [InlineData(300, 40, SvdAlgorithm.Gram)]
    [InlineData(50, 60, SvdAlgorithm.Bidiagonalization)]
    public void AutomaticChoosesByTheSmallerDimension(int m, int n, SvdAlgorithm expected)
    {
        var a = EigenReferenceData.Lcg(m, n, 9);
        var svd = Svd.Decompose(a);
        Assert.Equal(expected, svd.Algorithm);
        AssertValid(a, svd);
        var values = Svd.Values(a);
        for (int i = 0; i < values.Length; i++) Assert.Equal(svd.SingularValues[i], values[i], 2 * values.Length * Epsilon * values[0]);
    }

    /// <summary>1×1 (negative entry), zero matrices of three shapes, and an exactly rank-one matrix with zero columns.</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(50, 40)]
    [InlineData(40, 50)]
    [InlineData(45, 45)]
    public void SmallAndZeroMatrices(int m, int n)
    {
        var zero = new Matrix(m, n);
        var svd = Svd.Decompose(zero, SvdAlgorithm.Bidiagonalization);
        Assert.All(svd.SingularValues.AsSpan().ToArray(), s => Assert.Equal(0, s));
        Assert.Equal(new Vector(Math.Min(m, n)), Svd.Values(zero, SvdAlgorithm.Bidiagonalization));
        Assert.Equal(0, svd.Rank());
        AssertValid(zero, svd);

        var rankOne = new Matrix(m, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j += 2) rankOne[i, j] = -(i + 1.0) * (j - 7.5);
        svd = Svd.Decompose(rankOne, SvdAlgorithm.Bidiagonalization);
        Assert.Equal(1, svd.Rank());
        AssertValid(rankOne, svd);
        if (m == 1) Assert.Equal(7.5, svd.SingularValues[0]);
    }

    /// <summary><see cref="SvdAlgorithm.Jacobi"/> forces Jacobi above the crossover, with the same σ to 4·p·ε·σ_0.</summary>
    [Fact]
    public void JacobiCanBeForcedAtAnySize()
    {
        var a = EigenReferenceData.Lcg(70, 50, 8);
        var jacobi = Svd.Decompose(a, SvdAlgorithm.Jacobi);
        var fast = Svd.Decompose(a);
        Assert.Equal(SvdAlgorithm.Jacobi, jacobi.Algorithm);
        Assert.Equal(SvdAlgorithm.Bidiagonalization, fast.Algorithm);
        AssertValid(a, jacobi);
        for (int i = 0; i < 50; i++) Assert.Equal(jacobi.SingularValues[i], fast.SingularValues[i], 4 * 50 * Epsilon * jacobi.SingularValues[0]);
    }

    [Fact]
    public void RejectsNonFiniteInputAndUnknownAlgorithms()
    {
        var a = EigenReferenceData.Lcg(40, 40, 3);
        a[5, 7] = double.PositiveInfinity;
        Assert.Throws<NonFiniteValueException>(() => Svd.Decompose(a, SvdAlgorithm.Bidiagonalization));
        a[5, 7] = double.NaN;
        Assert.Throws<NonFiniteValueException>(() => Svd.Values(a));
        Assert.Throws<ArgumentOutOfRangeException>(() => Svd.Decompose(EigenReferenceData.Lcg(3, 3, 3), (SvdAlgorithm)7));
    }

    [Fact]
    public void CancelledTokenStopsTheBidiagonalPath()
    {
        var a = EigenReferenceData.Lcg(60, 50, 4);
        Assert.Throws<OperationCanceledException>(() => Svd.Decompose(a, SvdAlgorithm.Bidiagonalization, new CancellationToken(true)));
        Assert.Throws<OperationCanceledException>(() => Svd.Values(a, SvdAlgorithm.Bidiagonalization, new CancellationToken(true)));
    }

    /// <summary>Random shapes 1…40 either way, with runs of equal and zero rows to make repeated and zero σ.</summary>
    [Fact]
    public void RandomMatricesDecompose()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Int[0, 3]).SelectMany((m, n, kind) =>
                Gen.Double[-5, 5].Array[m * n].Select(values => (m, n, kind, values)))
            .Sample(sample =>
            {
                var (m, n, kind, values) = sample;
                var a = new Matrix(m, n, values);
                for (int i = 1; i < m; i++)
                    if (kind == 1 && i % 3 == 0) a.RowSpan(i - 1).CopyTo(a.RowSpan(i));
                    else if (kind == 2 && i % 2 == 0) a.RowSpan(i).Clear();
                AssertValid(a, Svd.Decompose(a, SvdAlgorithm.Bidiagonalization));
            }, iter: 100);
    }

    /// <summary>Shapes, orthonormality, reconstruction, descending σ ≥ 0 and the sign convention (tolerances above).</summary>
    internal static void AssertValid(Matrix a, Svd svd)
    {
        int p = Math.Min(a.Rows, a.Columns);
        Assert.Equal((a.Rows, p), (svd.U.Rows, svd.U.Columns));
        Assert.Equal((p, a.Columns), (svd.VT.Rows, svd.VT.Columns));
        double scale = Math.Max(a.MaxAbs(), double.Epsilon);
        double orthogonality = (svd.U.TransposeTimes(svd.U) - Matrix.Identity(p)).MaxAbs();
        Assert.True(orthogonality <= 4 * Math.Max(p, 4) * Epsilon, $"UᵀU = I to {orthogonality:E2}");
        orthogonality = (svd.VT.TimesTranspose(svd.VT) - Matrix.Identity(p)).MaxAbs();
        Assert.True(orthogonality <= 4 * Math.Max(p, 4) * Epsilon, $"VᵀV = I to {orthogonality:E2}");
        double residual = (svd.Reconstruct() - a).MaxAbs();
        Assert.True(residual <= 8 * Math.Max(p, 4) * Epsilon * scale, $"A = UΣVᵀ to {residual:E2}·");
        for (int q = 0; q < p; q++)
        {
            Assert.True(svd.SingularValues[q] >= 0);
            Assert.True(q == 0 || svd.SingularValues[q - 1] >= svd.SingularValues[q], "descending");
            var u = svd.U.Column(q).AsSpan();
            int peak = 0;
            for (int i = 1; i < u.Length; i++)
                if (Math.Abs(u[i]) > Math.Abs(u[peak])) peak = i;
            Assert.True(u[peak] > 0, $"sign of u{q}");
        }
    }

    /// <summary>A case of Reference/svd/svd.json: the matrix built by its rule, numpy's σ and the rank.</summary>
    internal static (Matrix A, double[] Sigma, int Rank) Case(string name)
    {
        var c = ReferenceData.Json("svd", "svd.json").GetProperty("cases").EnumerateArray().First(x => x.GetProperty("name").GetString() == name);
        int rows = c.GetProperty("rows").GetInt32(), columns = c.GetProperty("columns").GetInt32();
        ulong seed = c.GetProperty("seed").GetUInt64();
        var a = c.GetProperty("rule").GetString() switch
        {
            "lcg" => EigenReferenceData.Lcg(rows, columns, seed),
            "product" => EigenReferenceData.Lcg(rows, Int(c, "inner"), seed) * EigenReferenceData.Lcg(Int(c, "inner"), columns, seed + 1),
            "zerocolumns" => ZeroColumns(EigenReferenceData.Lcg(rows, columns, seed), Int(c, "first"), Int(c, "count")),
            "blockdiag" => BlockDiagonal(EigenReferenceData.Lcg(rows / 2, columns / 2, seed)),
            "graded" => Graded(EigenReferenceData.Lcg(rows, columns, seed)),
            var rule => throw new InvalidDataException($"svd.json: unknown rule {rule}."),
        };
        var sigma = c.GetProperty("singular_values").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        int rank = Svd.RankOf(Vector.Of(sigma), rows, columns);
        return (a, sigma, rank);
    }

    private static int Int(JsonElement c, string name) => c.GetProperty(name).GetInt32();

    private static Matrix ZeroColumns(Matrix a, int first, int count)
    {
        for (int i = 0; i < a.Rows; i++)
            for (int j = first; j < first + count; j++) a[i, j] = 0;
        return a;
    }

    private static Matrix BlockDiagonal(Matrix b)
    {
        var a = new Matrix(2 * b.Rows, 2 * b.Columns);
        for (int i = 0; i < b.Rows; i++)
            for (int j = 0; j < b.Columns; j++) a[i, j] = a[b.Rows + i, b.Columns + j] = b[i, j];
        return a;
    }

    private static Matrix Graded(Matrix a)
    {
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < a.Columns; j++) a[i, j] *= Math.Pow(10, -12.0 * j / (a.Columns - 1));
        return a;
    }
}
