using System.Diagnostics;
using System.Numerics;
using MathForML.Numerics;
using MathForML.Randomness;

namespace MathForML.NeuralNetworks;

/// <summary>Settings of minibatch training.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training set (default 5; at least 1, checked when set).</summary>
    public int Epochs { get; init => field = Setting.AtLeast(value, 1, nameof(Epochs), "The number of epochs"); } = 5;

    /// <summary>Samples per gradient step (default 64, at least 1; the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; init => field = Setting.AtLeast(value, 1, nameof(BatchSize), "The batch size"); } = 64;

    /// <summary>Step size η (default 0.1; positive, checked when set).</summary>
    public double LearningRate { get; init => field = Setting.Positive(value, nameof(LearningRate), "The learning rate"); } = 0.1;

    /// <summary>The update rule (default SGD).</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    /// <summary>Momentum μ of SGD (default 0; in [0, 1), checked when set).</summary>
    public double Momentum
    {
        get;
        init => field = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(Momentum), value, $"Momentum must be in [0, 1), got {value}.");
    }

    /// <summary>Seed of the per-epoch shuffling (and of the augmentation).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Random shifts of image samples while training; none when null.</summary>
    public ImageShift? Augmentation { get; init; }

    /// <summary>Decay the learning rate along a half cosine from η to 0 over the epochs (Loshchilov &amp; Hutter 2017).</summary>
    public bool CosineDecay { get; init; }
}

/// <summary>One epoch of training: mean batch loss, accuracy on the training and test sets, time taken.</summary>
public sealed record EpochReport(int Epoch, double Loss, double TrainAccuracy, double? TestAccuracy, double Seconds);

