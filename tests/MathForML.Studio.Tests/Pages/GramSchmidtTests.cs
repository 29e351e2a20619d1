using MathForML.LinearAlgebra;
using static MathForML.Studio.Tests.StudioPage;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The Gram-Schmidt page in the browser: the course's dimensions, a typed vector, the steps one at a time.</summary>
[Collection("studio")]
public sealed class GramSchmidtTests(StudioFixture studio)
{
    [BrowserFact]
    public async Task ShowsTheCourseDimensionsAndStepsThroughATypedSetOfVectors()
    {
        await using var page = await studio.OpenAsync("gram-schmidt");
        // The course: gsBasis4(V) is a basis of ℝ⁴; dimensions(A) = 3, dimensions(B) = 3, dimensions(C) = 2.
        foreach (var (key, dimension) in new[] { ("V", "4"), ("A", "3"), ("B", "3"), ("C", "2") })
            await Expect(page.Page.Locator($"#course td[data-course={key}]")).ToHaveTextAsync(dimension);
        // Three vectors in the plane span 2 dimensions: the third becomes zero.
        await Expect(page.ById("dimension")).ToContainTextAsync("Dimension 2: 3 vectors in ℝ2 span a 2-dimensional space (1 set to zero).");

        var picture = page.Page.Locator("[data-figure=vectors] svg");
        string before = await picture.InnerHTMLAsync();
        // Type b1 = (6, 2), twice b0 = (3, 1): now b1 is the dependent one.
        await page.ById("a-0-1").FillAsync("6");
        await page.ById("a-0-1").PressAsync("Tab");
        await Expect(page.ById("input")).ToBeVisibleAsync();
        var a = Matrix.FromRows([3, 6, -1], [1, 2, 2]);
        await Expect(page.ById("a-0-1")).ToHaveValueAsync("6");
        var steps = GramSchmidt.Steps(a);
        await Expect(page.ById("step-text")).ToHaveTextAsync($"Step 0 of {steps.Count}: the vectors as given.");

        // Two steps: e0 = b0/‖b0‖, then b1 − (b1·e0)e0.
        await page.ById("step").ClickAsync();
        await page.ById("step").ClickAsync();
        await Expect(page.ById("step-text")).ToHaveTextAsync($"Step 2 of {steps.Count}: b1 ← b1 − (b1·e0) e0, with b1·e0 = {F(steps[1].Coefficient, "0.000")}.");
        await page.ById("step").ClickAsync();
        await Expect(page.ById("step-text")).ToContainTextAsync("b1 depends on the earlier vectors and becomes zero.");
        Assert.NotEqual(before, await picture.InnerHTMLAsync());

        await page.ById("all").ClickAsync();
        var basis = GramSchmidt.Orthonormalize(a).Basis;
        var cells = page.Page.Locator("#vectors tbody td");
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 3; c++)
                await Expect(cells.Nth(r * 3 + c)).ToHaveTextAsync(F(basis[r, c], "0.000"));
        await Expect(page.ById("dimension")).ToContainTextAsync($"Dimension {GramSchmidt.Orthonormalize(a).Dimension}:");
        await page.ScreenshotAsync("gram-schmidt");
    }

    [BrowserFact]
    public async Task TheCourseMatrixCShowsItsThirdColumnBecomingZero()
    {
        await using var page = await studio.OpenAsync("gram-schmidt");
        await page.ById("preset").SelectOptionAsync("4");
        await Expect(page.ById("dimension")).ToContainTextAsync("Dimension 2: 3 vectors in ℝ3");
        await page.ById("all").ClickAsync();
        await Expect(page.ById("step-text")).ToContainTextAsync("b2 depends on the earlier vectors and becomes zero.");
        await page.ScreenshotAsync("gram-schmidt-course-c");
    }
}
