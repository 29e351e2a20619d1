using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using MathForML.Numerics;
using MathForML.Statistics;
using MathForML.Tests.Statistics;

namespace MathForML.Tests.DimensionalityReduction;

public class PcaTests
{
    [Fact]
    public void EigenvaluesOfTheMnistSubsetMatchNumpy()
    {
        var (_, expected) = NpyFile.Read<double>(ReferenceData.PathOf("mnist", "eigenvalues.npy"));
        var pca = Pca.Fit(MnistSubset.Images, new PcaOptions { Solver = PcaSolver.Covariance });
        var ours = pca.Eigenvalues.AsSpan();
        Assert.Equal(784, ours.Length);
        Assert.Equal(PcaSolver.Covariance, pca.Solver);
        double top = expected[0];
        for (int i = 0; i < expected.Length; i++)
        {
            // 1e-9 relative wherever the eigenvalue is resolvable in double precision (λ > 1e-7·λ₀); the rest are rounding noise around 0.
            double tolerance = expected[i] > 1e-7 * top ? 1e-9 * expected[i] : 1e-14 * top;
            Assert.True(Math.Abs(ours[i] - expected[i]) <= tolerance, $"λ{i}: {ours[i]} vs numpy {expected[i]}");
        }

        Assert.Equal(pca.Eigenvalues.Sum(), pca.TotalVariance, 10);
    }

