using CsCheck;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra;

public class SvdTests
{
    /// <summary>
    /// The bidiagonal path's work arrays come from the pool (cleared where zeros are relied on): with the pool's arrays
    /// of these sizes filled with NaN first, values and factors are the same to the bit, tall (QR first: 300×150), square
    /// and wide.
    /// </summary>
    [Theory]
    [InlineData(300, 150)]
    [InlineData(200, 200)]
    [InlineData(150, 260)]
    public void PooledArraysLeftFullOfNaNChangeNothing(int m, int n)
    {
        var random = new Random(m * n);
        var a = new Matrix(m, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) a[i, j] = random.NextDouble() - 0.5;
        var values = Svd.Values(a, SvdAlgorithm.Bidiagonalization).ToArray();
        var factors = Svd.Decompose(a, SvdAlgorithm.Bidiagonalization);
        foreach (int length in new[] { m * n, n * n, m * m, 2 * n * 2 * n, 3 * 4 * n * n })
        {
            var poisoned = Enumerable.Range(0, 8).Select(_ => WorkspacePool.Rent(length, clear: false)).ToList();
            foreach (var array in poisoned)
            {
                Array.Fill(array, double.NaN);
                WorkspacePool.Return(array);
            }
        }

        Assert.Equal(values, Svd.Values(a, SvdAlgorithm.Bidiagonalization).ToArray());
        var again = Svd.Decompose(a, SvdAlgorithm.Bidiagonalization);
        Assert.Equal(factors.SingularValues.ToArray(), again.SingularValues.ToArray());
        Assert.Equal(factors.U.AsSpan().ToArray(), again.U.AsSpan().ToArray());
        Assert.Equal(factors.VT.AsSpan().ToArray(), again.VT.AsSpan().ToArray());
    }

