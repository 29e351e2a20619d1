using System.Globalization;
using System.Text.RegularExpressions;
using MathForML.Geometry;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using ScottPlot;
using static MathForML.Studio.Tests.StudioPage;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The Projections page in the browser: the assignment's tests, then a real drag of the line's direction.</summary>
[Collection("studio")]
public sealed class ProjectionsTests(StudioFixture studio)
{
    private static readonly Matrix Points = Matrix.FromRows(
        [2, 1.2], [1, 0.3], [-1, -0.8], [-2, -1.1], [0.5, 0.9], [-0.5, -0.1], [1.5, 1.6], [-1.5, -1.4], [0.2, -0.6], [-0.3, 0.7]);

    [BrowserFact]
    public async Task ShowsTheAssignmentsValuesAndFollowsADraggedDirection()
    {
        await using var page = await studio.OpenAsync("projections");
        // The assignment: projection_matrix_1d((1, 2, 2)) = [[1, 2, 2], [2, 4, 4], [2, 4, 4]]/9,
        // projection_matrix_general([[1, 0], [1, 1], [1, 2]]) = [[5, 2, −1], [2, 2, 2], [−1, 2, 5]]/6,
        // project_1d((1, 1, 1)) = (5, 10, 10)/9, project_general((6, 0, 0)) = (5, 2, −1).
        await ExpectMatrix(page, "course-line", Matrix.FromRows([1, 2, 2], [2, 4, 4], [2, 4, 4]) * (1.0 / 9));
        await ExpectMatrix(page, "course-plane", Matrix.FromRows([5, 2, -1], [2, 2, 2], [-1, 2, 5]) * (1.0 / 6));
        await Expect(page.ById("course-points")).ToHaveTextAsync(
            $"π((1, 1, 1)) onto b = (1, 2, 2): ({F(5.0 / 9, "0.000")}, {F(10.0 / 9, "0.000")}, {F(10.0 / 9, "0.000")}); π((6, 0, 0)) onto B's plane: (5.000, 2.000, -1.000).");

        // Drag b's handle from (2, 1) to about (1, 2): the pixels come from the same figure the page draws.
        var b0 = Vector.Of(2, 1);
        var column = Matrix.FromColumns(b0);
        var figure = ProjectionPlot.Create(Points, Projection.RowsOntoSubspace(Points, column), b0,
            $"Projection onto span(b): J = {F(Projection.SquaredReconstructionError(Points, column), "0.000")}");
        _ = figure.Plot.GetSvgXml(figure.Width, figure.Height);
        (double, double) Fraction(double x, double y)
        {
            var p = figure.Plot.GetPixel(new Coordinates(x, y));
            return (p.X / figure.Width, p.Y / figure.Height);
        }
        var picture = page.Page.Locator("[data-figure=projection] svg");
        string before = await picture.InnerHTMLAsync();
        await page.DragFigureAsync("projection", Fraction(2, 1), Fraction(1, 2));
        await Expect(page.ById("b-x")).ToHaveValueAsync(new Regex(@"^(0\.9\d*|1(\.0\d*)?)$"));
        await Expect(page.ById("b-y")).ToHaveValueAsync(new Regex(@"^(1\.9\d*|2(\.0\d*)?)$"));

        var b = Vector.Of(
            double.Parse(await page.ById("b-x").InputValueAsync(), CultureInfo.InvariantCulture),
            double.Parse(await page.ById("b-y").InputValueAsync(), CultureInfo.InvariantCulture));
        await ExpectMatrix(page, "P", Projection.OntoLineMatrix(b));
        double error = Projection.SquaredReconstructionError(Points, Matrix.FromColumns(b));
        await Expect(page.ById("error")).ToHaveTextAsync($"Reconstruction error J = {F(error, "0.000")} over 10 points.");
        Assert.NotEqual(before, await picture.InnerHTMLAsync());
        await page.ScreenshotAsync("projections");
    }

    private static async Task ExpectMatrix(StudioPage page, string id, Matrix expected)
    {
        var cells = page.Page.Locator($"#{id} td");
        for (int r = 0; r < expected.Rows; r++)
            for (int c = 0; c < expected.Columns; c++)
                await Expect(cells.Nth(r * expected.Columns + c)).ToHaveTextAsync(F(expected[r, c], "0.000"));
    }
}
