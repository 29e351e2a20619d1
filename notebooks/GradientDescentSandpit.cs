#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Multivariate Calculus, week 5: the gradient-descent sandpit.
// Run with: dotnet run notebooks/GradientDescentSandpit.cs [OUTPUT_DIR]
//   (writes sandpit.png, the graded game, and sandpit-strategies.png; default: a temp folder)
//
// A supervisor dropped a phone in a sand pit; it rolled to the lowest point and was buried. A dip-stick pushed into the
// sand at (x, y) reads the depth f and the slope, the Jacobian J (the gradient as a row). The assignment writes
// next_step(f, J, H): the step to take from a click, tried up to five times; a click wins when a step lands within
// 0.15 of the phone, and loses when a step leaves the pit or stops in a local minimum without the phone.
//
// The algorithm lives in the library:
//   src/MathForML/Optimization/Sandpit/SandpitLandscape.cs, CosineSeriesLandscape.cs   the course's landscapes, drawn as NumPy draws them
//   src/MathForML/Optimization/Sandpit/Sandpit.cs              depth f̂ = 8(f − f₁)/(f₁ − f₀) − 1, J and H by the course's differences
//   src/MathForML/Optimization/Sandpit/SquareGlobalMinimum.cs  where the phone is (the course: SciPy's differential_evolution)
//   src/MathForML/Optimization/Bfgs.cs                         the "stuck in a local minimum" check (the course: SciPy's minimize)
//   src/MathForML/Optimization/Sandpit/SandpitDescent.cs       one click played: checks, then up to five next_steps
//   src/MathForML/Optimization/Sandpit/SandpitStrategies.cs, ../DescentSteps.cs   −γJ, −H⁻¹J and the hybrid
//   src/MathForML/Optimization/Sandpit/SandpitSimulation.cs    the course's random_click, for win rates
//   src/MathForML.Plots/SandpitPlots.cs                        the pictures
using System.Globalization;
using MathForML.LinearAlgebra;
using MathForML.Optimization;
using MathForML.Plots;
using MathForML.Randomness;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var dir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "mathforml-notebooks");
Directory.CreateDirectory(dir);

// np.random.seed(0); sandpit_gradient(next_step): the course's random landscape, a 4×4 cosine series in a rim.
var random = new NumPyRandom(0);
var sandpit = new Sandpit(SandpitLandscape.Create(SandpitLandscapeKind.Random, random));
Console.WriteLine($"Random landscape, seed 0: phone at ({sandpit.Phone[0]:F5}, {sandpit.Phone[1]:F5}), depths from −9 there to −1 at ({sandpit.Summit[0]:F3}, {sandpit.Summit[1]:F3}).");

// The graded answer: def next_step(f, J, H): gamma = 0.5; return -gamma * J
Func<double, double[], Matrix, double[]> nextStep = (f, j, h) => [-0.5 * j[0], -0.5 * j[1]];

(double X, double Y)[] clicks = [(3, 1.5), (1.7, 3.3), (4.2, 2.8), (1, 1)];
var game = new SandpitGame(sandpit, SandpitMode.SteepestDescent, nextStep);
var played = new List<SandpitClick>();
Console.WriteLine();
Console.WriteLine("The graded next_step, −0.5·J, from four clicks:");
foreach (var (x, y) in clicks)
{
    var click = game.Click(x, y);
    played.Add(click);
    var p = click.Probe;
    Console.WriteLine($"click {click.Number} at ({x}, {y}): depth {p.Depth:F4}, J = ({p.Jacobian![0]:F4}, {p.Jacobian[1]:F4})");
    foreach (var s in click.Steps) Console.WriteLine($"    step → ({s.X:F4}, {s.Y:F4})" + (s.Depth is { } d ? $"  depth {d:F4}" : "  (outside the pit)"));
    Console.WriteLine("    " + Ending(click.Outcome, click.LocalMinimum));
}
SandpitPlots.Game(sandpit, "The graded next_step −0.5·J on the course's sandpit (seed 0)", played).Save(Path.Combine(dir, "sandpit.png"));

// Newton and the hybrid from the same clicks.
var strategies = new (string Name, Func<double, double[], Matrix, double[]> Step)[]
{
    ("gradient −0.5·J", SandpitStrategies.Gradient(0.5)),
    ("Newton −H⁻¹J", SandpitStrategies.Newton()),
    ("hybrid (Newton unless uphill or > 2)", SandpitStrategies.Hybrid(0.5)),
};
var paths = new List<(string, IReadOnlyList<double[]>)>();
Console.WriteLine();
Console.WriteLine("The three strategies from the same clicks:");
foreach (var (name, step) in strategies)
    foreach (var (x, y) in clicks)
    {
        var play = SandpitDescent.Play(sandpit, x, y, step);
        paths.Add((name, play.Points));
        var end = play.Points[^1];
        Console.WriteLine($"  {name,-38} from ({x}, {y}): {play.Points.Count - 1} step{(play.Points.Count == 2 ? "" : "s")} to ({end[0]:F3}, {end[1]:F3}), {Ending(play.Outcome, play.LocalMinimum)}");
    }
SandpitPlots.Paths(sandpit, "Gradient, Newton and hybrid steps from the same clicks", paths).Save(Path.Combine(dir, "sandpit-strategies.png"));

// The course's random_click: 100 clicks at (6U, 6U), each played to a win or a loss; the same clicks for each strategy.
Console.WriteLine();
Console.WriteLine("Win rates over 100 random clicks (seed 1):");
foreach (var (name, step) in strategies)
{
    var score = SandpitSimulation.Play(sandpit, step, 100, new NumPyRandom(1));
    Console.WriteLine($"  {name,-38} {score.Wins,3} of {score.Games} ({score.WinRate * 100:F0}%)");
}
Console.WriteLine($"Wrote {Path.Combine(dir, "sandpit.png")} and {Path.Combine(dir, "sandpit-strategies.png")}");

static string Ending(SandpitOutcome outcome, double[]? localMinimum) => outcome switch
{
    SandpitOutcome.FoundPhone => "found the phone!",
    SandpitOutcome.StuckInLocalMinimum => $"stuck in a local minimum at ({localMinimum![0]:F3}, {localMinimum[1]:F3})",
    SandpitOutcome.LeftSandpit => "left the sandpit",
    _ => "five steps, no phone yet",
};
