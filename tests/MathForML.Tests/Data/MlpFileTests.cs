using MathForML.Data;
using MathForML.NeuralNetworks;

namespace MathForML.Tests.Data;

public class MlpFileTests
{
    [Fact]
    public void SaveThenLoadGivesTheSamePredictions()
    {
        using var dir = new TempDirectory();
        var net = Mlp<float>.Create([6, 5, 4, 3], Activation.Tanh, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, seed: 9);
        var rng = new Random(1);
        var x = Enumerable.Range(0, 60).Select(_ => (float)rng.NextDouble()).ToArray();
        var path = dir.File("model.json");
        MlpFile.Save(path, net);
        var loaded = MlpFile.Load(path);
        Assert.Equal(net.Sizes, loaded.Sizes);
        Assert.Equal(net.Loss, loaded.Loss);
        Assert.Equal(net.Forward(x, 10).ToArray(), loaded.Forward(x, 10).ToArray());
        Assert.Equal(net.Predict(x, 10), loaded.Predict(x, 10));
        Assert.Single(dir.Files());
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[1, 2]", "not a MathForML model")]
    [InlineData("{\"format\": \"other\"}", "not a MathForML model")]
    [InlineData("{\"format\": 1}", "not a MathForML model")]              // a number where a string belongs: was InvalidOperationException
    [InlineData("{\"format\": [\"mathforml-mlp\"]}", "not a MathForML model")]
    [InlineData("{\"format\": \"mathforml-mlp\", \"loss\": \"hinge\", \"layers\": []}", "unknown loss 'hinge'")]
    [InlineData("{\"format\": \"mathforml-mlp\", \"loss\": \"mean_squared_error\", \"layers\": []}", "has no layers")]
    [InlineData("{\"format\": \"mathforml-mlp\", \"loss\": \"mean_squared_error\", \"layers\": [{\"inputs\": 2, \"outputs\": 1, \"activation\": \"sigmoid\", \"weights\": \"AAAAAA==\", \"biases\": \"AAAAAA==\"}]}", "layer 0 has 1 weights, its shape needs 2")]
    [InlineData("{\"format\": \"mathforml-mlp\", \"loss\": \"mean_squared_error\", \"layers\": [{\"inputs\": 1, \"outputs\": 1, \"activation\": \"swish\", \"weights\": \"AAAAAA==\", \"biases\": \"AAAAAA==\"}]}", "unknown activation 'swish'")]
    [InlineData("{\"format\": \"mathforml-mlp\", \"loss\": \"mean_squared_error\", \"layers\": [{\"inputs\": 1, \"outputs\": 1, \"activation\": \"sigmoid\", \"weights\": \"AADAfw==\", \"biases\": \"AAAAAA==\"}]}", "NaN or infinite")]
    [InlineData("{\"format\": \"mathforml-mlp\", \"loss\": \"mean_squared_error\", \"layers\": [{\"inputs\": 1, \"outputs\": 1, \"activation\": \"sigmoid\", \"weights\": \"!!\", \"biases\": \"AAAAAA==\"}]}", "is not a valid model")]
    [InlineData("{\"format\": \"mathforml-mlp\", \"loss\": \"mean_squared_error\", \"layers\": [{\"inputs\": 1, \"activation\": \"sigmoid\"}]}", "is missing \"outputs\"")]
    [InlineData("{\"format\": \"mathforml-mlp\", \"loss\": \"mean_squared_error\", \"layers\": [{\"inputs\": 100000, \"outputs\": 100000, \"activation\": \"sigmoid\", \"weights\": \"\", \"biases\": \"\"}]}", "impossible shape")]
    public void CorruptFilesAreRejected(string text, string problem)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<DataFileException>(() => MlpFile.Load(dir.Write("bad.json", text)));
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void MismatchedLayersAreRejected()
    {
        using var dir = new TempDirectory();
        var path = dir.File("model.json");
        MlpFile.Save(path, Mlp<float>.Create([3, 4, 2], Activation.Relu, Activation.Softmax, LossFunction.SoftmaxCrossEntropy));
        var text = File.ReadAllText(path).Replace("\"inputs\":4", "\"inputs\":5", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        Assert.Contains("layer 1 takes 5 inputs but layer 0 gives 4", Assert.Throws<DataFileException>(() => MlpFile.Load(path)).Message);
    }
}
