using MathForML.LinearAlgebra;
using MathForML.Statistics;
using static MathForML.Tests.PcaCourseReference;

namespace MathForML.Tests.Statistics;

/// <summary>
/// The course's week-1 mean and covariance (mean_naive, cov_naive, np.cov(X.T, bias=True)) and numpy's N − 1 covariance
/// (np.cov(X.T)) against <see cref="SampleStatistics"/> (Reference/pca-course, to 1e-10).
/// </summary>
public class SampleStatisticsDdofTests
{
    [Fact]
    public void MeanAndBothCovariancesMatchNumpy()
    {
        var week1 = Week(1);
        var x = Small;
        AssertClose(week1.GetProperty("mean").ToVector(), SampleStatistics.Mean(x), 1e-10, "mean");
        AssertClose(week1.GetProperty("cov").ToMatrix(), SampleStatistics.Covariance(x), 1e-10, "cov_naive");
        AssertClose(week1.GetProperty("cov_bias").ToMatrix(), SampleStatistics.Covariance(x, ddof: 0), 1e-10, "np.cov(bias=True)");
        AssertClose(week1.GetProperty("cov_ddof1").ToMatrix(), SampleStatistics.Covariance(x, ddof: 1), 1e-10, "np.cov");
    }

    [Fact]
    public void DdofScalesTheBiasedCovarianceByNOverNMinusDdof()
    {
        var x = SampleStatisticsTests.Random(7, 3, seed: 5, offset: 3);
        var biased = SampleStatistics.Covariance(x);
        Assert.True(SampleStatistics.Covariance(x, 0).ApproximatelyEquals(biased, 0));
        Assert.True(SampleStatistics.Covariance(x, 1).ApproximatelyEquals(biased * (7.0 / 6), 1e-14));
        Assert.True(SampleStatistics.Covariance(x, 6).ApproximatelyEquals(biased * 7.0, 1e-13));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(4)]
    public void DdofOutsideZeroToNMinusOneIsRejected(int ddof)
    {
        var x = Matrix.FromRows([1, 2], [2, 3], [3, 5]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SampleStatistics.Covariance(x, ddof));
        Assert.Equal("ddof", e.ParamName);
    }

    [Fact]
    public void NaNIsReportedWithItsPosition()
    {
        var x = Matrix.FromRows([1, 2], [double.NaN, 3]);
        var e = Assert.ThrowsAny<ArgumentException>(() => SampleStatistics.Covariance(x, 1));
        Assert.Contains("at row 1, column 0", e.Message);
    }
}
