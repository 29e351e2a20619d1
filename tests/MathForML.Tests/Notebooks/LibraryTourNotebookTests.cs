namespace MathForML.Tests.Notebooks;

/// <summary>
/// The README's library tour is <c>notebooks/LibraryTour.cs</c>; it runs (on the stored 500-digit MNIST subset, no network)
/// and prints what the README's comments promise.
/// </summary>
public class LibraryTourNotebookTests
{
    [Fact]
    public async Task LibraryTourRuns()
    {
        using var work = new TempDirectory();
        var stdout = await NotebookRunner.Run("LibraryTour", work.Path, ["-c", "Release"], [ReferenceData.PathOf("mnist", "mnist500-x.npy")]);
        Assert.Contains("x = [0.8, 1.4], eigenvalues [3.61803, 1.38197], PageRank [33.33, 22.22, 22.22, 22.22]", stdout);
        Assert.Contains("∇f = (2*x*y + exp(x*y)*y, x^2 + exp(x*y)*x)", stdout);
        Assert.Contains("√2 ≈ 1.4142135623730951 in 5 steps", stdout);
        Assert.Contains("b1 = 9.365 ± 0.092, b2 = 0.385 ± 0.010 (LevenbergMarquardt", stdout);
        Assert.Contains("network cost 0.2023 → 0.0007", stdout);
        Assert.Contains("PCA of 500×784 (Gram): 50 components explain 85.3 % of the variance", stdout);
        Assert.Empty(Directory.GetFileSystemEntries(work.Path));   // writes nothing
    }
}
