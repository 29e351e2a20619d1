using MathForML.LinearAlgebra;
using MathForML.Statistics;
using MathForML.Studio.Pages;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The mean-and-covariance page: a slider on A moves the mapped statistics to what the library gives, and they equal the formulas.</summary>
[Collection("studio")]
public sealed class MeanCovarianceTests(StudioFixture studio)
{
    [BrowserFact]
    public async Task MovingASliderMapsTheStatisticsAsTheFormulasSay()
    {
        await using var page = await studio.OpenAsync("mean-covariance");
        var data = MeanCovariance.Data;
        await Expect(page.ById("original")).ToHaveTextAsync(
            $"The data: 200 points, mean {MeanCovariance.V(SampleStatistics.Mean(data))}, covariance {MeanCovariance.M(SampleStatistics.Covariance(data))}.");
        var before = await page.Page.Locator("[data-figure=ellipses] svg").InnerHTMLAsync();

        await page.SlideAsync("a11", 5);    // A₁₁ 1.0 → 1.5
        await page.SlideAsync("b2", -4);    // b₂ 1.0 → −1.0
        var map = new AffineMap(Matrix.FromRows([1.5, -0.5], [0.5, 1]), Vector.Of(3, -1));
        var mapped = map.Apply(data);
        await Expect(page.ById("mean-data")).ToHaveTextAsync(MeanCovariance.V(SampleStatistics.Mean(mapped)));
        await Expect(page.ById("cov-data")).ToHaveTextAsync(MeanCovariance.M(SampleStatistics.Covariance(mapped)));
        // The formulas Aμ + b and ASAᵀ give the same numbers.
        Assert.Equal(await page.TextAsync("mean-data"), await page.TextAsync("mean-formula"));
        Assert.Equal(await page.TextAsync("cov-data"), await page.TextAsync("cov-formula"));
        Assert.NotEqual(before, await page.Page.Locator("[data-figure=ellipses] svg").InnerHTMLAsync());
        await page.ScreenshotAsync("mean-covariance");
    }
}
