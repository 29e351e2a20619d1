using System.Globalization;
using System.Text.RegularExpressions;
using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using ScottPlot;
using static MathForML.Studio.Tests.StudioPage;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The Reflecting bear page in the browser: the course's bearBasis and its T, then a real drag of b1.</summary>
[Collection("studio")]
public sealed class ReflectingBearTests(StudioFixture studio)
{
    [BrowserFact]
    public async Task ShowsTheCoursesReflectionAndFollowsADraggedBasisVector()
    {
        await using var page = await studio.OpenAsync("reflecting-bear");
        // The course's bearBasis [[1, -1], [1.5, 2]]: e0 = (2, 3)/√13, e1 = (−3, 2)/√13, so
        // T = e0e0ᵀ − e1e1ᵀ = [[−5, 12], [12, 5]]/13 (worked by hand).
        await ExpectMatrix(page, "T", Matrix.FromRows([-5.0 / 13, 12.0 / 13], [12.0 / 13, 5.0 / 13]));
        await ExpectMatrix(page, "E", Matrix.FromRows([2, -3], [3, 2]) * (1 / Math.Sqrt(13)));
        await ExpectMatrix(page, "TE", Matrix.Diagonal(1, -1), "0");

        // Drag b0's handle (the mirror's direction) from (1, 1.5) to about (3, 1): the pixels come from the same figure
        // the page draws.
        var course = Matrix.FromRows([1, -1], [1.5, 2]);
        var figure = ReflectionPlot.CreateWithBasis(Bear.Parts(), Transformations.Reflection(course), course);
        _ = figure.Plot.GetSvgXml(figure.Width, figure.Height);
        (double, double) Fraction(double x, double y)
        {
            var p = figure.Plot.GetPixel(new Coordinates(x, y));
            return (p.X / figure.Width, p.Y / figure.Height);
        }
        var picture = page.Page.Locator("[data-figure=bear] svg");
        string before = await picture.InnerHTMLAsync();
        await page.DragFigureAsync("bear", Fraction(1, 1.5), Fraction(3, 1));
        // The drag's last move lands at about (3, 1) (rounded to hundredths by the page).
        await Expect(page.ById("b0x")).ToHaveValueAsync(new Regex(@"^(2\.9\d*|3(\.0\d*)?)$"));
        await Expect(page.ById("b0y")).ToHaveValueAsync(new Regex(@"^(0\.9\d*|1(\.0\d*)?)$"));

        double Value(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        var basis = Matrix.FromRows(
            [Value(await page.ById("b0x").InputValueAsync()), Value(await page.ById("b1x").InputValueAsync())],
            [Value(await page.ById("b0y").InputValueAsync()), Value(await page.ById("b1y").InputValueAsync())]);
        Assert.Equal(Vector.Of(-1, 2), basis.Column(1));
        var t = Transformations.Reflection(basis);
        Assert.False(t.ApproximatelyEquals(Transformations.Reflection(course), 0.01));
        await ExpectMatrix(page, "E", GramSchmidt.Orthonormalize(basis).Basis);
        await ExpectMatrix(page, "T", t);
        Assert.NotEqual(before, await picture.InnerHTMLAsync());
        await page.ScreenshotAsync("reflecting-bear");
    }

    [BrowserFact]
    public async Task ATypedDependentBasisFixesNoMirror()
    {
        await using var page = await studio.OpenAsync("reflecting-bear");
        await page.ById("b1x").FillAsync("2");
        await page.ById("b1x").PressAsync("Tab");
        await page.ById("b1y").FillAsync("3");
        await page.ById("b1y").PressAsync("Tab");
        await Expect(page.ById("verdict")).ToContainTextAsync("dependent (Gram-Schmidt finds dimension 1)");
    }

    private static async Task ExpectMatrix(StudioPage page, string id, Matrix expected, string format = "0.000")
    {
        var cells = page.Page.Locator($"#{id} td");
        for (int r = 0; r < expected.Rows; r++)
            for (int c = 0; c < expected.Columns; c++)
                await Expect(cells.Nth(r * expected.Columns + c)).ToHaveTextAsync(F(expected[r, c], format));
    }
}
