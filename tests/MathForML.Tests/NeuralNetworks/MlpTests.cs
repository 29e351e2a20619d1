using MathForML.NeuralNetworks;

namespace MathForML.Tests.NeuralNetworks;

public class MlpTests
{
    private static double[] RandomInputs(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    /// <summary>Every weight and bias gradient against central differences of the batch loss.</summary>
    private static void CheckGradients(Mlp<double> net, Func<double> loss, Action backward)
    {
        backward();
        const double h = 1e-6;
        // Snapshot every gradient first: each loss evaluation below runs a backward pass of its own.
        var parameters = net.Layers.SelectMany(layer => new[]
        {
            (Layer: layer, Values: layer.Weights, Gradient: layer.WeightGradient.ToArray()),
            (Layer: layer, Values: layer.Biases, Gradient: layer.BiasGradient.ToArray()),
        }).ToArray();
        foreach (var (layer, values, gradient) in parameters)
        {
            double scale = Math.Max(gradient.Max(Math.Abs), 1e-8);
            for (int i = 0; i < values.Length; i++)
            {
                double saved = values[i];
                values[i] = saved + h;
                double up = loss();
                values[i] = saved - h;
                double down = loss();
                values[i] = saved;
                double numeric = (up - down) / (2 * h);
                Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-6 * scale + 1e-10,
                    $"{layer.Activation} layer {layer.Inputs}→{layer.Outputs}, parameter {i}: backprop {gradient[i]:E6}, numeric {numeric:E6}");
            }
        }
    }

    [Theory]
    [InlineData(Activation.Sigmoid, Activation.Softmax, LossFunction.SoftmaxCrossEntropy)]
    [InlineData(Activation.Tanh, Activation.Softmax, LossFunction.SoftmaxCrossEntropy)]
    [InlineData(Activation.Relu, Activation.Softmax, LossFunction.SoftmaxCrossEntropy)]
    [InlineData(Activation.Sigmoid, Activation.Sigmoid, LossFunction.MeanSquaredError)]
    [InlineData(Activation.Tanh, Activation.Identity, LossFunction.MeanSquaredError)]
    [InlineData(Activation.Relu, Activation.Tanh, LossFunction.MeanSquaredError)]
    [InlineData(Activation.Sigmoid, Activation.Softmax, LossFunction.MeanSquaredError)]
    public void BackpropagationMatchesFiniteDifferencesWithLabels(Activation hidden, Activation output, LossFunction loss)
    {
        var net = Mlp<double>.Create([5, 7, 6, 4], hidden, output, loss, seed: 3);
        const int batch = 9;
        var x = RandomInputs(batch * 5, 1);
        int[] labels = [0, 1, 2, 3, 3, 2, 1, 0, 2];
        CheckGradients(net, () => net.ComputeGradients(x, labels, batch), () => net.ComputeGradients(x, labels, batch));
    }

    [Theory]
    [InlineData(Activation.Sigmoid, Activation.Identity)]
    [InlineData(Activation.Relu, Activation.Sigmoid)]
    public void BackpropagationMatchesFiniteDifferencesWithDenseTargets(Activation hidden, Activation output)
    {
        var net = Mlp<double>.Create([3, 8, 2], hidden, output, LossFunction.MeanSquaredError, seed: 5);
        const int batch = 6;
        var x = RandomInputs(batch * 3, 2);
        var y = RandomInputs(batch * 2, 3);
        CheckGradients(net, () => net.ComputeGradients(x, y.AsSpan(), batch), () => net.ComputeGradients(x, y.AsSpan(), batch));
    }

