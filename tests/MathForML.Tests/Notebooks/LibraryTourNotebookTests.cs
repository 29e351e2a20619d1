namespace MathForML.Tests.Notebooks;

/// <summary>
/// The README's library tour is <c>notebooks/LibraryTour.cs</c>: the README shows the notebook's code, and the notebook
/// runs (on the stored 500-digit MNIST subset, no network) and prints what the README says it prints.
/// </summary>
public class LibraryTourNotebookTests
{
    private static string RepositoryFile(params string[] parts) => RepositoryRoot.File(parts);

    [NotebookFact]
    public async Task LibraryTourRuns()
    {
        using var work = new TempDirectory();
        var stdout = await NotebookRunner.Run("LibraryTour", work.Path, ["-c", "Release"], [ReferenceData.PathOf("mnist", "mnist500-x.npy")]);
        foreach (var line in ExpectedOutput[..^1]) Assert.Contains(line, stdout);
        Assert.Contains("PCA of 500×784 (Gram): 50 components explain 85.3 % of the variance", stdout);
        Assert.Empty(Directory.GetFileSystemEntries(work.Path));   // writes nothing
    }

    [Fact]
    public void ReadmeShowsTheNotebooksCodeAndOutput()
    {
        var notebook = File.ReadAllText(RepositoryFile("notebooks", "LibraryTour.cs")).ReplaceLineEndings("\n");
        var code = notebook[notebook.IndexOf("\nusing ", StringComparison.Ordinal)..].Trim();
        var readme = File.ReadAllText(RepositoryFile("README.md")).ReplaceLineEndings("\n");
        Assert.Contains("```csharp\n" + code + "\n```\n\nIt prints\n\n```text\n" + string.Join("\n", ExpectedOutput) + "\n", readme);
    }

    /// <summary>What the README says the tour prints: the run above checks the same lines (PCA on 500 digits there).</summary>
    private static readonly string[] ExpectedOutput =
    [
        "x = [0.8, 1.4], eigenvalues [3.61803, 1.38197], PageRank [33.33, 22.22, 22.22, 22.22] after 12 clicks",
        "∇f = (2*x*y + y*exp(x*y), x^2 + x*exp(x*y))",
        "√2 ≈ 1.4142135623730951 in 5 steps",
        "b1 = 9.365 ± 0.092, b2 = 0.385 ± 0.010 (LevenbergMarquardt, 10 iterations)",
        "network cost 0.2023 → 0.0007",
        "PCA of 10000×784 (Covariance): 50 components explain 82.8 % of the variance",
    ];
}
