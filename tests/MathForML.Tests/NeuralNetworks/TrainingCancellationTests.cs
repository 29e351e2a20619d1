using MathForML.NeuralNetworks;
using MathForML.Tests.Numerics;

namespace MathForML.Tests.NeuralNetworks;

public class TrainingCancellationTests
{
    private static Dataset<float> Data() =>
        new(Enumerable.Range(0, 200).Select(i => (float)Math.Sin(i)).ToArray(), 2, Enumerable.Range(0, 100).Select(i => i % 2).ToArray());

    private static Mlp<float> Network() => Mlp<float>.Create([2, 8, 2], Activation.Tanh, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, seed: 1);

    [Fact]
    public void TrainerThrowsForAPreCancelledToken()
    {
        Assert.Throws<OperationCanceledException>(() =>
            Trainer.Train(Network(), Data(), null, new TrainingOptions { Epochs = 2 }, cancellationToken: new CancellationToken(true)));
    }

    [Fact]
    public void WarmUpThrowsForAPreCancelledToken()
    {
        Assert.Throws<OperationCanceledException>(() =>
            Trainer.WarmUp(Network, Data(), new TrainingOptions { Epochs = 2 }, new CancellationToken(true)));
    }

    [Fact]
    public void TrainerStopsWithinTheBatchAfterCancelling()
    {
        using var source = new CancellationTokenSource();
        var progress = new RecordingProgress();
        var cancelling = new Relay(progress, p => { if (p.Step == 2) source.Cancel(); });
        Assert.Throws<OperationCanceledException>(() =>
            Trainer.Train(Network(), Data(), null, new TrainingOptions { Epochs = 50, BatchSize = 10 }, cancelling, source.Token));
        Assert.Equal(2, progress.Reports[^1].Step);
        Assert.Equal(11, progress.Reports.Count);
    }

    [Fact]
    public void TrainerProgressIsMonotonicPerBatch()
    {
        var progress = new RecordingProgress();
        var reports = Trainer.Train(Network(), Data(), null, new TrainingOptions { Epochs = 3, BatchSize = 25 }, progress);
        progress.AssertMonotonic();
        Assert.Equal(12, progress.Reports.Count);
        Assert.Equal(1, progress.Reports[^1].Fraction, 12);
        Assert.Equal(reports[^1].Loss, progress.Reports[^1].Measure!.Value, 12);
        Assert.All(progress.Reports, r => Assert.Equal("epoch", r.Stage));
    }

    [Fact]
    public void CourseNetworkThrowsForAPreCancelledToken()
    {
        var (x, y) = CurveData.Heart();
        Assert.Throws<OperationCanceledException>(() => new CourseNetwork(1).Train(x, y, 10, cancellationToken: new CancellationToken(true)));
    }

    [Fact]
    public void CourseNetworkProgressIsMonotonicWithTheCost()
    {
        var (x, y) = CurveData.Heart();
        var progress = new RecordingProgress();
        var training = new CourseNetwork(1).Train(x, y, 100, recordEvery: 10, progress: progress);
        progress.AssertMonotonic();
        Assert.Equal(10, progress.Reports.Count);
        Assert.Equal(training.Costs.Skip(1).Select(c => c.Cost), progress.Reports.Select(r => r.Measure!.Value));
        Assert.Equal(1, progress.Reports[^1].Fraction);
    }

    private sealed class Relay(IProgress<MathForML.Numerics.WorkProgress> inner, Action<MathForML.Numerics.WorkProgress> then) : IProgress<MathForML.Numerics.WorkProgress>
    {
        public void Report(MathForML.Numerics.WorkProgress value)
        {
            inner.Report(value);
            then(value);
        }
    }
}
