using System.Collections.Concurrent;

namespace MathForML.Tests.Notebooks;

/// <summary>
/// A test class's notebook runs, each notebook run once however many theory rows check its output: a row that checks
/// another line or figure of a notebook reads the run of the first row instead of building and running the notebook
/// again (5 to 15 s a run). Each notebook has a working folder of its own, kept until the class's tests are done.
/// </summary>
public sealed class NotebookRunsOnce : IDisposable
{
    private readonly ConcurrentDictionary<string, TempDirectory> _folders = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _outputs = new();

    /// <summary>The working folder of notebook <paramref name="name"/>.</summary>
    internal TempDirectory Folder(string name) => _folders.GetOrAdd(name, _ => new TempDirectory());

    /// <summary>The standard output of notebook <paramref name="name"/>, from <paramref name="run"/> in its folder on the first call.</summary>
    internal Task<string> Output(string name, Func<TempDirectory, Task<string>> run) =>
        _outputs.GetOrAdd(name, n => new Lazy<Task<string>>(() => run(Folder(n)))).Value;

    public void Dispose()
    {
        foreach (var folder in _folders.Values) folder.Dispose();
    }
}
