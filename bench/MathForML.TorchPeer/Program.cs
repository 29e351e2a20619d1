using System.Diagnostics;
using MathForML.Data;
using MathForML.NeuralNetworks;
using TorchSharp;
using static TorchSharp.torch;

// `dotnet run -c Release --project bench/MathForML.TorchPeer -- X.npy Y.npy` (the files of `peers.py prepare-mnist`):
// the 784-64-10 sigmoid/softmax MLP, batch 64, lr 0.1, 5 epochs, float32, trained by TorchSharp and by MathForML in
// the same process, side by side with `peers.py mlp` (numpy). Each is warmed up on one batch before the clock starts.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: MathForML.TorchPeer X.npy Y.npy [--epochs 5]");
    return 2;
}
int epochs = args.Length > 3 && args[2] == "--epochs" ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
var (_, x64) = NpyFile.Read<double>(args[0]);
var (_, labels) = NpyFile.Read<int>(args[1]);
int n = labels.Length;
var x = x64.Select(v => (float)v).ToArray();
torch.set_num_threads(Environment.ProcessorCount);

(double Seconds, double Accuracy) Torch()
{
    torch.manual_seed(0);
    var xs = torch.tensor(x, [n, 784]);
    var ys = torch.tensor(labels.Select(l => (long)l).ToArray(), [n]);
    var model = nn.Sequential(("fc1", nn.Linear(784, 64)), ("sigmoid", nn.Sigmoid()), ("fc2", nn.Linear(64, 10)));
    var optimizer = optim.SGD(model.parameters(), 0.1);
    var loss = nn.CrossEntropyLoss();
    void Batch(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        loss.forward(model.forward(xs.index(idx)), ys.index(idx)).backward();
        optimizer.step();
    }
    Batch(torch.arange(64));   // warm-up
    var watch = Stopwatch.StartNew();
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        var order = torch.randperm(n);
        for (int s = 0; s < n; s += 64) Batch(order.slice(0, s, Math.Min(n, s + 64), 1));
    }
    double seconds = watch.Elapsed.TotalSeconds;
    using var noGrad = torch.no_grad();
    var predicted = model.forward(xs).argmax(1);
    double accuracy = predicted.eq(ys).to_type(ScalarType.Float32).mean().item<float>();
    return (seconds, accuracy);
}

(double Seconds, double Accuracy) Ours()
{
    var data = new Dataset<float>(x, 784, labels);
    var options = new TrainingOptions { Epochs = epochs, BatchSize = 64, LearningRate = 0.1 };
    var warm = Mlp<float>.Create([784, 64, 10], Activation.Sigmoid, Activation.Softmax, LossFunction.SoftmaxCrossEntropy);
    Trainer.Train(warm, data.Subset(Enumerable.Range(0, 64).ToArray()), null, options with { Epochs = 1 });
    var net = Mlp<float>.Create([784, 64, 10], Activation.Sigmoid, Activation.Softmax, LossFunction.SoftmaxCrossEntropy);
    var reports = Trainer.Train(net, data, null, options);
    return (reports.Sum(r => r.Seconds), reports[^1].TrainAccuracy);
}

for (int rep = 0; rep < 3; rep++)
{
    var t = Torch();
    var o = Ours();
    Console.WriteLine($"rep {rep}: TorchSharp {n * epochs / t.Seconds:N0} samples/s (train accuracy {t.Accuracy:F4}); MathForML {n * epochs / o.Seconds:N0} samples/s (train accuracy {o.Accuracy:F4})");
}
return 0;
