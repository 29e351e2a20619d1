using System.CommandLine;
using System.Globalization;
using MathForML.LinearAlgebra;
using MathForML.Optimization;
using MathForML.Plots;
using MathForML.Randomness;
using static MathForML.Cli.Commands.CalcOptions;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml calc sandpit [--landscape L] [--seed S] [--click x,y]… [--mode M] [--strategy S --gamma γ] [--games N] [--plot F]</c>:
/// the course's gradient-descent sandpit (Multivariate Calculus, week 5). The landscape is drawn as the course's after
/// <c>np.random.seed(S)</c>; each click is a guess read by the dip-stick (depth, Jacobian, arrow) and played in the mode;
/// <c>--games</c> scores the strategy over N seeded random clicks (the course's <c>random_click</c>).
/// </summary>
internal static class CalcSandpitCommand
{
    private static readonly (string, SandpitLandscapeKind)[] Landscapes =
    [
        ("intro", SandpitLandscapeKind.Intro), ("depth-only", SandpitLandscapeKind.DepthOnly), ("multiple-minima", SandpitLandscapeKind.MultipleMinima),
        ("random", SandpitLandscapeKind.Random), ("rocks", SandpitLandscapeKind.Rocks), ("well", SandpitLandscapeKind.Well),
    ];

    private static readonly (string, SandpitMode)[] Modes =
        [("jacobian", SandpitMode.Jacobian), ("depth-only", SandpitMode.DepthOnly), ("steepest-descent", SandpitMode.SteepestDescent)];

    private enum Strategy { Gradient, Newton, Hybrid }

    private static readonly (string, Strategy)[] Strategies = [("gradient", Strategy.Gradient), ("newton", Strategy.Newton), ("hybrid", Strategy.Hybrid)];

    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var landscape = CommonOptions.EnumOption("--landscape", "The course's landscape (sandpit_intro, _depth_only, _multiple_minima, _random, _rocks, _well).", SandpitLandscapeKind.Random, Landscapes);
        var seed = new Option<long>("--seed") { Description = "NumPy's seed (0 to 4294967295): the landscape is the course's after np.random.seed(S).", DefaultValueFactory = _ => 0, HelpName = "S" };
        var click = new Option<string[]>("--click") { Description = "A guess at x,y in [0, 6]² (repeat for more; each is played in turn).", AllowMultipleArgumentsPerToken = false, HelpName = "x,y" };
        var mode = CommonOptions.EnumOption("--mode", "jacobian (depth and arrow), depth-only, or steepest-descent (the strategy's steps after each click). Default: depth-only for that landscape, steepest-descent when --strategy is given, else jacobian.", SandpitMode.Jacobian, Modes);
        var strategy = CommonOptions.EnumOption("--strategy", "The next step in steepest-descent mode and in --games: gradient (−γJ), newton (−H⁻¹J) or hybrid (Newton unless uphill or longer than 2, then −γJ).", Strategy.Gradient, Strategies);
        var gamma = new Option<double>("--gamma") { Description = "γ of the gradient step (the course's 0.5).", DefaultValueFactory = _ => SandpitStrategies.CourseGamma };
        var randomLimit = new Option<bool>("--random-limit") { Description = "Hybrid: compare the Newton step's length with np.random.random() from the seeded stream instead of 2 (one version of the course's notebook)." };
        var games = new Option<int?>("--games") { Description = "Score the strategy over N random clicks (x = 6U, y = 6U from the seeded stream, after the landscape's draws): the win rate.", HelpName = "N" };
        var plot = new Option<string?>("--plot") { Description = "Draw the revealed sandpit with the clicks, arrows and paths (PNG, or SVG by extension).", HelpName = "FILE" };
        var cmd = new Command("sandpit", "The course's gradient-descent sandpit: find the phone at the lowest point of a hidden landscape by its depth and Jacobian.")
        {
            landscape, seed, click, mode, strategy, gamma, randomLimit, games, plot,
        };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            long seedValue = parse.GetValue(seed);
            if (seedValue is < 0 or > uint.MaxValue) throw new UserInputException($"--seed must be between 0 and 4294967295 (NumPy's seeds), got {seedValue}.");
            var clicks = (parse.GetValue(click) ?? []).Select(ParseClick).ToArray();
            int? gameCount = parse.GetValue(games);
            if (gameCount is < 1) throw new UserInputException($"--games must be at least 1, got {gameCount}.");
            string? plotPath = parse.GetValue(plot);
            CommonOptions.CheckOutputFiles(plotPath);
            var kind = parse.GetValue(landscape);
            bool strategyGiven = parse.GetResult(strategy) is { Implicit: false } || parse.GetResult(gamma) is { Implicit: false } || parse.GetValue(randomLimit);
            var gameMode = parse.GetResult(mode) is { Implicit: false } ? parse.GetValue(mode)
                : kind == SandpitLandscapeKind.DepthOnly ? SandpitMode.DepthOnly
                : strategyGiven ? SandpitMode.SteepestDescent : SandpitMode.Jacobian;
            if (strategyGiven && gameMode != SandpitMode.SteepestDescent && gameCount is null)
                throw new UserInputException($"--strategy, --gamma and --random-limit apply to steepest-descent mode (or --games), not to --mode {CommonOptions.NameOf(Modes, gameMode)}.");
            var chosen = parse.GetValue(strategy);
            if (parse.GetValue(randomLimit) && chosen != Strategy.Hybrid) throw new UserInputException("--random-limit applies to --strategy hybrid.");

