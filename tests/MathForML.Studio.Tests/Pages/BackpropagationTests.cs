using System.Globalization;
using MathForML.NeuralNetworks;
using MathForML.Randomness;
using MathForML.Studio.Pages;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The backpropagation page: 100 steps, then live training paused, each equal to the course's loop run by the library.</summary>
[Collection("studio")]
public sealed class BackpropagationTests(StudioFixture studio)
{
    private static string CostAfter(int steps)
    {
        var (x, y) = CurveData.CourseTrainingData();
        var network = Backpropagation.Network(1);
        if (steps > 0) network.TrainAsCourse(x, y, new NumPyRandom(1), steps - 1, aggression: 7, noise: 0);
        return $"{steps.ToString("N0", CultureInfo.InvariantCulture)} steps; cost {network.Cost(x, y).ToString("0.000000", CultureInfo.InvariantCulture)}";
    }

    [BrowserFact]
    public async Task StepsAndLiveTrainingFollowTheCoursesLoop()
    {
        await using var page = await studio.OpenAsync("backpropagation");
        await Expect(page.ById("progress")).ToHaveTextAsync(CostAfter(0));
        var before = await page.Page.Locator("[data-figure=curve] svg").InnerHTMLAsync();
        await page.ById("step").ClickAsync();
        await Expect(page.ById("progress")).ToHaveTextAsync(CostAfter(100));
        Assert.NotEqual(before, await page.Page.Locator("[data-figure=curve] svg").InnerHTMLAsync());

        await page.ById("start").ClickAsync();
        await Expect(page.ById("start")).ToHaveTextAsync("Pause");
        await page.Page.WaitForTimeoutAsync(1500);
        await page.ById("start").ClickAsync();
        await Expect(page.ById("start")).ToHaveTextAsync("Start");
        var text = await page.TextAsync("progress");
        int steps = int.Parse(text.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.True(steps > 100, $"the network did not train while running: {text}");
        Assert.Equal(CostAfter(steps), text);

        await page.ById("jacobians").ClickAsync();
        await Expect(page.Page.Locator("#jacobian-list .matrix-block")).ToHaveCountAsync(6);
        await page.ScreenshotAsync("backpropagation");
    }
}
