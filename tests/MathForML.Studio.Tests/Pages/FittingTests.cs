using System.Globalization;
using MathForML.Data;
using static MathForML.Studio.Tests.StudioPage;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The heights fit in the browser: the course's numbers, then a start clicked on the χ² plane and the aggression slider.</summary>
[Collection("studio")]
public sealed class FittingTests(StudioFixture studio)
{
    private static string F6(double x) => F(x, "0.000000");

    [BrowserFact]
    public async Task TheCoursesDescentThenAClickedStartShowTheLibrarysFits()
    {
        await using var page = await studio.OpenAsync("fitting");
        // The course: 50 steps from (155, 6) at aggression 2000 end at μ = 178.519824, σ = 7.549908.
        await Expect(page.Page.Locator("#fits td[data-fit=sd][data-p=mu]")).ToHaveTextAsync("178.519824");
        await Expect(page.Page.Locator("#fits td[data-fit=sd][data-p=sigma]")).ToHaveTextAsync("7.549908");
        await Expect(page.Page.Locator("#fits td[data-fit=lm][data-p=mu]")).ToHaveTextAsync("178.519824");

        var before = await page.Page.Locator("[data-figure=chi2] svg").InnerHTMLAsync();
        await page.ClickFigureAsync("chi2", 0.3, 0.3);
        await Expect(page.ById("mu0")).Not.ToHaveValueAsync("155");
        await page.SlideAsync("aggression", -2);   // 2000 → 1500
        await Expect(page.Page.Locator("output[for=aggression]")).ToHaveTextAsync("1500");
        double mu0 = double.Parse(await page.ById("mu0").InputValueAsync(), CultureInfo.InvariantCulture);
        double sigma0 = double.Parse(await page.ById("sigma0").InputValueAsync(), CultureInfo.InvariantCulture);
        var h = HeightData.CourseHistogram();
        var descent = HeightData.CourseFit(h, mu0, sigma0, 1500, 50);
        await Expect(page.Page.Locator("#fits td[data-fit=sd][data-p=mu]")).ToHaveTextAsync(F6(descent.Parameters[0]));
        await Expect(page.Page.Locator("#fits td[data-fit=sd][data-p=sigma]")).ToHaveTextAsync(F6(descent.Parameters[1]));
        var centres = LinearAlgebra.Matrix.FromRows(h.Centers.Select(c => new[] { c }).ToArray());
        var lm = Optimization.NonlinearLeastSquares.Fit(HeightData.Gaussian, ["x"], centres, h.Frequencies, ["mu", "sigma"], [mu0, sigma0]);
        await Expect(page.Page.Locator("#fits td[data-fit=lm][data-p=mu]")).ToHaveTextAsync(F6(lm.Parameters[0]));
        await Expect(page.Page.Locator("#fits td[data-fit=lm][data-p=mu-se]")).ToHaveTextAsync(F(lm.StandardErrors[0], "0.0000"));
        await Expect(page.Page.Locator("#fits td[data-fit=lm][data-p=sigma-se]")).ToHaveTextAsync(F(lm.StandardErrors[1], "0.0000"));
        Assert.NotEqual(before, await page.Page.Locator("[data-figure=chi2] svg").InnerHTMLAsync());
        await page.ScreenshotAsync("fitting");
    }
}
