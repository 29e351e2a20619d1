using CsCheck;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

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

    [Fact]
    public void TrySolveIsTheLeastSquaresSolutionAndLeavesQTransposeB()
    {
        var rng = new Random(8);
        var a = MatrixTests.Random(rng, 30, 4);
        var b = new double[30];
        for (int i = 0; i < b.Length; i++) b[i] = rng.NextDouble();
        var qr = QrDecomposition.Decompose(a);
        var x = new double[4];
        var qtb = (double[])b.Clone();
        Assert.True(qr.TrySolve(qtb, x));
        Assert.Equal(qr.Solve(Vector.Of(b)).ToArray(), x);
        // ‖Ax − b‖ is the norm of the last m − n entries of Qᵀb.
        var residual = a * Vector.Of(x) - Vector.Of(b);
        Assert.Equal(residual.Norm(), Vector.Of(qtb[4..]).Norm(), 12);
    }

    [Fact]
    public void TrySolveSolvesTheDampedSystemOfLevenbergMarquardt()
    {
        // [J; √λ·D]δ ≈ [r; 0]  ⇔  (JᵀJ + λD²)δ = Jᵀr, as the inner step of the solver forms it (in place, no checks).
        var rng = new Random(3);
        var j = MatrixTests.Random(rng, 12, 3);
        var r = new double[12];
        for (int i = 0; i < r.Length; i++) r[i] = rng.NextDouble() - 0.5;
        double lambda = 0.7;
        double[] d = [1, 2, 0.5];
        var augmented = new Matrix(15, 3);
        j.AsSpan().CopyTo(augmented.AsSpan());
        for (int c = 0; c < 3; c++) augmented[12 + c, c] = Math.Sqrt(lambda) * d[c];
        var rhs = new double[15];
        r.CopyTo(rhs, 0);
        var delta = new double[3];
        Assert.True(QrDecomposition.DecomposeInPlace(augmented).TrySolve(rhs, delta));
        var normal = j.TransposeTimesSelf() + lambda * Matrix.Diagonal(d[0] * d[0], d[1] * d[1], d[2] * d[2]);
        var expected = LuDecomposition.Decompose(normal).Solve(j.TransposeTimes(Matrix.FromColumns(Vector.Of(r))).Column(0));
        Assert.True(Vector.Of(delta).ApproximatelyEquals(expected, 1e-12));
    }

    [Fact]
    public void TrySolveReportsAZeroColumnInsteadOfThrowing()
    {
        var a = Matrix.FromRows([1, 0], [2, 0], [3, 0]);
        var x = new double[2];
        Assert.False(QrDecomposition.Decompose(a).TrySolve(new double[] { 1, 2, 3 }, x));
        Assert.False(QrDecomposition.DecomposeInPlace(Matrix.FromRows([1, double.NaN], [2, 1], [3, 1])).TrySolve(new double[] { 1, 2, 3 }, x));
    }

    [Fact]
    public void InverseRIsTheInverseOfR()
    {
        var a = ReferenceData.LinalgCase("random 12x12").GetProperty("a").ToMatrix();
        var qr = QrDecomposition.Decompose(a);
        var rinv = qr.InverseR();
        Assert.True((qr.R * rinv - Matrix.Identity(12)).MaxAbs() < 1e-12);
        for (int i = 0; i < 12; i++)
            for (int j = 0; j < i; j++) Assert.Equal(0.0, rinv[i, j]);
    }

    [Fact]
    public void InverseGramIsTheInverseOfATransposeA()
    {
        var rng = new Random(5);
        var a = MatrixTests.Random(rng, 25, 6);
        var gram = QrDecomposition.Decompose(a).InverseGram();
        var expected = LuDecomposition.Decompose(a.TransposeTimesSelf()).Inverse();
        Assert.True(gram.ApproximatelyEquals(expected, 1e-12 * expected.MaxAbs()));
        Assert.True(gram.IsSymmetric(0));
    }

    [Fact]
    public void InverseGramOfASingularRIsNotFinite()
    {
        var gram = QrDecomposition.Decompose(Matrix.FromRows([1, 0], [2, 0], [3, 0])).InverseGram();
        Assert.False(gram.IsFinite());
    }

    [Fact]
    public void RejectsNonFiniteInputAndAWideR()
    {
        var e = Assert.Throws<NonFiniteValueException>(() => QrDecomposition.Decompose(Matrix.FromRows([1, 2], [3, double.NaN])));
        Assert.Equal((1, 1), (e.Row, e.Column));
        var qr = QrDecomposition.Decompose(Matrix.FromRows([1, 0], [0, 1], [1, 1]));
        Assert.Equal(2, Assert.Throws<NonFiniteValueException>(() => qr.Solve(Vector.Of(1, 2, double.PositiveInfinity))).Row);
        Assert.Throws<InvalidOperationException>(() => QrDecomposition.Decompose(new Matrix(2, 3)).InverseR());
        Assert.Throws<InvalidOperationException>(() => QrDecomposition.Decompose(new Matrix(2, 3)).InverseGram());
    }

    [Theory]
    [InlineData(1e160)]
    [InlineData(1e300)]
    [InlineData(1e-170)]
    [InlineData(1e-300)]
    public void ExtremeButFiniteScalesFactorAndSolveAsAtScaleOne(double scale)
    {
        // A full-rank matrix scaled by 1e160 solved to NaN: its column norms' squares overflowed.
        var a = Matrix.FromRows([4, 1, 2], [1, 5, 3], [2, 3, 6], [1, -1, 1]);
        var b = Vector.Of(1, 2, 3, 4);
        var unit = QrDecomposition.Decompose(a);
        var scaled = QrDecomposition.Decompose(a * scale);
        Assert.False(scaled.IsRankDeficient);
        var r = unit.R;
        var rs = scaled.R;
        for (int i = 0; i < r.Rows; i++)
            for (int j = 0; j < r.Columns; j++) Assert.True(Math.Abs(rs[i, j] / scale - r[i, j]) <= 1e-14 * r.MaxAbs(), $"R[{i},{j}]: {rs[i, j]:R} vs {r[i, j] * scale:R}");
        var x = unit.Solve(b);
        var xs = scaled.Solve(b * scale);
        for (int i = 0; i < x.Length; i++) Assert.Equal(x[i], xs[i], 13);
    }
}
