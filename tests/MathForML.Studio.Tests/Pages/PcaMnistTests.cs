using System.Globalization;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.Studio.Pages;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The PCA-of-MNIST page: the fit in the background, the K slider, and the N &lt; D trick against the library.</summary>
[Collection("studio")]
public sealed class PcaMnistTests(StudioFixture studio)
{
    [BrowserFact]
    public async Task TheKSliderShowsTheLibrarysVarianceAndErrorAndTheTrickAgrees()
    {
        await using var page = await studio.OpenAsync("pca-mnist");
        var mnist = Mnist.Load().InCourseUnits().InCourseOrder();
        var pca = Pca.Fit(PcaMnist.Digits(mnist, 1000).Images, new PcaOptions { Solver = PcaSolver.Covariance });
        string Expected(int k) => string.Create(CultureInfo.InvariantCulture,
            $"K = {k}: {pca.ExplainedVarianceRatio.AsSpan()[..k].ToArray().Sum():0.00%} of the variance; reconstruction MSE {pca.ReconstructionError(k):0.000000}.");
        await Expect(page.ById("explained")).ToHaveTextAsync(Expected(10), new() { Timeout = 120_000 });
        var before = await page.Page.Locator("[data-figure=reconstructions] svg").InnerHTMLAsync();

        await page.SlideAsync("components", 10);
        await Expect(page.ById("explained")).ToHaveTextAsync(Expected(20));
        Assert.NotEqual(before, await page.Page.Locator("[data-figure=reconstructions] svg").InnerHTMLAsync());
        await Expect(page.Page.Locator("#eigenvalues tbody tr td").First).ToHaveTextAsync(pca.Eigenvalues[0].ToString("0.000000", CultureInfo.InvariantCulture));

        await page.ById("trick").ClickAsync();
        var gram = Pca.Fit(PcaMnist.Digits(mnist, 40).Images, new PcaOptions { Solver = PcaSolver.Gram, Components = 40 });
        await Expect(page.Page.Locator("#trick-table tbody tr td").Nth(1)).ToHaveTextAsync(gram.Eigenvalues[0].ToString("0.000000000", CultureInfo.InvariantCulture));
        var difference = double.Parse((await page.TextAsync("trick-result")).Split(": ")[1].TrimEnd('.'), CultureInfo.InvariantCulture);
        Assert.InRange(difference, 0, 1e-10);
        await page.ScreenshotAsync("pca-mnist");
    }
}
