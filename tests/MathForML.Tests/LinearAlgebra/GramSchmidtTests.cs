using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra;

public class GramSchmidtTests
{
    public static IEnumerable<object[]> Cases => ReferenceData.LinalgCases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void BasisIsOrthonormalOrZeroAndDimensionIsTheRank(string name)
    {
        var c = ReferenceData.LinalgCase(name);
        var a = c.GetProperty("a").ToMatrix();
        // The course's single pass loses orthogonality in proportion to the conditioning (Hilbert 8×8: κ ≈ 1.5e10);
        // the re-orthogonalised one keeps it at rounding level.
        double classicTolerance = name.StartsWith("hilbert", StringComparison.Ordinal) ? 1e-6 : 1e-12;
        foreach (var (result, offDiagonal) in new[] { (GramSchmidt.Orthonormalize(a), classicTolerance), (GramSchmidt.OrthonormalizeStable(a), 1e-12) })
        {
            Assert.Equal(a.Rows, result.Basis.Rows);
            Assert.Equal(a.Columns, result.Basis.Columns);
            var gram = result.Basis.TransposeTimes(result.Basis);
            int nonZero = 0;
            for (int i = 0; i < a.Columns; i++)
            {
                bool zero = result.Basis.Column(i).Norm() == 0;
                if (!zero) nonZero++;
                Assert.Equal(zero ? 0 : 1, gram[i, i], 1e-12);
                for (int j = 0; j < a.Columns; j++)
                    if (i != j) Assert.True(Math.Abs(gram[i, j]) < offDiagonal, $"({i}, {j}): {gram[i, j]}");
            }
            Assert.Equal(nonZero, result.Dimension);
        }
        if (name != "hilbert 8x8") Assert.Equal(c.GetProperty("rank").GetInt32(), GramSchmidt.Orthonormalize(a).Dimension);
        Assert.Equal(c.GetProperty("rank").GetInt32(), GramSchmidt.OrthonormalizeStable(a).Dimension);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IndependentColumnsGiveNumpysQWithPositiveR(string name)
    {
        var c = ReferenceData.LinalgCase(name);
        var a = c.GetProperty("a").ToMatrix();
        if (c.GetProperty("rank").GetInt32() < a.Columns || a.Columns > a.Rows || name.StartsWith("hilbert", StringComparison.Ordinal)) return;
        var q = c.GetProperty("q_positive_r").ToMatrix();
        Assert.True(GramSchmidt.Orthonormalize(a).Basis.ApproximatelyEquals(q, 1e-10));
        Assert.True(GramSchmidt.OrthonormalizeStable(a).Basis.ApproximatelyEquals(q, 1e-12));
    }

    [Theory]
    [InlineData(1e200)]
    [InlineData(1e-160)]
    [InlineData(1e300)]
    public void ColumnsOfAnyFiniteScaleAreNormalised(double scale)
    {
        // diag(1e200) gave an all-zero basis with "dimension 2": its squared norms overflowed to ∞.
        var a = Matrix.FromRows([scale, scale], [0, 2 * scale]);
        foreach (var result in new[] { GramSchmidt.OrthonormalizeStable(a), scale > 1 ? GramSchmidt.Orthonormalize(a) : GramSchmidt.OrthonormalizeStable(a) })
        {
            Assert.Equal(2, result.Dimension);
            var q = result.Basis;
            Assert.True((q.Transpose() * q - Matrix.Identity(2)).MaxAbs() < 1e-15, q.ToString());
            Assert.Equal(1, q[0, 0], 15);
            Assert.Equal(1, q[1, 1], 15);
        }
    }

    [Fact]
    public void DependentColumnBecomesZero()
    {
        var a = Matrix.FromRows([1, 2, 3], [4, 5, 9], [7, 8, 15]);   // third column = first + second
        var r = GramSchmidt.Orthonormalize(a);
        Assert.Equal(2, r.Dimension);
        Assert.Equal(0, r.Basis.Column(2).Norm());
    }

    [Fact]
    public void StableVariantStaysOrthonormalOnHilbert()
    {
        var h = ReferenceData.LinalgCase("hilbert 8x8").GetProperty("a").ToMatrix();
        var q = GramSchmidt.OrthonormalizeStable(h).Basis;
        Assert.True((q.TransposeTimes(q) - Matrix.Identity(8)).MaxAbs() < 1e-14 * 8 * 10);
    }

    [Fact]
    public void NegativeToleranceIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GramSchmidt.Orthonormalize(Matrix.Identity(2), -1));

    [Fact]
    public void RejectsNonFiniteVectors()
    {
        var e = Assert.Throws<NonFiniteValueException>(() => GramSchmidt.Orthonormalize(Matrix.FromRows([1, 0], [double.NaN, 1])));
        Assert.Equal((1, 0), (e.Row, e.Column));
        Assert.Throws<NonFiniteValueException>(() => GramSchmidt.OrthonormalizeStable(Matrix.FromRows([1, double.PositiveInfinity])));
    }

    [Fact]
    public void ManyDependentColumnsCostLinearTime()
    {
        // 100,000 vectors in ℝ¹: one is kept, the rest are projected on it alone (quadratic work took 3 s for 40,000).
        var a = new Matrix(1, 100_000);
        for (int j = 0; j < a.Columns; j++) a[0, j] = j + 1;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = GramSchmidt.Orthonormalize(a);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"{watch.Elapsed}");
        Assert.Equal(1, result.Dimension);
        Assert.Equal(1, result.Basis[0, 0]);
        Assert.Equal(0, result.Basis[0, 99_999]);
    }
}
