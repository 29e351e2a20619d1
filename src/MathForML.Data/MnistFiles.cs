namespace MathForML.Data;

/// <summary>The two IDX files of an MNIST set: images (N×28×28) and labels (N).</summary>
/// <param name="ImagesPath">The image file (idx3).</param>
/// <param name="LabelsPath">The label file (idx1).</param>
public sealed record MnistFiles(string ImagesPath, string LabelsPath);
