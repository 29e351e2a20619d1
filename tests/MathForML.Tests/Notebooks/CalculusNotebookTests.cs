namespace MathForML.Tests.Notebooks;

/// <summary>
/// The Multivariate Calculus notebooks run with <c>dotnet run notebooks/NAME.cs OUTPUT_DIR</c>, print their results and
/// write their figures into OUTPUT_DIR (never into the repository). A notebook checked by two rows runs once
/// (<see cref="NotebookRunsOnce"/>).
/// </summary>
public class CalculusNotebookTests(NotebookRunsOnce runs) : IClassFixture<NotebookRunsOnce>
{
    [NotebookTheory]
    [InlineData("Differentiation", "All three derivatives agree.", "")]
    [InlineData("TaylorSeries", "order 4:", "taylor-series.png")]
    [InlineData("NewtonRaphson", "Newton-Raphson: √2 = 1.414213562373", "")]
    [InlineData("NewtonRaphson", "From 3.1: secant 1.063070629709697 in 14 steps", "")]   // the quiz's check value
    [InlineData("GradientDescentSandpit", "Random landscape, seed 0: phone at (0.96987, 0.51796)", "sandpit.png")]   // SciPy's (0.969865, 0.517959)
    [InlineData("GradientDescentSandpit", "click 4 at (1, 1): depth -8.6982", "sandpit-strategies.png")]
    [InlineData("LinearRegression", "QR least squares: c = ", "linear-regression.png")]
    [InlineData("Backpropagation", "y[:,0] = [0.5, 0.625] (course: [0.5, 0.625])", "backpropagation-curve.png")]
    [InlineData("LagrangeMultipliers", "the maximum of f on the ellipse: f(-0.09584, -0.42531) = 0.923811", "lagrange.png")]
    [InlineData("FittingHeights", "Steepest descent: μ = 178.519824041926", "heights-path.png")]   // the course's μ = 178.51982404192677
    public async Task NotebookRuns(string name, string expected, string figure)
    {
        var work = runs.Folder(name);
        var stdout = await runs.Output(name, folder => NotebookRunner.Run(name, folder.Path, arguments: [folder.Path]));
        Assert.Contains(expected, stdout);
        if (figure.Length > 0) Assert.True(new FileInfo(work.File(figure)).Length > 10_000, $"{figure} missing or empty");
    }
}
