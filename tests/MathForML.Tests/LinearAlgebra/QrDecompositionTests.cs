using CsCheck;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.LinearAlgebra;

public class QrDecompositionTests
{
    public static IEnumerable<object[]> Cases => ReferenceData.LinalgCases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void FactorsMatchNumpyUpToSigns(string name)
    {
        var c = ReferenceData.LinalgCase(name);
        var a = c.GetProperty("a").ToMatrix();
        var qr = QrDecomposition.Decompose(a);
        var q = qr.Q;
        var r = qr.R;
        int k = Math.Min(a.Rows, a.Columns);
        Assert.True((q.TransposeTimes(q) - Matrix.Identity(k)).MaxAbs() < 1e-14 * a.Rows * 10);
        Assert.True((q * r - a).MaxAbs() < 1e-14 * a.Rows * 10 * Math.Max(1, a.MaxAbs()));
        for (int i = 0; i < r.Rows; i++)
            for (int j = 0; j < i; j++) Assert.Equal(0.0, r[i, j]);
        // Same R as numpy once each row is given a non-negative diagonal.
        var expected = c.GetProperty("r_positive").ToMatrix();
        for (int i = 0; i < k; i++)
        {
            double s = r[i, i] < 0 ? -1 : 1;
            for (int j = 0; j < a.Columns; j++) Assert.Equal(expected[i, j], s * r[i, j], 1e-10 * Math.Max(1, a.MaxAbs()));
        }
    }

    [Fact]
    public void LeastSquaresMatchesNormalEquations()
    {
        var rng = new Random(4);
        var a = MatrixTests.Random(rng, 40, 5);
        var b = new Vector(40);
        for (int i = 0; i < 40; i++) b[i] = rng.NextDouble();
        var x = QrDecomposition.Decompose(a).Solve(b);
        var normal = LuDecomposition.Decompose(a.TransposeTimesSelf()).Solve(a.TransposeTimes(Matrix.FromColumns(b)).Column(0));
        Assert.True(x.ApproximatelyEquals(normal, 1e-12));
    }

    [Fact]
    public void RankDeficientLeastSquaresThrows()
    {
        var a = ReferenceData.LinalgCase("rank-deficient 5x5 rank 3").GetProperty("a").ToMatrix();
        var qr = QrDecomposition.Decompose(a);
        Assert.True(qr.IsRankDeficient);
        Assert.Throws<SingularMatrixException>(() => qr.Solve(Vector.Filled(5, 1)));
        Assert.Throws<DimensionMismatchException>(() => qr.Solve(Vector.Filled(4, 1)));
        Assert.Throws<DimensionMismatchException>(() => QrDecomposition.Decompose(new Matrix(2, 3)).Solve(Vector.Of(1, 2)));
    }

    [Fact]
    public void PropertyQIsOrthonormalAndReconstructs()
    {
        Gen.Int[1, 12].SelectMany(m => Gen.Int[1, 12].Select(n => (m, n))).SelectMany(s =>
                Gen.Double[-10, 10].Array[s.m * s.n].Select(d => new Matrix(s.m, s.n, d)))
            .Sample(a =>
            {
                var qr = QrDecomposition.Decompose(a);
                var q = qr.Q;
                int k = Math.Min(a.Rows, a.Columns);
                return (q.TransposeTimes(q) - Matrix.Identity(k)).MaxAbs() < 1e-13
                    && (q * qr.R - a).MaxAbs() < 1e-12 * Math.Max(1, a.MaxAbs());
            }, iter: 300);
    }
}
