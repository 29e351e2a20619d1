using System.Globalization;
using MathForML.Optimization;
using MathForML.Plots;
using MathForML.Randomness;
using MathForML.Studio.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace MathForML.Studio.Pages;

/// <summary>
/// The Sandpit assignment (Multivariate Calculus, week 5, the sandpit notebook): dip the stick by clicking
/// (<see cref="SandpitGame"/>: the depth, the Jacobian and the arrow of <see cref="Optimization.Sandpit"/>), the course's
/// landscapes (<see cref="SandpitLandscape"/>) and game modes (<see cref="SandpitMode"/>), and the course's next-step
/// strategies (<see cref="SandpitStrategies"/>) played from the last dip by <see cref="SandpitDescent"/>.
/// </summary>
public sealed partial class Sandpit
{
    private static readonly (string Name, SandpitLandscapeKind Kind)[] Landscapes =
    [
        ("intro", SandpitLandscapeKind.Intro), ("depth only", SandpitLandscapeKind.DepthOnly), ("multiple minima", SandpitLandscapeKind.MultipleMinima),
        ("random", SandpitLandscapeKind.Random), ("rocks", SandpitLandscapeKind.Rocks), ("well", SandpitLandscapeKind.Well),
    ];

    private static readonly (string Name, SandpitMode Mode)[] Modes =
    [
        ("0: depth and Jacobian", SandpitMode.Jacobian), ("1: depth only", SandpitMode.DepthOnly), ("2: steepest descent (−γJ)", SandpitMode.SteepestDescent),
    ];

    private static readonly (string Name, Func<Func<double, double[], LinearAlgebra.Matrix, double[]>> Step)[] Strategies =
    [
        ("gradient −γJ", () => SandpitStrategies.Gradient()), ("Newton −H⁻¹J", SandpitStrategies.Newton), ("hybrid", () => SandpitStrategies.Hybrid()),
    ];

    private sealed record StrategyRun(string Name, int Steps, string End, string Outcome);

    private SandpitLandscapeKind _kind = SandpitLandscapeKind.Intro;
    private uint _seed;
    private SandpitMode _mode = SandpitMode.Jacobian;
    private bool _reveal;
    private double _dipX = 3, _dipY = 3;
    private Optimization.Sandpit _sandpit = null!;
    private SandpitGame _game = null!;
    private readonly List<SandpitClick> _clicks = [];
    private SandpitClick? _last;
    private Figure _figure = null!;
    private Figure? _pathsFigure;
    private List<StrategyRun> _strategyRuns = [];
    private (double X, double Y) _strategyStart;

    /// <inheritdoc />
    protected override void OnInitialized() => Build();

    private static string F(double? x, string format = "0.000") => x?.ToString(format, CultureInfo.InvariantCulture) ?? "";

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static double Parse(ChangeEventArgs e, double old) =>
        Components.Numbers.TryParse(e, out double v) ? v : old;

    private void Build()
    {
        _sandpit = new Optimization.Sandpit(SandpitLandscape.Create(_kind, new NumPyRandom(_seed)));
        NewGame();
    }

    private void NewGame()
    {
        _game = new SandpitGame(_sandpit, _mode, _mode == SandpitMode.SteepestDescent ? SandpitStrategies.Gradient() : null);
        _clicks.Clear();
        _last = null;
        _pathsFigure = null;
        _strategyRuns = [];
        Draw();
    }

    private void Draw()
    {
        bool reveal = _reveal || _game.State != SandpitGameState.Playing;
        string landscape = Landscapes.First(l => l.Kind == _kind).Name;
        var figure = SandpitPlots.Game(_sandpit, $"The {landscape} sandpit (seed {_seed})", _clicks, reveal);
        _figure = figure with { Width = 540, Height = 600 };
    }

    private void Dip(double x, double y)
    {
        if (!Optimization.Sandpit.Contains(x, y)) return;
        _dipX = Math.Round(x, 3);
        _dipY = Math.Round(y, 3);
        _last = _game.Click(x, y);
        _clicks.Add(_last);
        Draw();
    }

    private void Pointer(FigurePointer p)
    {
        if (p.Phase == PointerPhase.Down) Dip(p.Position.X, p.Position.Y);
    }

    private static string OutcomeText(SandpitClick click)
    {
        string outcome = click.Outcome switch
        {
            SandpitOutcome.FoundPhone => "You found the phone!",
            SandpitOutcome.StuckInLocalMinimum => $"Stuck in a local minimum at ({F(click.LocalMinimum![0], "0.00")}, {F(click.LocalMinimum[1], "0.00")}) without the phone.",
            SandpitOutcome.LeftSandpit => "A step left the sandpit.",
            _ => "Not here: keep looking.",
        };
        string message = click.Message switch
        {
            SandpitMessage.HurryUp => " Hurry up! The supervisor has calls to make.",
            SandpitMessage.TooManyGuesses => " Try again. You've taken too many tries to find the phone.",
            _ => "",
        };
        return outcome + message;
    }

    private void PlayStrategies()
    {
        if (_last is null) return;
        double x = _last.Probe.X, y = _last.Probe.Y;
        _strategyStart = (x, y);
        var paths = new List<(string, IReadOnlyList<double[]>)>();
        var runs = new List<StrategyRun>();
        foreach (var (name, step) in Strategies)
        {
            try
            {
                var play = SandpitDescent.Play(_sandpit, x, y, step());
                paths.Add((name, play.Points));
                var end = play.Points[^1];
                runs.Add(new StrategyRun(name, play.Points.Count - 1, $"({F(end[0], "0.00")}, {F(end[1], "0.00")})", OutcomeName(play.Outcome)));
            }
            catch (LinearAlgebra.SingularMatrixException)
            {
                runs.Add(new StrategyRun(name, 0, "", "the Hessian is singular: no Newton step"));
            }
        }
        _strategyRuns = runs;
        var figure = SandpitPlots.Paths(_sandpit, $"The strategies from ({F(x, "0.00")}, {F(y, "0.00")})", paths);
        _pathsFigure = figure with { Width = 540, Height = 600 };
    }

    /// <summary>The outcome in words, as the strategy table shows it.</summary>
    internal static string OutcomeName(SandpitOutcome outcome) => outcome switch
    {
        SandpitOutcome.FoundPhone => "found the phone",
        SandpitOutcome.StuckInLocalMinimum => "stuck in a local minimum",
        SandpitOutcome.LeftSandpit => "left the sandpit",
        _ => "still searching",
    };

    private void LandscapeChanged(ChangeEventArgs e)
    {
        if (!Enum.TryParse(e.Value?.ToString(), out SandpitLandscapeKind kind)) return;
        _kind = kind;
        _mode = SandpitLandscape.Create(kind, new NumPyRandom(_seed)).DefaultMode;
        Build();
    }

    private void SeedChanged(ChangeEventArgs e)
    {
        if (!uint.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out uint seed)) return;
        _seed = seed;
        Build();
    }

    private void ModeChanged(ChangeEventArgs e)
    {
        if (!Enum.TryParse(e.Value?.ToString(), out SandpitMode mode)) return;
        _mode = mode;
        NewGame();
    }

    private void RevealChanged(ChangeEventArgs e)
    {
        _reveal = e.Value is true;
        Draw();
    }
}
