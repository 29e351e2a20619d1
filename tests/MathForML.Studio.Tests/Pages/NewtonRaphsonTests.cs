using System.Globalization;
using MathForML.Calculus;
using static MathForML.Studio.Tests.StudioPage;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The Newton-Raphson page in the browser: the course's quiz start, a start where f′ = 0, and a drag of the start on the plot.</summary>
[Collection("studio")]
public sealed class NewtonRaphsonTests(StudioFixture studio)
{
    private static readonly Expression Sextic = Expression.Parse("x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30");

    private static string F6(double x) => F(x, "0.000000");

    /// <summary>The text once it has stopped changing for 400 ms (the drag's last moves may still be on their way).</summary>
    private static async Task<string> StableTextAsync(Microsoft.Playwright.ILocator locator)
    {
        string text = await locator.InnerTextAsync();
        for (int i = 0; i < 25; i++)
        {
            await Task.Delay(400);
            string now = await locator.InnerTextAsync();
            if (now == text) return text;
            text = now;
        }
        return text;
    }

    [BrowserFact]
    public async Task TheQuizStartAFlatTangentAndADraggedStartShowTheLibrarysIterates()
    {
        await using var page = await studio.OpenAsync("newton-raphson");
        // The course's quiz: from x₀ = 3.1 the secant method finds 1.063070629709697; Newton runs to the far root.
        await Expect(page.ById("secant-result")).ToContainTextAsync("root x = 1.063071");
        var quiz = NewtonRaphson.FindRoot(Sextic, "x", 3.1);
        await Expect(page.ById("newton-result")).ToHaveTextAsync($"Newton: root x = {F6(quiz.Root[0])} after {quiz.Iterations} iterations.");

        // f′(−1) = 0: the library stops at once, and the page says why.
        await page.ById("preset-2").ClickAsync();
        await Expect(page.ById("newton-result")).ToHaveTextAsync("Newton fails: f′(x) = 0 at x = -1.000000, so the tangent never meets the axis.");

        var before = await page.Page.Locator("[data-figure=newton] svg").InnerHTMLAsync();
        await page.DragFigureAsync("newton", (0.5, 0.5), (0.62, 0.5));
        var output = page.Page.Locator("output[for=start]");
        await Expect(output).Not.ToHaveTextAsync("-1.00");
        double start = double.Parse(await StableTextAsync(output), CultureInfo.InvariantCulture);
        var newton = NewtonRaphson.FindRoot(Sextic, "x", start);
        var secant = Secant.Solve(Sextic, "x", start);
        await Expect(page.Page.Locator("#iterates td[data-newton='1']")).ToHaveTextAsync(F6(newton.Path[1][0]));
        await Expect(page.Page.Locator("#iterates td[data-secant='2']")).ToHaveTextAsync(F6(secant.Path[2]));
        Assert.NotEqual(before, await page.Page.Locator("[data-figure=newton] svg").InnerHTMLAsync());

        // The video's cubic from 0: Newton cycles 0, 1, 0, … and the library gives up at its iteration limit.
        await page.ById("function").SelectOptionAsync("1");
        await Expect(page.ById("newton-result")).ToHaveTextAsync("Newton fails: no root after 100 iterations (the last is x = 0.000000).");
        await Expect(page.Page.Locator("#iterates td[data-newton='3']")).ToHaveTextAsync("1.000000");
        await page.ScreenshotAsync("newton-raphson");
    }
}
