using System.Globalization;
using System.Text.RegularExpressions;
using MathForML.Data;
using MathForML.Geometry;
using MathForML.Learning;
using MathForML.LinearAlgebra;
using MathForML.Studio.Pages;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The distances-and-kNN page: the iris regions follow k and a click; the MNIST neighbours are the course's.</summary>
[Collection("studio")]
public sealed partial class NearestNeighboursTests(StudioFixture studio)
{
    [BrowserFact]
    public async Task TheIrisRegionsFollowKAndAClickClassifiesAFlower()
    {
        await using var page = await studio.OpenAsync("knn");
        var knn = KNearestNeighbors.Fit(NearestNeighbours.Sepals, NearestNeighbours.Flowers.Labels);
        int Correct(int k) => knn.Predict(NearestNeighbours.Sepals, k).Where((l, i) => l == NearestNeighbours.Flowers.Labels[i]).Count();
        await Expect(page.ById("training")).ToHaveTextAsync($"{Correct(3)} of 150 flowers are classified as their own species with k = 3.");
        var before = await page.Page.Locator("[data-figure=iris] svg").InnerHTMLAsync();

        await page.SlideAsync("k", 4);
        await Expect(page.ById("training")).ToHaveTextAsync($"{Correct(7)} of 150 flowers are classified as their own species with k = 7.");
        await page.ClickFigureAsync("iris", 0.45, 0.55);
        await Expect(page.ById("query")).ToBeVisibleAsync();
        var match = SepalText().Match(await page.TextAsync("query"));
        Assert.True(match.Success, await page.TextAsync("query"));
        var flower = Matrix.FromRows([double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)]);
        Assert.Equal(NearestNeighbours.Flowers.ClassNames[knn.Predict(flower, 7)[0]], match.Groups[3].Value);
        Assert.Equal(string.Join(", ", knn.Neighbors(flower, 7).Select(i => $"#{i}")), match.Groups[4].Value);
        Assert.NotEqual(before, await page.Page.Locator("[data-figure=iris] svg").InnerHTMLAsync());

        // The keyboard's way: type a flower and classify it.
        await page.ById("sepal-length").FillAsync("5.1");
        await page.ById("sepal-width").FillAsync("3.9");
        await page.ById("classify").ClickAsync();
        var typed = Matrix.FromRows([5.1, 3.9]);
        await Expect(page.ById("query")).ToHaveTextAsync(
            $"Your flower (sepal 5.10 × 3.90 cm) is classified as {NearestNeighbours.Flowers.ClassNames[knn.Predict(typed, 7)[0]]}; its neighbours: {string.Join(", ", knn.Neighbors(typed, 7).Select(i => $"#{i}"))}.");
        await page.ScreenshotAsync("knn");
    }

    [BrowserFact]
    public async Task TheDigitNearestTheFirstIs61AtTheCourseDistance()
    {
        await using var page = await studio.OpenAsync("knn");
        // The digits load in the background (fetched on first use, as mml does).
        await Expect(page.Page.Locator("#nearest tbody tr").First).ToContainTextAsync("#61", new() { Timeout = 120_000 });
        await Expect(page.Page.Locator("#nearest tbody tr").First).ToContainTextAsync("1020.6473436011089");

        await page.ById("digit").FillAsync("7");
        await page.ById("digit").PressAsync("Enter");
        var images = Mnist.Load().InCourseUnits().InCourseOrder().Images;
        var nearest = NearestRows.Find(images, images.Row(7), 5, exclude: 7);
        await Expect(page.Page.Locator("#nearest caption")).ToContainTextAsync("Nearest to #7");
        var rows = page.Page.Locator("#nearest tbody tr th");
        for (int i = 0; i < 5; i++)
            await Expect(rows.Nth(i)).ToHaveTextAsync($"#{nearest[i].Index}");
        await page.ScreenshotAsync("knn-digits");
    }

    [GeneratedRegex(@"^Your flower \(sepal ([0-9.]+) × ([0-9.]+) cm\) is classified as (\w+); its neighbours: (.+)\.$")]
    private static partial Regex SepalText();
}
