namespace MathForML.Tests.Notebooks;

/// <summary>
/// Why a notebook test is skipped in the README test's run of the suite in a fresh clone (<c>MML_README_CLONE=1</c>):
/// the outer run, itself in a clean clone in CI, has just run every notebook; running each again there (a build of a
/// file-based app, 10 to 20 s each) doubled the suite's longest part.
/// </summary>
internal static class NotebookSkip
{
    public static string? InReadmeClone =>
        Environment.GetEnvironmentVariable("MML_README_CLONE") == "1" ? "inside the README test's clone: the outer test run runs the notebooks" : null;
}

/// <summary>A notebook test (see <see cref="NotebookSkip"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NotebookFactAttribute : FactAttribute
{
    /// <summary>Skipped inside the README test's clone.</summary>
    public NotebookFactAttribute() => Skip = NotebookSkip.InReadmeClone;
}

/// <summary>A notebook theory (see <see cref="NotebookSkip"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NotebookTheoryAttribute : TheoryAttribute
{
    /// <summary>Skipped inside the README test's clone.</summary>
    public NotebookTheoryAttribute() => Skip = NotebookSkip.InReadmeClone;
}
