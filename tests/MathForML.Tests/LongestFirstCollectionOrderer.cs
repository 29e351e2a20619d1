using Xunit.Abstractions;

[assembly: TestCollectionOrderer("MathForML.Tests.LongestFirstCollectionOrderer", "MathForML.Tests")]

namespace MathForML.Tests;

/// <summary>
/// Starts the longest test classes first, then the rest in xunit's own order: on two cores a publish or a serial
/// notebook class that starts late runs on alone at the end while the other core idles. First the ReadyToRun publish
/// (~130 s), then the notebook classes (each a chain of notebook builds and runs: the Calculus class started at 265 s
/// and ended a run at 402 s), then the consumer app's pack and build, then the tool's pack and install (~100 s).
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    [
        "Packaging.ReadyToRunToolTests",
        "Notebooks.CalculusNotebookTests",
        "Notebooks.PcaNotebookTests",
        "Notebooks.NotebookTests",
        "Notebooks.LibraryTourNotebookTests",
        "Packaging.ConsumerAppTests",
        "Packaging.ToolPackageTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.Select((collection, index) => (collection, index))
            .OrderBy(c => Rank(c.collection.DisplayName)).ThenBy(c => c.index)
            .Select(c => c.collection);

    private static int Rank(string displayName)
    {
        int i = Array.FindIndex(Longest, name => displayName.EndsWith("MathForML.Tests." + name, StringComparison.Ordinal));
        return i < 0 ? Longest.Length : i;
    }
}
