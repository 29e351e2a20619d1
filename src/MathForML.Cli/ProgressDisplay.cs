using MathForML.Numerics;
using Spectre.Console;

namespace MathForML.Cli;

/// <summary>
/// Progress bars for long work, drawn by Spectre.Console on stderr, and only when stderr is a terminal: scripts and
/// pipes see nothing, and stdout (JSON or tables) is never touched. Each stage is an <see cref="IProgress{T}"/> of the
/// library's <see cref="WorkProgress"/> (and of a bare fraction, for the file readers), so library code reports progress
/// without knowing who draws it.
/// </summary>
internal sealed class ProgressDisplay
{
    private readonly ProgressContext? _context;

    private ProgressDisplay(ProgressContext? context) => _context = context;

    /// <summary>Runs <paramref name="work"/>, with bars on stderr when it is a terminal.</summary>
    public static T Run<T>(CliContext ctx, Func<ProgressDisplay, T> work)
    {
        if (!ctx.ErrorIsTerminal) return work(new ProgressDisplay(null));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(ctx.Error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context => result = work(new ProgressDisplay(context)));
        return result;
    }

    /// <summary>A stage: report fractions in [0, 1]; dispose it when the stage is done.</summary>
    /// <param name="description">What the stage does ("reading graph").</param>
    /// <param name="indeterminate">True when the stage cannot say how far it is.</param>
    public Stage Start(string description, bool indeterminate = false)
    {
        var task = _context?.AddTask(description, maxValue: 1);
        if (task is not null) task.IsIndeterminate = indeterminate;
        return new Stage(task);
    }

    /// <summary>One bar of the display (or nothing when there is no display).</summary>
    public sealed class Stage(ProgressTask? task) : IProgress<double>, IProgress<WorkProgress>, IDisposable
    {
        public void Report(double value)
        {
            if (task is not null) task.Value = Math.Clamp(value, 0, 1);
        }

        public void Report(WorkProgress value) => Report(value.Fraction);

        /// <summary>This stage, its text rewritten from every report by <paramref name="describe"/> (the epoch and its loss).</summary>
        public IProgress<WorkProgress> Described(Func<WorkProgress, string> describe) => new DescribedStage(this, describe);

        /// <summary>Changes the stage's text (for instance the last epoch's loss).</summary>
        public void Describe(string description)
        {
            if (task is not null) task.Description = description;
        }

        public void Dispose()
        {
            if (task is null) return;
            task.IsIndeterminate = false;
            task.Value = 1;
            task.StopTask();
        }
    }

    private sealed class DescribedStage(Stage stage, Func<WorkProgress, string> describe) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value)
        {
            stage.Describe(describe(value));
            stage.Report(value);
        }
    }
}
