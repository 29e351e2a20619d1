using MathForML.LinearAlgebra;
using static MathForML.Studio.Tests.StudioPage;
using static Microsoft.Playwright.Assertions;

namespace MathForML.Studio.Tests.Pages;

/// <summary>The Eigenvectors page in the browser: the starting matrix's eigenpairs, a slider, the power method, the complex case.</summary>
[Collection("studio")]
public sealed class EigenvectorsTests(StudioFixture studio)
{
    [BrowserFact]
    public async Task ShowsTheEigenpairsFollowsASliderAndStepsThePowerMethod()
    {
        await using var page = await studio.OpenAsync("eigenvectors");
        // A = [[1, 1], [0.5, 1.5]] (worked by hand): λ = 2 with v = (1, 1)/√2, λ = 0.5 with v = (2, −1)/√5.
        var rows = page.Page.Locator("#eigen tbody tr");
        await Expect(rows.Nth(0)).ToHaveTextAsync($"12.000{F(1 / Math.Sqrt(2), "0.000")}{F(1 / Math.Sqrt(2), "0.000")}");
        await Expect(rows.Nth(1)).ToHaveTextAsync($"20.500{F(2 / Math.Sqrt(5), "0.000")}{F(-1 / Math.Sqrt(5), "0.000")}");

        // a11: 1 → 1.5 (five steps of 0.1 with the keyboard).
        var picture = page.Page.Locator("[data-figure=grid] svg");
        string before = await picture.InnerHTMLAsync();
        await page.SlideAsync("a00", 5);
        var a = Matrix.FromRows([1.5, 1], [0.5, 1.5]);
        var eigen = EigenDecomposition.Decompose(a);
        var v = eigen.RealEigenvectors();
        await Expect(rows.Nth(0)).ToHaveTextAsync($"1{F(eigen.Eigenvalues[0].Real, "0.000")}{F(v[0, 0], "0.000")}{F(v[1, 0], "0.000")}");
        await Expect(rows.Nth(1)).ToHaveTextAsync($"2{F(eigen.Eigenvalues[1].Real, "0.000")}{F(v[0, 1], "0.000")}{F(v[1, 1], "0.000")}");
        Assert.NotEqual(before, await picture.InnerHTMLAsync());

        // Three steps of the power method from (1, 0).
        for (int k = 0; k < 3; k++) await page.ById("power-step").ClickAsync();
        var power = PowerIteration.Dominant(a, Vector.Of(1, 0), tolerance: 0, maxIterations: 3);
        await Expect(page.ById("power")).ToHaveTextAsync(
            $"After 3 steps: x = ({F(power.Eigenvector[0], "0.000")}, {F(power.Eigenvector[1], "0.000")}), xᵀAx = {F(power.Eigenvalue, "0.000")}.");
        await page.ScreenshotAsync("eigenvectors");
    }

    [BrowserFact]
    public async Task ARotationLikeMatrixHasComplexEigenvalues()
    {
        await using var page = await studio.OpenAsync("eigenvectors");
        // a21: 0.5 → −1.5: A = [[1, 1], [−1.5, 1.5]] has trace 2.5 and determinant 3: complex eigenvalues.
        await page.SlideAsync("a10", -20);
        var eigen = EigenDecomposition.Decompose(Matrix.FromRows([1, 1], [-1.5, 1.5]));
        Assert.False(eigen.IsReal);
        await Expect(page.ById("complex")).ToContainTextAsync(
            $"Complex eigenvalues λ = {F(eigen.Eigenvalues[0].Real, "0.000")} ± {F(Math.Abs(eigen.Eigenvalues[0].Imaginary), "0.000")}i");
        await page.ScreenshotAsync("eigenvectors-complex");
    }
}
