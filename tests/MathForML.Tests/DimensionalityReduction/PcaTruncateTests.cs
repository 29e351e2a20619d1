using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.DimensionalityReduction;

/// <summary>Fit once with every component, then look at any K: <see cref="Pca.Truncate"/> equals a fit with K.</summary>
public class PcaTruncateTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(500)]
    public void TruncatingTheFullFitEqualsFittingK(int k)
    {
        var x = MnistSubset.Images;
        var full = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance });
        var fitted = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance, Components = k });
        var truncated = full.Truncate(k);
        Assert.Equal(k, truncated.ComponentCount);
        Assert.True((truncated.Components - fitted.Components).MaxAbs() < 1e-12);
        Assert.True((truncated.ExplainedVariance - fitted.ExplainedVariance).NormInfinity() < 1e-12);
        Assert.True((truncated.ExplainedVarianceRatio - fitted.ExplainedVarianceRatio).NormInfinity() < 1e-15);
        Assert.Equal(full.Eigenvalues.ToArray(), truncated.Eigenvalues.ToArray());
        Assert.Equal(full.ReconstructionErrors(), truncated.ReconstructionErrors());
        var sample = x.SliceRows(..5);
        Assert.True((truncated.Transform(sample) - fitted.Transform(sample)).MaxAbs() < 1e-9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(11)]
    public void KOutsideTheFittedComponentsIsRejected(int k)
    {
        var fit = Pca.Fit(MnistSubset.Images, new PcaOptions { Components = 10 });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => fit.Truncate(k));
        Assert.Equal("components", e.ParamName);
        Assert.Contains("between 1 and the 10 fitted components", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KOutsideMinNDIsRejectedNamingTheOption()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(Matrix.FromRows([1, 2], [3, 5], [0, 1]), new PcaOptions { Components = 3 }));
        Assert.Equal(nameof(PcaOptions.Components), e.ParamName);
    }

    [Fact]
    public void TheFitCountsTheConstantFeatures()
    {
        var x = Matrix.FromRows([1, 7, 2, 0], [3, 7, 5, 0], [2, 7, 1, 0]);
        Assert.Equal(2, Pca.Fit(x, new PcaOptions { Normalize = true }).ConstantFeatures);
        Assert.Equal(2, Pca.Fit(x).Truncate(1).ConstantFeatures);
    }
}