    private static Dataset<float> Blobs(int perClass, int seed)
    {
        // Three Gaussian blobs in 4-D, well separated.
        var rng = new Random(seed);
        double[][] centres = [[2, 0, 0, 1], [-2, 1, 0, 0], [0, -2, 2, 0]];
        var x = new List<float>();
        var y = new List<int>();
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < perClass; i++)
            {
                foreach (double m in centres[c]) x.Add((float)(m + (0.5 * Gaussian(rng))));
                y.Add(c);
            }
        }
        return new Dataset<float>([.. x], 4, [.. y]);
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    [Theory]
    [InlineData(OptimizerKind.Sgd, 0.0, 0.5)]
    [InlineData(OptimizerKind.Sgd, 0.9, 0.05)]
    [InlineData(OptimizerKind.Adam, 0.0, 0.01)]
    public void LearnsSeparableClasses(OptimizerKind optimizer, double momentum, double learningRate)
    {
        var (train, test) = Blobs(200, 1).Split(0.25, seed: 2);
        var net = Mlp<float>.Create([4, 16, 3], Activation.Tanh, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, seed: 4);
        var reports = Trainer.Train(net, train, test, new TrainingOptions { Epochs = 10, BatchSize = 16, LearningRate = learningRate, Optimizer = optimizer, Momentum = momentum });
        Assert.Equal(10, reports.Count);
        Assert.True(reports[^1].Loss < reports[0].Loss);
        Assert.True(reports[^1].TestAccuracy > 0.97, $"test accuracy {reports[^1].TestAccuracy}");
    }

    [Fact]
    public void TrainingIsDeterministicForASeed()
    {
        var data = Blobs(50, 7);
        Mlp<float> Run(ulong seed)
        {
            var net = Mlp<float>.Create([4, 8, 3], Activation.Relu, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, seed: 1);
            Trainer.Train(net, data, null, new TrainingOptions { Epochs = 2, BatchSize = 8, Seed = seed, Optimizer = OptimizerKind.Adam, LearningRate = 0.01 });
            return net;
        }
        Assert.Equal(Run(3).Layers[0].Weights, Run(3).Layers[0].Weights);
        Assert.NotEqual(Run(3).Layers[0].Weights, Run(4).Layers[0].Weights);
    }

    [Fact]
    public void SplitIsSeededAndDisjoint()
    {
        var data = new Dataset<float>(Enumerable.Range(0, 100).Select(i => (float)i).ToArray(), 1, Enumerable.Range(0, 100).Select(i => i % 3).ToArray());
        var (train, test) = data.Split(0.2, seed: 5);
        Assert.Equal(80, train.Count);
        Assert.Equal(20, test.Count);
        Assert.Empty(train.Features.Intersect(test.Features));
        Assert.Equal(test.Features, data.Split(0.2, seed: 5).Test.Features);
        Assert.NotEqual(test.Features, data.Split(0.2, seed: 6).Test.Features);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        var net = Mlp<float>.Create([4, 8, 3], Activation.Relu, Activation.Softmax, LossFunction.SoftmaxCrossEntropy);
        var data = Blobs(5, 1);
        Assert.Contains("5 features but the network takes 4", Assert.Throws<ArgumentException>(() =>
            Trainer.Train(net, new Dataset<float>(new float[10], 5, [0, 1]), null, new TrainingOptions())).Message);
        Assert.Contains("Label 7 is out of range", Assert.Throws<ArgumentException>(() =>
            Trainer.Train(net, new Dataset<float>(new float[8], 4, [0, 7]), null, new TrainingOptions())).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() =>
            Trainer.Train(net, new Dataset<float>([], 4, []), null, new TrainingOptions())).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train(net, data, null, new TrainingOptions { LearningRate = 0 }));
        Assert.Throws<ArgumentException>(() => new Dataset<float>(new float[7], 4, [0, 1]));
        Assert.Throws<ArgumentException>(() => net.Forward(new float[7], 2));
        Assert.Throws<ArgumentException>(() => Mlp<float>.Create([4, 3], Activation.Relu, Activation.Sigmoid, LossFunction.SoftmaxCrossEntropy));
        Assert.Throws<ArgumentOutOfRangeException>(() => Mlp<float>.Create([4, 0, 3], Activation.Relu, Activation.Softmax, LossFunction.SoftmaxCrossEntropy));
        var first = new DenseLayer<float>(4, 5, Activation.Relu, new float[20], new float[5]);
        var second = new DenseLayer<float>(6, 3, Activation.Softmax, new float[18], new float[3]);
        Assert.Contains("Layer 1 takes 6 inputs but layer 0 gives 5", Assert.Throws<ArgumentException>(() => new Mlp<float>([first, second], LossFunction.SoftmaxCrossEntropy)).Message);
    }
}
