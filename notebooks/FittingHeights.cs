#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Multivariate Calculus, week 6 assignment: fitting the distribution of height data by steepest descent.
// Run with: dotnet run notebooks/FittingHeights.cs [OUTPUT_DIR]   (writes heights-fit.png and heights-path.png)
//
// The model is a Gaussian f(x; μ, σ) = exp(−(x − μ)²/(2σ²))/(σ√(2π)); χ² = Σ (yᵢ − f(xᵢ))² over the histogram bins.
// Its gradient has the parts ∂χ²/∂μ = Σ −2(y − f)·∂f/∂μ and ∂χ²/∂σ = Σ −2(y − f)·∂f/∂σ, with
// ∂f/∂μ = f·(x − μ)/σ² and ∂f/∂σ = f·((x − μ)²/σ³ − 1/σ). Steepest descent: [μ, σ] ← [μ, σ] − aggression·∇χ²,
// from μ = 155, σ = 6, aggression 2000, 50 steps. The data are the course's own histogram (HeightData.CourseHistogram,
// src/MathForML.Data/HeightData.cs): 100 bins of 2.5 cm from 50 cm, 16 of them non-zero (161.25 … 198.75 cm),
// normalised to unit area. The descent runs in NonlinearLeastSquares (src/MathForML/Optimization/), method SteepestDescent.
using MathForML.Calculus;
using MathForML.Data;
using MathForML.Optimization;
using MathForML.Plots;
using ScottPlot;

var dir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "mathforml-notebooks");
Directory.CreateDirectory(dir);

var histogram = HeightData.CourseHistogram();
var gaussian = HeightData.Gaussian;
Console.WriteLine($"The course's heights: {histogram.Frequencies.Length} bins of {HeightData.DefaultBinWidth} cm from {HeightData.CourseFirstEdge} cm, {histogram.Frequencies.Count(v => v > 0)} non-zero");
Console.WriteLine($"∂f/∂μ = {gaussian.Differentiate("mu")}");
Console.WriteLine($"∂f/∂σ = {gaussian.Differentiate("sigma")}");

var fit = HeightData.CourseFit(histogram);
for (int k = 0; k < fit.Path.Count; k += 10)
    Console.WriteLine($"  step {k,2}: μ = {fit.Path[k][0]:F3}, σ = {fit.Path[k][1]:F3}, χ² = {fit.PathResidualSumOfSquares[k]:E4}");
bool monotone = fit.PathResidualSumOfSquares.Zip(fit.PathResidualSumOfSquares.Skip(1)).All(p => p.Second < p.First);
Console.WriteLine($"Steepest descent: μ = {fit.Parameters[0]:R}, σ = {fit.Parameters[1]:R}; χ² decreased at every step: {monotone}");
Console.WriteLine("The course's notebook:   μ = 178.51982404192677, σ = 7.549907722008972");
var centres = MathForML.LinearAlgebra.Matrix.FromRows(histogram.Centers.Select(c => new[] { c }).ToArray());
var lm = NonlinearLeastSquares.Fit(gaussian, ["x"], centres, histogram.Frequencies, ["mu", "sigma"], [155.0, 6.0]);
Console.WriteLine($"Levenberg–Marquardt: μ = {lm.Parameters[0]:F4} ± {lm.StandardErrors[0]:F4}, σ = {lm.Parameters[1]:F4} ± {lm.StandardErrors[1]:F4} in {lm.Iterations} iterations");

// The histogram with the fitted curve (drawn by MathForML.Plots, as in the CLI's tour).
var histogramPath = FitPlots.HistogramFit("The course's heights histogram and the fitted Gaussian", histogram, gaussian, lm, "height (cm)", "probability density (1/cm)", "cm")
    .Save(Path.Combine(dir, "heights-fit.png"));
var f = gaussian.Compile(["x", "mu", "sigma"]);

// The path on the χ² landscape.
int n = 100;
var grid = new Coordinates3d[n, n];
var y = histogram.Frequencies;
var centresArray = histogram.Centers;
for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
    {
        double mu = 150 + 30.0 * j / (n - 1), sigma = 4 + 17.0 * i / (n - 1), chi2 = 0;   // the path climbs to σ ≈ 19.6
        for (int k = 0; k < y.Length; k++)
        {
            double r = y[k] - f([centresArray[k], mu, sigma]);
            chi2 += r * r;
        }
        grid[i, j] = new Coordinates3d(mu, sigma, Math.Log10(chi2));
    }
var landscape = new Plot();
landscape.Title("Steepest descent on log₁₀ χ²(μ, σ)");
// The landscape as colour (a heat map, row 0 at the top: the largest σ) with its scale beside it, and contour lines
// without labels (they crowd where the lines do).
var shade = new double[n, n];
for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) shade[n - 1 - i, j] = grid[i, j].Z;
var heat = landscape.Add.Heatmap(shade);
heat.Extent = new CoordinateRect(150, 180, 4, 21);
heat.Colormap = new ScottPlot.Colormaps.Viridis();
landscape.Add.ColorBar(heat).Label = "log₁₀ χ²";
var contours = landscape.Add.ContourLines(grid, 20);
contours.LabelStyle.IsVisible = false;
contours.LineColor = Colors.White.WithAlpha(0.6);
var walk = landscape.Add.Scatter(fit.Path.Select(p => p[0]).ToArray(), fit.Path.Select(p => p[1]).ToArray());
walk.MarkerSize = 4;
walk.LegendText = "50 steps from (155, 6), aggression 2000";
walk.Color = Colors.OrangeRed;
var end = landscape.Add.Marker(fit.Parameters[0], fit.Parameters[1], MarkerShape.FilledDiamond, 10, Colors.Black);
end.LegendText = $"after 50 steps: μ = {fit.Parameters[0]:F2} cm, σ = {fit.Parameters[1]:F2} cm";
landscape.XLabel("μ, the mean (cm)");
landscape.YLabel("σ, the standard deviation (cm)");
landscape.ShowLegend(Alignment.UpperLeft);
landscape.Axes.SetLimits(150, 180, 4, 21);
var pathPath = Path.Combine(dir, "heights-path.png");
landscape.SavePng(pathPath, 800, 600);
Console.WriteLine($"Wrote {histogramPath} and {pathPath}");