    public static TheoryData<string> ReferenceCases => new() { "square", "tall", "wide", "rankdeficient", "graded" };

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void MatchesNumpy(string name)
    {
        var data = EigenReferenceData.Load($"svd_{name}.txt");
        var a = data["matrix"];
        var expected = data["singular_values"].RowSpan(0).ToArray();
        var svd = Svd.Decompose(a);
        Assert.Equal(expected.Length, svd.SingularValues.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(svd.SingularValues[i] - expected[i]) <= 1e-12 * expected[0], $"σ{i}");
        Assert.Equal((int)data["rank"][0, 0], svd.Rank());
        AssertValid(a, svd);
    }

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void ValuesOnlyEqualTheDecompositionsValues(string name)
    {
        // The same Jacobi sweeps without V: the same rotations, so the same values to the last bits (1e-14·σ₀), and
        // numpy's dgesdd values to 1e-12·σ₀.
        var data = EigenReferenceData.Load($"svd_{name}.txt");
        var a = data["matrix"];
        var expected = data["singular_values"].RowSpan(0).ToArray();
        var values = Svd.Values(a);
        var full = Svd.Decompose(a).SingularValues;
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(values[i] - expected[i]) <= 1e-12 * expected[0], $"σ{i}");
            Assert.True(Math.Abs(values[i] - full[i]) <= 1e-14 * expected[0], $"σ{i} vs the decomposition");
        }
        Assert.Equal(values, a.SingularValues());
        Assert.Equal(new Vector(3), Svd.Values(new Matrix(4, 3)));
    }

    [Fact]
    public void ZeroMatrixHasRankZeroAndOrthonormalFactors()
    {
        var svd = Svd.Decompose(new Matrix(4, 3));
        Assert.Equal(new Vector(3), svd.SingularValues);
        Assert.Equal(0, svd.Rank());
        AssertValid(new Matrix(4, 3), svd);
    }

    [Fact]
    public void RankHonoursAnExplicitTolerance()
    {
        var svd = Svd.Decompose(Matrix.Diagonal(1, 1e-3, 1e-9));
        Assert.Equal(3, svd.Rank());
        Assert.Equal(2, svd.Rank(1e-6));
        Assert.Equal(1e-9, svd.SingularValues[2], 1e-24);
    }

    [Theory]
    [InlineData(0, 0, -5, -2)]              // both columns along e₂: found by CsCheck, the sweeps used to stagnate
    [InlineData(82.0 / 51, 1, 0, 0)]        // both columns along e₁
    [InlineData(1, 2, 2, 4)]
    public void RankDeficientMatricesWithParallelColumnsConverge(double a00, double a01, double a10, double a11)
    {
        var a = Matrix.FromRows([a00, a01], [a10, a11]);
        var svd = Svd.Decompose(a);
        Assert.Equal(1, svd.Rank());
        Assert.Equal(Math.Sqrt(a00 * a00 + a01 * a01 + a10 * a10 + a11 * a11), svd.SingularValues[0], 1e-14);
        Assert.True(svd.SingularValues[1] <= 1e-15 * svd.SingularValues[0]);
        AssertValid(a, svd);
    }

    [Theory]
    [InlineData(4.850381420720279, 0, -3, -4)]   // full rank; found by CsCheck: the sweeps cycled on rounding-size rotations
    [InlineData(-0.75, 1, -90.0 / 73, -1587E-69)]
    public void FullRankTwoByTwoConverges(double a00, double a01, double a10, double a11)
    {
        var a = Matrix.FromRows([a00, a01], [a10, a11]);
        var svd = Svd.Decompose(a);
        Assert.Equal(Math.Abs(a00 * a11 - a01 * a10), svd.SingularValues[0] * svd.SingularValues[1], 1e-13);
        AssertValid(a, svd);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    public void CenteringMatrixGetsAnOrthonormalCompletionOfU(int n)
    {
        // I − 11ᵀ/n has rank n − 1 and its singular vectors are orthogonal to 1, so every e_k keeps only √(1/n) of its
        // length outside them: completing U by "the next e_k that keeps half its length" used to loop for ever here.
        var a = Matrix.Identity(n) - new Matrix(n, n, Enumerable.Repeat(1.0 / n, n * n).ToArray());
        var svd = Svd.Decompose(a);
        Assert.Equal(n - 1, svd.Rank());
        AssertValid(a, svd);
    }

    [Fact]
    public void GradedMatrixKeepsItsTinySingularValueToHighRelativeAccuracy()
    {
        // A = B·D with B = [[1, 1], [0, 1]] well conditioned, D = diag(1, 1e-20): σ₁σ₂ = det A = 1e-20, σ₁ = 1 + O(1e-40).
        var svd = Svd.Decompose(Matrix.FromRows([1, 1e-20], [0, 1e-20]));
        Assert.Equal(1, svd.SingularValues[0], 1e-15);
        Assert.True(Math.Abs(svd.SingularValues[1] - 1e-20) <= 1e-14 * 1e-20, $"σ₂ = {svd.SingularValues[1]:R}");
    }

    [Fact]
    public void RejectsNonFiniteInput() =>
        Assert.Throws<NonFiniteValueException>(() => Svd.Decompose(Matrix.FromRows([1, double.NaN])));

    [Fact]
    public void ReconstructsRandomMatrices()
    {
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 12]).SelectMany((m, n) => Gen.Double[-5, 5].Array[m * n].Select(values => (m, n, values)))
            .Sample(sample =>
            {
                var (m, n, values) = sample;
                var a = new Matrix(m, n, values);
                AssertValid(a, Svd.Decompose(a));
            }, iter: 200);
    }

    private static void AssertValid(Matrix a, Svd svd)
    {
        int p = Math.Min(a.Rows, a.Columns);
        Assert.Equal((a.Rows, p), (svd.U.Rows, svd.U.Columns));
        Assert.Equal((p, a.Columns), (svd.VT.Rows, svd.VT.Columns));
        double scale = Math.Max(a.MaxAbs(), 1e-300);
        Assert.True(svd.U.TransposeTimes(svd.U).ApproximatelyEquals(Matrix.Identity(p), 1e-12 * p), "UᵀU = I");
        Assert.True(svd.VT.TimesTranspose(svd.VT).ApproximatelyEquals(Matrix.Identity(p), 1e-12 * p), "VᵀV = I");
        Assert.True(svd.Reconstruct().ApproximatelyEquals(a, 1e-12 * scale * p), "A = UΣVᵀ");
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
}
