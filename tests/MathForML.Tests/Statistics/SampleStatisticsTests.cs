using CsCheck;
using MathForML.LinearAlgebra;
using MathForML.Numerics;
using MathForML.Statistics;

namespace MathForML.Tests.Statistics;

public class SampleStatisticsTests
{
    internal static Matrix Random(int n, int d, int seed, double offset = 0)
    {
        var random = new Random(seed);
        var m = new Matrix(n, d);
        var data = m.AsSpan();
        for (int i = 0; i < data.Length; i++) data[i] = offset + random.NextDouble() * 4 - 2;
        return m;
    }

    [Fact]
    public void CourseExample()
    {
        // Three samples in ℝ²: mean (2, 3); biased covariance divides by N = 3.
        var x = Matrix.FromRows([1, 2], [2, 3], [3, 4]);
        Assert.True(SampleStatistics.Mean(x).ApproximatelyEquals(Vector.Of(2, 3), 1e-15));
        Assert.True(SampleStatistics.Covariance(x).ApproximatelyEquals(Matrix.FromRows([2.0 / 3, 2.0 / 3], [2.0 / 3, 2.0 / 3]), 1e-15));
    }

    [Fact]
    public void NaiveAndFastAgree()
    {
        Gen.Int[1, 40].SelectMany(n => Gen.Int[1, 12].SelectMany(d => Gen.Double[-100, 100].Array[n * d].Select(v => new Matrix(n, d, v))))
            .Sample(x =>
            {
                var scale = Math.Max(1, x.MaxAbs());
                Assert.True(SampleStatistics.Mean(x).ApproximatelyEquals(SampleStatistics.MeanNaive(x), 1e-12 * scale));
                Assert.True(SampleStatistics.Covariance(x).ApproximatelyEquals(SampleStatistics.CovarianceNaive(x), 1e-11 * scale * scale));
            }, iter: 200);
    }

    [Fact]
    public void BlockedCovarianceMatchesNaiveAcrossBlocks()
    {
        // Rows over several packed blocks of the SYRK (kc ≈ 256 each), and a large offset (no cancellation from the mean).
        var x = Random(2085, 9, 3, offset: 1e4);
        var fast = SampleStatistics.Covariance(x);
        var naive = SampleStatistics.CovarianceNaive(x);
        Assert.True(fast.ApproximatelyEquals(naive, 1e-9));
        Assert.True(fast.IsSymmetric(0));
        var variance = SampleStatistics.Variance(x);
        for (int j = 0; j < 9; j++) Assert.Equal(naive[j, j], variance[j], 9);
    }

    [Fact]
    public void AffineLaws()
    {
        Gen.Int[2, 30].SelectMany(n => Gen.Int[1, 6].SelectMany(d => Gen.Int[1, 6].SelectMany(m =>
                Gen.Double[-3, 3].Array[n * d + m * d + m].Select(v => (n, d, m, v)))))
            .Sample(t =>
            {
                var (n, d, m, v) = t;
                var x = new Matrix(n, d, v.AsSpan(0, n * d));
                var map = new AffineMap(new Matrix(m, d, v.AsSpan(n * d, m * d)), new Vector(v.AsSpan(n * d + m * d, m)));
                var y = map.Apply(x);
                Assert.True(SampleStatistics.Mean(y).ApproximatelyEquals(map.MapMean(SampleStatistics.Mean(x)), 1e-12));
                Assert.True(SampleStatistics.Covariance(y).ApproximatelyEquals(map.MapCovariance(SampleStatistics.Covariance(x)), 1e-11));
            }, iter: 200);
    }

    [Fact]
    public void ShiftLeavesCovarianceAndMovesMean()
    {
        var x = Random(50, 3, 1);
        var map = new AffineMap(Matrix.Identity(3), Vector.Of(5, -1, 2));
        var y = map.Apply(x);
        Assert.True(SampleStatistics.Covariance(y).ApproximatelyEquals(SampleStatistics.Covariance(x), 1e-12));
        Assert.True((SampleStatistics.Mean(y) - SampleStatistics.Mean(x)).ApproximatelyEquals(Vector.Of(5, -1, 2), 1e-12));
    }

    [Fact]
    public void StandardizationHandlesConstantFeature()
    {
        var x = Matrix.FromRows([1, 7, 2], [3, 7, 2], [5, 7, 8]);
        var s = Standardization.Fit(x);
        Assert.Equal(1, s.ConstantFeatures);
        Assert.Equal(1, s.Scale[1]);
        var z = s.Transform(x);
        Assert.True(z.IsFinite());
        Assert.Equal(0, z[0, 1]);
        var sd = SampleStatistics.StandardDeviation(z);
        Assert.Equal(1, sd[0], 12);
        Assert.Equal(0, sd[1], 12);
        Assert.Equal(1, sd[2], 12);
        Assert.True(s.InverseTransform(z).ApproximatelyEquals(x, 1e-12));
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => SampleStatistics.Mean(new Matrix(0, 3)));
        Assert.Throws<NonFiniteValueException>(() => SampleStatistics.Covariance(Matrix.FromRows([1, double.NaN], [2, 3])));
        Assert.Throws<NonFiniteValueException>(() => Standardization.Fit(Matrix.FromRows([1, double.PositiveInfinity])));
        Assert.Throws<DimensionMismatchException>(() => new AffineMap(Matrix.Identity(2), Vector.Of(1, 2, 3)));
        Assert.Throws<DimensionMismatchException>(() => new AffineMap(Matrix.Identity(2), Vector.Of(1, 2)).Apply(new Matrix(3, 3)));
    }
}