            var random = new NumPyRandom((uint)seedValue);
            var sandpit = new Sandpit(SandpitLandscape.Create(kind, random));
            var nextStep = StepFunction(chosen, parse.GetValue(gamma), parse.GetValue(randomLimit) ? random : null);
            var game = new SandpitGame(sandpit, gameMode, gameMode == SandpitMode.SteepestDescent ? nextStep : null);
            var played = clicks.Select(c => game.Click(c.X, c.Y)).ToArray();
            var simulation = gameCount is { } n ? SandpitSimulation.Play(sandpit, nextStep, n, random) : null;
            string landscapeName = CommonOptions.NameOf(Landscapes, kind), modeName = CommonOptions.NameOf(Modes, gameMode);
            string strategyText = StrategyText(chosen, parse.GetValue(gamma), parse.GetValue(randomLimit));
            if (!string.IsNullOrEmpty(plotPath))
            {
                string title = $"Sandpit: {landscapeName} landscape, seed {seedValue}, {modeName} mode" + (gameMode == SandpitMode.SteepestDescent ? $" ({strategyText})" : "");
                SandpitPlots.Game(sandpit, title, played).Save(plotPath);
            }
            ctx.Emit(new
            {
                landscape = landscapeName,
                seed = seedValue,
                mode = modeName,
                strategy = gameMode == SandpitMode.SteepestDescent || simulation is not null ? CommonOptions.NameOf(Strategies, chosen) : null,
                gamma = parse.GetValue(gamma),
                random_limit = parse.GetValue(randomLimit),
                gradient_length = sandpit.GradientLength,
                phone = sandpit.Phone,
                phone_height = sandpit.MinimumHeight,
                summit = sandpit.Summit,
                summit_height = sandpit.MaximumHeight,
                clicks = played.Select(c => new
                {
                    number = c.Number,
                    x = c.Probe.X,
                    y = c.Probe.Y,
                    depth = c.Probe.Depth,
                    jacobian = c.Probe.Jacobian,
                    arrow = c.Probe.Arrow,
                    steps = c.Steps.Select(s => new { x = s.X, y = s.Y, depth = s.Depth, jacobian = s.Jacobian, arrow = s.Arrow }).ToArray(),
                    outcome = Snake(c.Outcome.ToString()),
                    local_minimum = c.LocalMinimum,
                    message = c.Message == SandpitMessage.None ? null : Snake(c.Message.ToString()),
                    state = Snake(c.State.ToString()),
                }).ToArray(),
                guesses = game.Guesses,
                state = Snake(game.State.ToString()),
                games = simulation is null ? null : new
                {
                    games = simulation.Games,
                    wins = simulation.Wins,
                    win_rate = simulation.WinRate,
                    clicks = simulation.Clicks.Select(c => new { x = c.X, y = c.Y, outcome = Snake(c.Outcome.ToString()), steps = c.Steps }).ToArray(),
                },
                plot = plotPath,
            }, () =>
            {
                ctx.Output.WriteLine($"Sandpit: {landscapeName} landscape (seed {seedValue}), {modeName} mode{(gameMode == SandpitMode.SteepestDescent ? $", next step {strategyText}" : "")}; depths run from −9 (the phone) to −1.");
                foreach (var c in played) PrintClick(ctx.Output, c);
                if (simulation is not null)
                    ctx.Output.WriteLine($"{strategyText}: found the phone in {simulation.Wins} of {simulation.Games} random clicks (win rate {simulation.WinRate * 100:F0}%).");
                if (played.Length > 0 || simulation is not null)
                    ctx.Output.WriteLine($"The phone is at ({Format(sandpit.Phone[0])}, {Format(sandpit.Phone[1])}).");
                else
                    ctx.Output.WriteLine("Give --click x,y to dig (repeat for more guesses), or --games N to score a strategy.");
            });
            return ExitCodes.Success;
        }, ("gamma", "--gamma"), ("games", "--games"));
        return cmd;
    }

    private static (double X, double Y) ParseClick(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double y))
            throw new UserInputException($"--click: '{text}' should be x,y (two numbers, e.g. 2.5,3).");
        if (!Sandpit.Contains(x, y)) throw new UserInputException($"--click: ({Format(x)}, {Format(y)}) is outside the sandpit [0, 6]².");
        return (x, y);
    }

    private static Func<double, double[], Matrix, double[]> StepFunction(Strategy strategy, double gamma, NumPyRandom? randomLimit) => strategy switch
    {
        Strategy.Gradient => SandpitStrategies.Gradient(gamma),
        Strategy.Newton => SandpitStrategies.Newton(),
        _ => randomLimit is null ? SandpitStrategies.Hybrid(gamma) : SandpitStrategies.Hybrid(gamma, randomLimit),
    };

    private static string StrategyText(Strategy strategy, double gamma, bool randomLimit) => strategy switch
    {
        Strategy.Gradient => $"gradient −γJ, γ = {Format(gamma)}",
        Strategy.Newton => "Newton −H⁻¹J",
        _ => $"hybrid (Newton unless uphill or longer than {(randomLimit ? "a uniform draw" : "2")}, else −γJ with γ = {Format(gamma)})",
    };

    private static void PrintClick(TextWriter output, SandpitClick c)
    {
        output.WriteLine($"click {c.Number} at ({Format(c.Probe.X)}, {Format(c.Probe.Y)}): {Reading(c.Probe)}");
        for (int i = 0; i < c.Steps.Count; i++)
            output.WriteLine($"  step {i + 1} → ({Format(c.Steps[i].X)}, {Format(c.Steps[i].Y)}){(c.Steps[i].Depth is null ? "" : ": " + Reading(c.Steps[i]))}");
        output.WriteLine("  " + c.Outcome switch
        {
            SandpitOutcome.FoundPhone => "found the phone!",
            SandpitOutcome.StuckInLocalMinimum => $"stuck in a local minimum (at ({Format(c.LocalMinimum![0])}, {Format(c.LocalMinimum[1])})): try somewhere else.",
            SandpitOutcome.LeftSandpit => "the last step left the sandpit.",
            _ => "no phone here yet.",
        });
        if (c.Message == SandpitMessage.HurryUp) output.WriteLine("  Hurry up! The supervisor has calls to make.");
        if (c.Message == SandpitMessage.TooManyGuesses) output.WriteLine("  Try again: too many tries to find the phone (25 at most).");
    }

    private static string Reading(SandpitProbe p) =>
        $"depth {Format(p.Depth!.Value)}" + (p.Jacobian is { } j ? $", J = ({Format(j[0])}, {Format(j[1])}), arrow ({Format(p.Arrow![0])}, {Format(p.Arrow[1])})" : "");

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
