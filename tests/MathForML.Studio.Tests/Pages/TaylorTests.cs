using MathForML.Calculus;
using static MathForML.Studio.Tests.StudioPage;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The Taylor series page in the browser: the course's cos x coefficients, then the order slider and a drag of the point.</summary>
[Collection("studio")]
public sealed class TaylorTests(StudioFixture studio)
{
    /// <summary>As the page shows a number: six places, no sign on a value that rounds to zero.</summary>
    private static string F6(double x)
    {
        string s = F(x, "0.000000");
        return s.StartsWith('-') && s.Skip(1).All(c => c is '0' or '.') ? s[1..] : s;
    }

    [BrowserFact]
    public async Task TheOrderSliderShowsTheLibrarysCoefficientsAndRedrawsThePolynomial()
    {
        await using var page = await studio.OpenAsync("taylor");
        // cos x about 0 to order 2: 1 − x²/2.
        string[] course = ["1.000000", "0.000000", "-0.500000"];
        for (int k = 0; k < 3; k++)
            await Expect(page.Page.Locator($"#coefficients td[data-k='{k}']")).ToHaveTextAsync(course[k]);

        var before = await page.Page.Locator("[data-figure=taylor] svg").InnerHTMLAsync();
        await page.SlideAsync("order", 4);   // order 6
        var series = TaylorSeries.Expand(Expression.Parse("cos(x)"), "x", 0, 6);
        for (int k = 0; k <= 6; k++)
            await Expect(page.Page.Locator($"#coefficients td[data-k='{k}']")).ToHaveTextAsync(F6(series.Coefficients[k]));
        await Expect(page.ById("t-value")).ToHaveTextAsync(F6(series.Evaluate(1)));
        await Expect(page.ById("f-value")).ToHaveTextAsync(F6(Math.Cos(1)));
        Assert.NotEqual(before, await page.Page.Locator("[data-figure=taylor] svg").InnerHTMLAsync());

        // 1/x: about 1 its coefficients are (−1)ᵏ; about 0 the library refuses, and the page says why.
        await page.ById("example").SelectOptionAsync("2");
        var inverse = TaylorSeries.Expand(Expression.Parse("1/x"), "x", 1, 6);
        await Expect(page.Page.Locator("#coefficients td[data-k='3']")).ToHaveTextAsync(F6(inverse.Coefficients[3]));
        await page.SlideAsync("point", -10);   // a = 0
        await Expect(page.ById("error")).ToContainTextAsync("not finite");
        await page.SlideAsync("point", 5);   // a = 0.5
        var half = TaylorSeries.Expand(Expression.Parse("1/x"), "x", 0.5, 6);
        await Expect(page.Page.Locator("#coefficients td[data-k='2']")).ToHaveTextAsync(F6(half.Coefficients[2]));
        await page.ScreenshotAsync("taylor");
    }
}
