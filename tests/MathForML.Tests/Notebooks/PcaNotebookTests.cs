namespace MathForML.Tests.Notebooks;

/// <summary>
/// The PCA course's notebooks run with <c>dotnet run -c Release notebooks/NAME.cs -- OUT_DIR IMAGES LABELS</c> on the
/// stored 500-digit MNIST subset (no network) and write their pictures into OUT_DIR.
/// </summary>
public class PcaNotebookTests
{
    [NotebookTheory]
    [InlineData("MeanAndCovariance", "affine laws:", "mean-digit.png,affine-map.png")]
    [InlineData("InnerProductsAndKnn", "the closest other digit is", "nearest-digits.png")]
    [InlineData("OrthogonalProjections", "onto a plane in ℝ³: π((6, 0, 0)) = (5.000, 2.000, -1.000)", "projection-line.png,eigen-image-projections.png")]
    [InlineData("Pca", "Same reconstruction for N < D: True", "spectrum.png,reconstruction-error.png,reconstructions.png")]
    public async Task NotebookRuns(string name, string expected, string pictures)
    {
        using var work = new TempDirectory();
        var output = Path.Combine(work.Path, "pictures");
        var stdout = await NotebookRunner.Run(name, work.Path, ["-c", "Release"],
            [output, ReferenceData.PathOf("mnist", "mnist500-x.npy"), ReferenceData.PathOf("mnist", "mnist500-y.npy")]);
        Assert.Contains(expected, stdout);
        if (name == "Pca") Assert.Contains("Test: PCA(X, 1) basis = (-0.58385905244961", stdout);   // the course's test, eig's sign
        foreach (var picture in pictures.Split(','))
            Assert.True(new FileInfo(Path.Combine(output, picture)).Length > 2_000, picture);
        Assert.Empty(Directory.GetFiles(work.Path));   // nothing but the pictures folder
    }
}