/// <summary>
/// Minibatch training by backpropagation: each epoch shuffles the samples (seeded), and for every batch runs the
/// forward pass, the backward pass and one optimiser step. Deterministic for a seed.
/// </summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="network"/> on <paramref name="train"/>, evaluating on <paramref name="test"/> after each epoch.</summary>
    /// <param name="network">The network, updated in place.</param>
    /// <param name="train">Training samples.</param>
    /// <param name="test">Held-out samples, or null.</param>
    /// <param name="options">Epochs, batch size, learning rate, optimiser, seed.</param>
    /// <param name="progress">Receives a report after every batch: stage "epoch", the epoch under way as
    /// <see cref="WorkProgress.Step"/>, the mean batch loss of the epoch so far as <see cref="WorkProgress.Measure"/>, and
    /// the fraction of all batches of all epochs done.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <returns>One report per epoch.</returns>
    /// <exception cref="ArgumentException">The training set is empty, or the data does not fit the network (features, labels).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the network keeps the steps taken.</exception>
    public static IReadOnlyList<EpochReport> Train<T>(Mlp<T> network, Dataset<T> train, Dataset<T>? test, TrainingOptions options,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Train(network, train, test, options, share: null, progress, cancellationToken);

    /// <summary>
    /// <see cref="Train{T}(Mlp{T}, Dataset{T}, Dataset{T}?, TrainingOptions, IProgress{WorkProgress}?, CancellationToken)"/>
    /// as one of several processes that share every batch (<paramref name="share"/>; null: this process alone). Each
    /// process walks the same shuffled order with the whole batch size of the options, takes its slice of every batch,
    /// and lets <paramref name="share"/> combine the slices' gradients before the same update on every process.
    /// </summary>
    internal static IReadOnlyList<EpochReport> Train<T>(Mlp<T> network, Dataset<T> train, Dataset<T>? test, TrainingOptions options,
        IBatchShare? share, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate(network, train, test, options);
        if (share is not null && options.Augmentation is not null)
            throw new ArgumentException("Random shifts are drawn for the whole batch in one process: training that shares its batches takes no augmentation.", nameof(options));
        var optimizer = new Optimizer<T>(network, options.Optimizer, options.Momentum);
        var random = new SeededRandom(options.Seed, 0x5452);
        int d = train.FeatureCount, batchSize = Math.Min(options.BatchSize, train.Count);
        var batchX = new T[batchSize * d];
        var batchY = new int[batchSize];
        var augmentRandom = new SeededRandom(options.Seed, 0x4155);
        var scratch = new T[d];
        int totalBatches = options.Epochs * ((train.Count + batchSize - 1) / batchSize), step = 0;
        var reports = new List<EpochReport>();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var order = random.Permutation(train.Count);
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < train.Count; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count = Math.Min(batchSize, train.Count - start);
                var (first, end) = share?.Slice(count) ?? (0, count);
                int rows = end - first;
                for (int i = 0; i < rows; i++)
                {
                    int row = order[start + first + i];
                    train.Features.AsSpan(row * d, d).CopyTo(batchX.AsSpan(i * d));
                    batchY[i] = train.Labels[row];
                }
                options.Augmentation?.Apply(batchX.AsSpan(0, count * d), count, ref augmentRandom, scratch);
                double batchLoss = rows > 0 ? double.CreateChecked(network.ComputeGradients(batchX.AsSpan(0, rows * d), batchY.AsSpan(0, rows), rows)) : ClearGradients(network);
                lossSum += share?.Combine(network, batchLoss, rows, count) ?? batchLoss;
                double rate = options.CosineDecay ? options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / totalBatches)) : options.LearningRate;
                optimizer.Step(network, rate);
                step++;
                batches++;
                progress?.Report(new WorkProgress("epoch", (double)step / totalBatches, epoch, lossSum / batches));
            }
            double seconds = watch.Elapsed.TotalSeconds;
            bool evaluate = share?.Evaluates ?? true;
            var report = new EpochReport(epoch, lossSum / batches, evaluate ? Accuracy(network, train) : double.NaN,
                test is null ? null : evaluate ? Accuracy(network, test) : double.NaN, seconds);
            reports.Add(report);
        }
        return reports;
    }

    /// <summary>Zeroes every gradient (a process with no sample of a shared batch contributes nothing); returns a loss of 0.</summary>
    private static double ClearGradients<T>(Mlp<T> network)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var layer in network.Layers)
        {
            Array.Clear(layer.WeightGradient);
            Array.Clear(layer.BiasGradient);
        }

        return 0;
    }

    /// <summary>The fraction of <paramref name="data"/> that <paramref name="network"/> classifies correctly.</summary>
    public static double Accuracy<T>(Mlp<T> network, Dataset<T> data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (data.Count == 0) return double.NaN;
        var predicted = network.Predict(data.Features, data.Count);
        int correct = 0;
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == data.Labels[i]) correct++;
        return (double)correct / data.Count;
    }

    /// <summary>
    /// Compiles the training path before a timed run: a throwaway network from <paramref name="createNetwork"/> (the same
    /// shape as the one to be timed) trains one epoch on one batch of <paramref name="train"/>. The epoch times of the
    /// next <see cref="Train{T}(Mlp{T}, Dataset{T}, Dataset{T}?, TrainingOptions, IProgress{WorkProgress}?, CancellationToken)"/> then measure the steady training rate, not the just-in-time compiler.
    /// </summary>
    /// <returns>How long the warm-up took.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TimeSpan WarmUp<T>(Func<Mlp<T>> createNetwork, Dataset<T> train, TrainingOptions options, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(createNetwork);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rows = Enumerable.Range(0, Math.Min(train.Count, Math.Max(options.BatchSize, 1))).ToArray();
        Train(createNetwork(), train.Subset(rows), null, options with { Epochs = 1 }, cancellationToken: cancellationToken);
        return watch.Elapsed;
    }

    // Settings are named by their property of TrainingOptions ("Epochs"), the name a caller maps to its own (a CLI flag).
#pragma warning disable CA2208
    internal static void Validate<T>(Mlp<T> network, Dataset<T> train, Dataset<T>? test, TrainingOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (train.Count == 0) throw new ArgumentException("The training set is empty.", nameof(train));
        foreach (var data in test is null ? [train] : new[] { train, test })
        {
            if (data.FeatureCount != network.Inputs)
                throw new ArgumentException($"The data has {data.FeatureCount} features but the network takes {network.Inputs} inputs.", nameof(train));
            foreach (int label in data.Labels)
                if ((uint)label >= (uint)network.Outputs)
                    throw new ArgumentException($"Label {label} is out of range for a network with {network.Outputs} outputs (labels 0 … {network.Outputs - 1}).", nameof(train));
        }
        if (options.Augmentation is { } shift && (shift.Width * shift.Height != train.FeatureCount || shift.MaxShift < 0))
            throw new ArgumentException($"Shifting {shift.Width}×{shift.Height} images needs {shift.Width * shift.Height} features per sample, the data has {train.FeatureCount}.", nameof(options.Augmentation));
    }
#pragma warning restore CA2208
}
