using MathForML.Graphs;
using Microsoft.Playwright;
using static MathForML.Studio.Tests.StudioPage;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The PageRank page in the browser: the course's numbers, Geoff's page, the damping slider, a click of the surfers.</summary>
[Collection("studio")]
public sealed class PageRankTests(StudioFixture studio)
{
    [BrowserFact]
    public async Task MicroInternetShowsTheCourseRanksAndGeoffWithDampingConvergesInEightIterations()
    {
        await using var page = await studio.OpenAsync("pagerank");
        // The course: "18 iterations to convergence", A 16, B 5.33, C 40, D 25.33, E 0, F 13.33.
        await Expect(page.ById("iterations")).ToHaveTextAsync("18 iterations to convergence.");
        string[] course = ["16.00", "5.33", "40.00", "25.33", "0.00", "13.33"];
        for (int i = 0; i < course.Length; i++)
            await Expect(page.Page.Locator($"#ranks td[data-page={(char)('A' + i)}]")).ToHaveTextAsync(course[i]);

        // Geoff's page: undamped it takes 131 iterations and swallows the surfers.
        await page.ById("geoff").CheckAsync();
        await Expect(page.ById("iterations")).ToHaveTextAsync("131 iterations to convergence.");
        // Damping 0.5 (ten steps of 0.05 left from 1, with the keyboard): the course's "8 iterations to convergence".
        await page.SlideAsync("damping", -10);
        await Expect(page.ById("iterations")).ToHaveTextAsync("8 iterations to convergence.");
        var expected = PageRank.Course(CourseInternet.MicroWithPageG(), 0.5);
        for (int i = 0; i < 7; i++)
            await Expect(page.Page.Locator($"#ranks td[data-page={(char)('A' + i)}]")).ToHaveTextAsync(F(expected.Ranks[i]));
        await page.ScreenshotAsync("pagerank");
    }

    [BrowserFact]
    public async Task AClickMovesTheSurfersOnceAndRedrawsTheGraph()
    {
        await using var page = await studio.OpenAsync("pagerank");
        var before = await page.Page.Locator("[data-figure=graph] svg").InnerHTMLAsync();
        await page.ById("click").ClickAsync();
        await Expect(page.Page.Locator("#ranks thead")).ToContainTextAsync("after 1 click");
        // One click from 100/6 each: r = L·r.
        var r = (CourseInternet.Micro() * LinearAlgebra.Vector.Filled(6, 100.0 / 6)).ToArray();
        var cells = page.Page.Locator("#ranks tbody tr td:nth-child(2)");
        for (int i = 0; i < 6; i++)
            await Expect(cells.Nth(i)).ToHaveTextAsync(F(r[i]));
        Assert.NotEqual(before, await page.Page.Locator("[data-figure=graph] svg").InnerHTMLAsync());
    }

    [BrowserFact]
    public async Task TheGeneratedInternetFollowsThePageSlider()
    {
        await using var page = await studio.OpenAsync("pagerank");
        await page.SlideAsync("pages", 5);   // 20 → 25 pages
        var expected = PageRank.Course(CourseInternet.Generate(25, 1u), 1.0);
        int top = Array.IndexOf(expected.Ranks, expected.Ranks.Max());
        await Expect(page.ById("generated")).ToHaveTextAsync(
            $"25 pages: {expected.Iterations} iterations to convergence; the top page is {top} ({F(expected.Ranks[top])} surfers).");
    }
}