    [Fact]
    public void ComponentsOfTheMnistSubsetMatchNumpyWithTheSameSigns()
    {
        var (_, expected) = NpyFile.Read<double>(ReferenceData.PathOf("mnist", "components.npy"));
        foreach (var solver in new[] { PcaSolver.Covariance, PcaSolver.Gram })
        {
            var pca = Pca.Fit(MnistSubset.Images, new PcaOptions { Solver = solver, Components = 10 });
            var ours = pca.Components.AsSpan();
            for (int i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(ours[i] - expected[i]) < 1e-8, $"{solver}: component {i / 784}, entry {i % 784}: {ours[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void ThreeSolversAgreeOnTheTopComponents()
    {
        var x = MnistSubset.Images;
        var covariance = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance, Components = 8 });
        var gram = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Gram, Components = 8 });
        var randomized = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Randomized, Components = 8, PowerIterations = 8, Seed = 3 });
        Assert.Equal(PcaSolver.Randomized, randomized.Solver);
        Assert.True(gram.Components.ApproximatelyEquals(covariance.Components, 1e-9));
        Assert.True(gram.ExplainedVariance.ApproximatelyEquals(covariance.ExplainedVariance, 1e-11));
        for (int i = 0; i < 8; i++) Assert.Equal(covariance.ExplainedVariance[i], randomized.ExplainedVariance[i], 6);
        Assert.True(randomized.Components.SliceRows(..4).ApproximatelyEquals(covariance.Components.SliceRows(..4), 1e-4));
        var again = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Randomized, Components = 8, PowerIterations = 8, Seed = 3 });
        Assert.Equal(randomized.Components, again.Components);   // same seed, same result
    }

    [Fact]
    public void GramTrickGivesTheSameReconstructionWhenNIsBelowD()
    {
        var x = MnistSubset.Images.SliceRows(..60);   // N = 60 < D = 784
        Assert.Equal(PcaSolver.Gram, Pca.Choose(60, 784, 20));
        var auto = Pca.Fit(x, new PcaOptions { Components = 20 });
        var ordinary = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance, Components = 20 });
        Assert.Equal(PcaSolver.Gram, auto.Solver);
        Assert.True(auto.Reconstruct(x, 20).ApproximatelyEquals(ordinary.Reconstruct(x, 20), 1e-9));
        Assert.True(auto.ExplainedVariance.ApproximatelyEquals(ordinary.ExplainedVariance, 1e-11));
    }

    [Fact]
    public void GramCompletesComponentsBeyondTheRank()
    {
        var x = MnistSubset.Images.SliceRows(..5);   // centred rank ≤ 4
        var pca = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Gram });
        Assert.Equal(5, pca.ComponentCount);
        var gram = pca.Components.TimesTranspose(pca.Components);
        Assert.True(gram.ApproximatelyEquals(Matrix.Identity(5), 1e-10));
        Assert.True(pca.Reconstruct(x, 4).ApproximatelyEquals(x, 1e-10));   // four components reproduce five centred points
    }

    [Fact]
    public void ReconstructionErrorFromEigenvaluesEqualsTheMeasuredOne()
    {
        var x = SampleStatisticsTests.Random(300, 12, 5, offset: 2);
        var pca = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance });
        var errors = pca.ReconstructionErrors();
        Assert.Equal(13, errors.Length);
        foreach (int k in new[] { 1, 3, 7, 12 })
        {
            var r = pca.Reconstruct(x, k) - x;
            double mse = r.AsSpan().ToArray().Sum(v => v * v) / x.Rows;
            Assert.Equal(mse, errors[k], 10);
            Assert.Equal(errors[k], pca.ReconstructionError(k), 15);
        }

        Assert.Equal(pca.TotalVariance, errors[0], 12);
        Assert.Equal(0, errors[12], 12);
    }

    [Fact]
    public void TransformAndInverseTransform()
    {
        var x = SampleStatisticsTests.Random(100, 6, 9, offset: 1);
        var pca = Pca.Fit(x, new PcaOptions { Normalize = true });
        Assert.True(pca.InverseTransform(pca.Transform(x)).ApproximatelyEquals(x, 1e-12));
        var z = pca.Transform(x);
        var cov = SampleStatistics.Covariance(z);
        Assert.True(cov.ApproximatelyEquals(Matrix.Diagonal(pca.ExplainedVariance.ToArray()), 1e-12));
        Assert.Equal(6, pca.TotalVariance, 12);   // normalised: each feature has variance 1
        Assert.Equal(1, pca.ExplainedVarianceRatio.Sum(), 12);
        Assert.Equal(Math.Sqrt(100 * pca.ExplainedVariance[0]), pca.SingularValues[0], 12);
        for (int i = 0; i < pca.ComponentCount; i++)
        {
            var row = pca.Components.Row(i);
            int peak = Enumerable.Range(0, row.Length).MaxBy(j => Math.Abs(row[j]));
            Assert.True(row[peak] > 0);   // sign convention
        }
    }

    [Fact]
    public void NormalizeCopesWithConstantFeatures()
    {
        var x = MnistSubset.Images;   // the border pixels are 0 in every digit
        Assert.True(Standardization.Fit(x).ConstantFeatures > 0);
        var pca = Pca.Fit(x, new PcaOptions { Normalize = true, Components = 5 });
        Assert.True(pca.Components.IsFinite());
        Assert.True(pca.ExplainedVariance.AsSpan().ToArray().All(double.IsFinite));
        Assert.True(pca.Transform(x).IsFinite());
    }

    [Fact]
    public void ConstantFeaturesAreSplitOffExactly()
    {
        var x = SampleStatisticsTests.Random(80, 6, 4);
        for (int i = 0; i < 80; i++)
        {
            x[i, 1] = 3;    // constant features in the middle and at the end
            x[i, 5] = -2;
        }

        var pca = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance });
        var full = SymmetricEigen.Decompose(SampleStatistics.Covariance(x));
        for (int i = 0; i < 6; i++) Assert.Equal(Math.Max(full.Eigenvalues[i], 0), Math.Max(pca.Eigenvalues[i], 0), 12);
        Assert.True(pca.Components.TimesTranspose(pca.Components).ApproximatelyEquals(Matrix.Identity(6), 1e-12));
        Assert.True(pca.Components.SliceRows(..4).ApproximatelyEquals(full.Eigenvectors.Transpose().SliceRows(..4), 1e-10));
        Assert.Equal(Vector.Unit(6, 1), pca.Components.Row(4));
        Assert.Equal(Vector.Unit(6, 5), pca.Components.Row(5));
        Assert.True(pca.Reconstruct(x, 4).ApproximatelyEquals(x, 1e-12));
    }

    [Fact]
    public void RandomizedWithNormalizationMatchesCovariance()
    {
        var x = MnistSubset.Images;
        var exact = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance, Components = 5, Normalize = true });
        var fast = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Randomized, Components = 5, Normalize = true, PowerIterations = 10 });
        Assert.Equal(exact.TotalVariance, fast.TotalVariance, 9);
        for (int i = 0; i < 5; i++) Assert.Equal(exact.ExplainedVarianceRatio[i], fast.ExplainedVarianceRatio[i], 6);
    }

    [Fact]
    public void AutoPicksBySizeAndSaysWhich()
    {
        Assert.Equal(PcaSolver.Covariance, Pca.Choose(10_000, 784, 50));
        Assert.Equal(PcaSolver.Randomized, Pca.Choose(10_000, 2000, 50));
        Assert.Equal(PcaSolver.Covariance, Pca.Choose(10_000, 2000, 500));
        Assert.Equal(PcaSolver.Gram, Pca.Choose(100, 784, 50));
    }

    [Fact]
    public void RejectsBadInput()
    {
        var x = SampleStatisticsTests.Random(10, 4, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(x, new PcaOptions { Components = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(x, new PcaOptions { Components = 5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(x.SliceRows(..3), new PcaOptions { Components = 4 }));
        Assert.Throws<NonFiniteValueException>(() => Pca.Fit(Matrix.FromRows([1, double.NaN], [2, 3])));
        Assert.Throws<ArgumentException>(() => Pca.Fit(new Matrix(0, 3)));
        var pca = Pca.Fit(x, new PcaOptions { Components = 2 });
        Assert.Throws<DimensionMismatchException>(() => pca.Transform(new Matrix(2, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => pca.Transform(x, 3));
    }

    [Fact]
    public void TransformRejectsNonFiniteData()
    {
        var pca = Pca.Fit(Matrix.FromRows([1, 2], [3, 5], [4, 4], [0, 1]));
        var e = Assert.Throws<NonFiniteValueException>(() => pca.Transform(Matrix.FromRows([1, 2], [double.NaN, 0])));
        Assert.Equal((1, 0), (e.Row, e.Column));
        Assert.Throws<NonFiniteValueException>(() => pca.Transform(Matrix.FromRows([1, double.NegativeInfinity]), 1));
    }

    [Theory]
    [InlineData(1e150, PcaSolver.Covariance)]
    [InlineData(1e150, PcaSolver.Gram)]
    [InlineData(1e-150, PcaSolver.Covariance)]
    [InlineData(1e-150, PcaSolver.Randomized)]
    public void ExtremeButRepresentableScalesGiveTheScaledFit(double scale, PcaSolver solver)
    {
        // Values of 1e150 have squares of 1e300: the covariance of the raw data overflowed ("holds NaN or infinite
        // values", an internal error in the CLI). Fitted at 2⁻ᵉ and scaled back, it is the unit-scale fit scaled.
        var rng = new Random(4);
        var x = new Matrix(40, 6);
        for (int i = 0; i < x.Rows; i++) for (int j = 0; j < x.Columns; j++) x[i, j] = rng.NextDouble() * (j + 1) + j;
        var options = new PcaOptions { Components = 3, Solver = solver, Seed = 1 };
        var unit = Pca.Fit(x, options);
        var big = Pca.Fit(x * scale, options);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(1, big.ExplainedVariance[i] / (unit.ExplainedVariance[i] * scale * scale), 10);
            Assert.Equal(unit.ExplainedVarianceRatio[i], big.ExplainedVarianceRatio[i], 10);
        }
        Assert.True((big.Components - unit.Components).MaxAbs() < 1e-9);
        for (int j = 0; j < x.Columns; j++) Assert.Equal(1, big.Mean[j] / (unit.Mean[j] * scale), 12);
    }

    [Fact]
    public void VariancesBeyondTheLargestDoubleAreAClearError()
    {
        var x = Matrix.FromRows([1e160, 2e160], [3e160, 1e160], [2e160, 5e160]);
        var e = Assert.Throws<ArgumentException>(() => Pca.Fit(x));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("variance of the data overflows", e.Message, StringComparison.Ordinal);
        // Standardised, the same data has unit-free variances: it fits, as the unit-scale data does.
        var normalized = Pca.Fit(x, new PcaOptions { Normalize = true });
        var unit = Pca.Fit(x * 1e-160, new PcaOptions { Normalize = true });
        Assert.Equal(unit.ExplainedVarianceRatio[0], normalized.ExplainedVarianceRatio[0], 12);
    }
}
