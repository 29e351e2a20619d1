namespace MathForML.Data;

/// <summary>
/// The four gzip-compressed IDX files of the standard MNIST distribution and their digests:
/// training images and labels (60,000), test images and labels (10,000).
/// </summary>
/// <param name="TrainImages">train-images-idx3-ubyte.gz</param>
/// <param name="TrainLabels">train-labels-idx1-ubyte.gz</param>
/// <param name="TestImages">t10k-images-idx3-ubyte.gz</param>
/// <param name="TestLabels">t10k-labels-idx1-ubyte.gz</param>
public sealed record MnistChecksums(FileChecksum TrainImages, FileChecksum TrainLabels, FileChecksum TestImages, FileChecksum TestLabels)
{
    /// <summary>
    /// The published sizes and SHA-256 digests of the original files, as listed by TensorFlow Datasets in
    /// <c>tensorflow_datasets/url_checksums/mnist.txt</c> (https://github.com/tensorflow/datasets); the same files
    /// torchvision checks by MD5 (f68b3c2d…, d53e105e…, 9fb629c4…, ec29112d…).
    /// </summary>
    public static MnistChecksums Standard { get; } = new(
        new("train-images-idx3-ubyte.gz", 9_912_422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
        new("train-labels-idx1-ubyte.gz", 28_881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
        new("t10k-images-idx3-ubyte.gz", 1_648_877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
        new("t10k-labels-idx1-ubyte.gz", 4_542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"));

    /// <summary>The four files in order: training images, training labels, test images, test labels.</summary>
    public IReadOnlyList<FileChecksum> All => [TrainImages, TrainLabels, TestImages, TestLabels];
}
