namespace MathForML.Data;

/// <summary>The MNIST mirrors the fetch tries (<see cref="VerifiedDownload"/> downloads from them).</summary>
public static class MnistMirror
{
    /// <summary>
    /// The mirrors torchvision uses for the original files (yann.lecun.com no longer serves them reliably): the PyTorch
    /// project's S3 bucket, then Google's CVDF bucket (the one TensorFlow Datasets downloads from).
    /// </summary>
    public static IReadOnlyList<Uri> Defaults { get; } =
    [
        new("https://ossci-datasets.s3.amazonaws.com/mnist/"),
        new("https://storage.googleapis.com/cvdf-datasets/mnist/"),
    ];
}
