using System.Globalization;
using MathForML.Optimization;
using MathForML.Randomness;
using static MathForML.Studio.Tests.StudioPage;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The Sandpit page in the browser: a real click reads the library's depth and Jacobian there; the strategies play from it; a typed dip at the phone finds it.</summary>
[Collection("studio")]
public sealed class SandpitTests(StudioFixture studio)
{
    private static string F3(double x) => F(x, "0.000");

    [BrowserFact]
    public async Task AClickShowsTheDepthAndJacobianTheLibraryGivesThereAndTheStrategiesPlayFromIt()
    {
        await using var page = await studio.OpenAsync("sandpit");
        var sandpit = new Sandpit(SandpitLandscape.Create(SandpitLandscapeKind.Intro, new NumPyRandom(0)));
        await Expect(page.ById("guesses")).ToHaveTextAsync("0 of 25 guesses used.");
        // Hidden before the first guess: the square is drawn all the same (axes, title, the sand's legend).
        Assert.True((await page.Page.Locator("[data-figure=sandpit] svg").InnerHTMLAsync()).Length > 5_000, "the hidden sandpit is an empty picture");
        // Revealed, the intro's phone: the global minimum the library finds.
        await page.ById("reveal").CheckAsync();
        await Expect(page.ById("phone")).ToHaveTextAsync($"({F3(sandpit.Phone[0])}, {F3(sandpit.Phone[1])})");

        var before = await page.Page.Locator("[data-figure=sandpit] svg").InnerHTMLAsync();
        await page.ClickFigureAsync("sandpit", 0.55, 0.4);
        await Expect(page.ById("guesses")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1 of 25 guesses used"));
        var reading = page.ById("reading");
        double x = double.Parse((await reading.GetAttributeAsync("data-x"))!, CultureInfo.InvariantCulture);
        double y = double.Parse((await reading.GetAttributeAsync("data-y"))!, CultureInfo.InvariantCulture);
        Assert.InRange(x, 0, 6);
        Assert.InRange(y, 0, 6);
        await Expect(page.ById("depth")).ToHaveTextAsync(F3(sandpit.Depth(x, y)));
        var j = sandpit.Jacobian(x, y);
        await Expect(page.ById("jacobian")).ToHaveTextAsync($"({F3(j[0])}, {F3(j[1])})");
        Assert.NotEqual(before, await page.Page.Locator("[data-figure=sandpit] svg").InnerHTMLAsync());

        await page.ById("strategies").ClickAsync();
        var gradient = SandpitDescent.Play(sandpit, x, y, SandpitStrategies.Gradient());
        var row = page.Page.Locator("#strategy-table tr[data-strategy='gradient −γJ'] td");
        await Expect(row.Nth(0)).ToHaveTextAsync(gradient.Points.Count - 1 + "");
        await Expect(row.Nth(1)).ToHaveTextAsync($"({F(gradient.Points[^1][0])}, {F(gradient.Points[^1][1])})");
        await Expect(page.Page.Locator("[data-figure=paths] svg")).ToBeVisibleAsync();
        await page.ScreenshotAsync("sandpit");

        // Typed in (the keyboard's way to dip): a dip within 0.15 of the phone finds it, by the library's rule.
        Assert.True(sandpit.IsAtPhone(Math.Round(sandpit.Phone[0], 2), Math.Round(sandpit.Phone[1], 2)));
        await page.ById("dip-x").FillAsync(F(sandpit.Phone[0]));
        await page.ById("dip-x").DispatchEventAsync("change");
        await page.ById("dip-y").FillAsync(F(sandpit.Phone[1]));
        await page.ById("dip-y").DispatchEventAsync("change");
        await page.ById("dip").ClickAsync();
        await Expect(page.ById("outcome")).ToHaveTextAsync("You found the phone!");
        await Expect(page.ById("guesses")).ToContainTextAsync("2 of 25 guesses used.");
    }
}
