namespace MathForML.Tests.Notebooks;

/// <summary>The notebooks are real programs: each one runs with <c>dotnet run notebooks/NAME.cs</c> and prints its results.</summary>
public class NotebookTests
{
    [NotebookTheory]
    [InlineData("IdentifyingSpecialMatrices", "course test: singular")]
    [InlineData("GramSchmidt", "Five vectors in R³ span dimension 3.")]
    [InlineData("ReflectingBear", "Wrote reflecting-bear.png")]
    [InlineData("Eigenvalues", "Power iteration: λ = 6.669079088")]
    [InlineData("PageRank", "Principal eigenvector ×100:   A= 16.00  B=  5.33  C= 40.00  D= 25.33  E=  0.00  F= 13.33")]
    public async Task NotebookRuns(string name, string expected)
    {
        using var work = new TempDirectory();
        var stdout = await NotebookRunner.Run(name, work.Path);
        Assert.Contains(expected, stdout);
        if (name == "ReflectingBear")
        {
            Assert.True(new FileInfo(work.File("reflecting-bear.png")).Length > 10_000);
            Assert.Contains("the course's T = [[−5, 12], [12, 5]]/13? True", stdout);
        }
        if (name == "PageRank")
        {
            Assert.True(new FileInfo(work.File("pagerank-internet.png")).Length > 10_000);
            // The course's own counts and L2 ranks (its notebook: "18/131/8 iterations to convergence"; G holds 99.82).
            Assert.Contains("Micro-internet: 18 iterations to convergence", stdout);
            Assert.Contains("d = 1 (131 iterations)", stdout);
            Assert.Contains("d = 0.5 (8 iterations)", stdout);
            Assert.Contains("G= 99.82", stdout);
        }
    }
}
