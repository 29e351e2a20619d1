using MathForML.Data;
using MathForML.Data.Onnx;
using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;
using MathForML.Tests.DimensionalityReduction;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MathForML.Tests.Data.Onnx;

/// <summary>
/// A network exported to ONNX gives, in ONNX Runtime (an independent implementation), the outputs the library gives:
/// the same predicted digit for 1,000 MNIST digits and the same probabilities to float32 rounding.
/// </summary>
public class OnnxModelFileTests
{
    [Theory]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Tanh)]
    public void OnnxRuntimeGivesTheLibrarysPredictions(Activation hidden)
    {
        var (train, digits) = Digits();
        var network = Mlp<float>.Create([784, 32, 16, 10], hidden, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, 3);
        Trainer.Train(network, train, null, new TrainingOptions { Epochs = 3, BatchSize = 32, Seed = 3 });
        using var dir = new TempDirectory();
        var path = dir.File("mlp.onnx");
        ModelFile.Save(path, network);

        using var session = new InferenceSession(path);
        var input = new DenseTensor<float>(digits.Features, [digits.Count, 784]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        var onnx = results.Single(r => r.Name == "output").AsTensor<float>().ToArray();

        var ours = network.Forward(digits.Features, digits.Count).ToArray();
        Assert.Equal(ours.Length, onnx.Length);
        for (int i = 0; i < ours.Length; i++) Assert.True(Math.Abs(ours[i] - onnx[i]) <= 1e-5f, $"output {i}: ours {ours[i]}, ONNX Runtime {onnx[i]}");
        var predictions = network.Predict(digits.Features, digits.Count);
        int same = 0;
        for (int r = 0; r < digits.Count; r++)
        {
            var row = onnx.AsSpan(r * 10, 10);
            int best = 0;
            for (int c = 1; c < 10; c++) if (row[c] > row[best]) best = c;
            if (best == predictions[r]) same++;
        }

        Assert.Equal(1000, same);
    }

    [Fact]
    public void AnIdentityOutputLayerNeedsNoActivationNode()
    {
        var network = Mlp<float>.Create([3, 2], Activation.Sigmoid, Activation.Identity, LossFunction.MeanSquaredError, 1);
        using var dir = new TempDirectory();
        var path = dir.File("linear.onnx");
        OnnxModelFile.Save(path, network);
        using var session = new InferenceSession(path);
        float[] x = [1, -2, 0.5f, 3, 0, -1];
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", new DenseTensor<float>(x, [2, 3]))]);
        var onnx = results.Single().AsTensor<float>().ToArray();
        Assert.Equal(network.Forward(x, 2).ToArray(), onnx, (a, b) => Math.Abs(a - b) <= 1e-6f);
    }

    [Fact]
    public void AnUnknownModelExtensionIsRefused()
    {
        using var dir = new TempDirectory();
        var network = Mlp<float>.Create([2, 2], Activation.Sigmoid, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, 1);
        var e = Assert.Throws<DataFileException>(() => ModelFile.Save(dir.File("model.pt"), network));
        Assert.Contains("unknown model format '.pt'", e.Message, StringComparison.Ordinal);
        Assert.Empty(dir.Files());
        Assert.Equal(ModelFormat.Onnx, ModelFile.FormatOf("m.ONNX"));
    }

    /// <summary>The 500 stored MNIST digits to train on; to predict, those and each shifted one pixel right (1,000).</summary>
    private static (Dataset<float> Train, Dataset<float> Digits) Digits()
    {
        var x = MnistSubset.Images;
        var shifted = new Matrix(x.Rows, x.Columns);
        for (int r = 0; r < x.Rows; r++)
            for (int i = 0; i < 28; i++)
                for (int j = 1; j < 28; j++)
                    shifted[r, i * 28 + j] = x[r, i * 28 + j - 1];
        var both = new Matrix(2 * x.Rows, x.Columns);
        x.AsSpan().CopyTo(both.AsSpan());
        shifted.AsSpan().CopyTo(both.AsSpan()[x.AsSpan().Length..]);
        var labels = MnistSubset.Labels;
        return (Dataset<float>.FromMatrix(x, labels), Dataset<float>.FromMatrix(both, [.. labels, .. labels]));
    }
}
