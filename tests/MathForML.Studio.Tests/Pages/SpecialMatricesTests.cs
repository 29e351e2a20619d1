using MathForML.LinearAlgebra;
using static MathForML.Studio.Tests.StudioPage;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The Identifying special matrices page in the browser: the course's two examples, a typed entry, the row operations.</summary>
[Collection("studio")]
public sealed class SpecialMatricesTests(StudioFixture studio)
{
    [BrowserFact]
    public async Task TheCourseExamplesGiveTheCoursesVerdictsAndATypedEntryIsSteppedAsTheLibraryDoes()
    {
        await using var page = await studio.OpenAsync("special-matrices");
        // The course: isSingular of [[2,0,0,0],[0,3,0,0],[0,0,4,4],[0,0,5,5]] is True; of the second example False.
        await Expect(page.ById("verdict")).ToContainTextAsync("isSingular(A) is True: fixRowThree cannot put a non-zero on the diagonal");
        await page.ById("all").ClickAsync();
        await Expect(page.ById("step-text")).ToHaveTextAsync("Operation 5 of 5, fixRowThree: a33 = 0 and no row below is left to add: MatrixIsSingular.");
        await page.ById("preset").SelectOptionAsync("1");
        await Expect(page.ById("verdict")).ToContainTextAsync("isSingular(A) is False");

        // Type a33 = 6 into the singular example: the last two rows are no longer dependent.
        await page.ById("preset").SelectOptionAsync("0");
        await Expect(page.ById("verdict")).ToContainTextAsync("is True");
        var picture = page.Page.Locator("[data-figure=matrix] svg");
        string before = await picture.InnerHTMLAsync();
        await page.ById("a-3-3").FillAsync("6");
        await page.ById("a-3-3").PressAsync("Tab");
        var a = Matrix.FromRows([2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 4], [0, 0, 5, 6]);
        Assert.False(SingularityTest.IsSingular(a));
        await Expect(page.ById("verdict")).ToContainTextAsync("isSingular(A) is False");
        var steps = SingularityTest.Steps(a);
        for (int k = 0; k < 4; k++) await page.ById("step").ClickAsync();
        // The fourth operation: fixRowThree clears a32 = 5 with row 2.
        await Expect(page.ById("step-text")).ToHaveTextAsync($"Operation 4 of {steps.Count}, fixRowThree: row 3 ← row 3 − {F(steps[3].Factor, "0.###")} × row 2.");
        var cells = page.Page.Locator("#current td");
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
                await Expect(cells.Nth(r * 4 + c)).ToHaveTextAsync(F(steps[3].After[r, c], "0.###"));
        Assert.NotEqual(before, await picture.InnerHTMLAsync());
        await page.ScreenshotAsync("special-matrices");
    }
}
