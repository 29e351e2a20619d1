using System.Numerics;
using System.Numerics.Tensors;
using MathForML.Numerics;
using MathForML.Randomness;

namespace MathForML.NeuralNetworks;

/// <summary>
/// A multi-layer perceptron: dense layers, one activation for the hidden layers and one for the output, trained by
/// backpropagation (the chain rule applied layer by layer from the loss down; see <see cref="DenseLayer{T}"/>).
/// Samples are rows of a row-major batch.
/// </summary>
/// <typeparam name="T">float for fast training, double for gradient checks.</typeparam>
public sealed class Mlp<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A network from its layers (each one's inputs must equal the previous one's outputs).</summary>
    public Mlp(IReadOnlyList<DenseLayer<T>> layers, LossFunction loss)
    {
        if (layers.Count == 0) throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        for (int i = 1; i < layers.Count; i++)
        {
            if (layers[i].Inputs != layers[i - 1].Outputs)
                throw new ArgumentException($"Layer {i} takes {layers[i].Inputs} inputs but layer {i - 1} gives {layers[i - 1].Outputs}.", nameof(layers));
        }
        if (loss == LossFunction.SoftmaxCrossEntropy && layers[^1].Activation != Activation.Softmax)
            throw new ArgumentException("Softmax cross-entropy needs a softmax output layer.", nameof(loss));
        Layers = layers;
        Loss = loss;
    }

    /// <summary>The layers, input first.</summary>
    public IReadOnlyList<DenseLayer<T>> Layers { get; }

    /// <summary>What training minimises.</summary>
    public LossFunction Loss { get; }

    /// <summary>Inputs per sample.</summary>
    public int Inputs => Layers[0].Inputs;

    /// <summary>Outputs per sample.</summary>
    public int Outputs => Layers[^1].Outputs;

    /// <summary>The layer sizes, input first (e.g. 784, 64, 10).</summary>
    public int[] Sizes => [Inputs, .. Layers.Select(l => l.Outputs)];

    /// <summary>
    /// A new network of the given layer sizes with seeded random weights (<see cref="Initialization"/>) and zero biases.
    /// </summary>
    public static Mlp<T> Create(IReadOnlyList<int> sizes, Activation hidden, Activation output, LossFunction loss,
        ulong seed = 1, Initialization initialization = Initialization.Auto)
    {
        if (sizes.Count < 2) throw new ArgumentException("Give at least an input and an output size.", nameof(sizes));
        foreach (int size in sizes)
            if (size < 1) throw new ArgumentOutOfRangeException(nameof(sizes), size, "Layer sizes must be positive.");
        CheckWeightCount(sizes);
        var random = new SeededRandom(seed, 0x4D4C50);
        var layers = new List<DenseLayer<T>>();
        for (int i = 1; i < sizes.Count; i++)
        {
            var activation = i == sizes.Count - 1 ? output : hidden;
            var scheme = initialization == Initialization.Auto ? (activation == Activation.Relu ? Initialization.He : Initialization.Xavier) : initialization;
            double scale = scheme == Initialization.He ? Math.Sqrt(2.0 / sizes[i - 1]) : 1 / Math.Sqrt(sizes[i - 1]);
            var weights = new T[sizes[i - 1] * sizes[i]];
            for (int w = 0; w < weights.Length; w++) weights[w] = T.CreateChecked(random.NextGaussian() * scale);
            layers.Add(new DenseLayer<T>(sizes[i - 1], sizes[i], activation, weights, new T[sizes[i]]));
        }
        return new Mlp<T>(layers, loss);
    }

    /// <summary>
    /// Refuses, before allocating, a layer whose weight count does not fit one array (inputs·outputs, computed in 64
    /// bits: 784·10⁸ or 2·2³⁰ overflow an int) and a network whose weights would take more than half the memory this
    /// process may use (training needs as much again for gradients and activations).
    /// </summary>
    private static void CheckWeightCount(IReadOnlyList<int> sizes)
    {
        long total = 0;
        for (int i = 1; i < sizes.Count; i++)
        {
            long count = (long)sizes[i - 1] * sizes[i];
            if (count > Array.MaxLength)
                throw new ArgumentOutOfRangeException(nameof(sizes), $"Layer {i} ({sizes[i - 1]}×{sizes[i]}) has {count:N0} weights; one layer can hold at most {Array.MaxLength:N0}.");
            total += count + sizes[i];
        }

        MemoryBudget.Require((double)total * System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), 0, nameof(sizes), $"The network's {total:N0} weights and biases");
    }

    /// <summary>The network's outputs for <paramref name="batch"/> samples; valid until the next forward pass.</summary>
    public ReadOnlySpan<T> Forward(ReadOnlySpan<T> x, int batch)
    {
        CheckBatch(x, batch);
        var a = x;
        foreach (var layer in Layers) a = layer.Forward(a, batch);
        return a;
    }

    /// <summary>
    /// One forward and backward pass over a batch with class labels (cross-entropy, or squared error against one-hot
    /// targets); fills every layer's gradients and returns the batch's loss.
    /// </summary>
    public T ComputeGradients(ReadOnlySpan<T> x, ReadOnlySpan<int> labels, int batch)
    {
        if (labels.Length != batch) throw new ArgumentException($"{labels.Length} labels for {batch} samples.", nameof(labels));
        var output = Forward(x, batch);
        var gradient = Layers[^1].OutputGradient(batch);
        T loss = T.Zero, scale = T.One / T.CreateChecked(batch);
        int width = Outputs;
        for (int r = 0; r < batch; r++)
        {
            int label = labels[r];
            if ((uint)label >= (uint)width) throw new ArgumentOutOfRangeException(nameof(labels), label, $"Labels must be in 0 … {width - 1}.");
            var a = output.Slice(r * width, width);
            var g = gradient.Slice(r * width, width);
            if (Loss == LossFunction.SoftmaxCrossEntropy)
            {
                loss -= T.Log(T.Max(a[label], T.Epsilon));
                TensorPrimitives.Multiply(a, scale, g);
                g[label] -= scale;
            }
            else
            {
                for (int o = 0; o < width; o++)
                {
                    T diff = a[o] - (o == label ? T.One : T.Zero);
                    loss += diff * diff;
                    g[o] = T.CreateChecked(2) * diff * scale;
                }
            }
        }
        Backpropagate(x, batch);
        return loss * scale;
    }

    /// <summary>One forward and backward pass against dense targets (squared error only); returns the batch's loss.</summary>
    public T ComputeGradients(ReadOnlySpan<T> x, ReadOnlySpan<T> targets, int batch)
    {
        if (Loss != LossFunction.MeanSquaredError) throw new InvalidOperationException("Dense targets need the squared-error loss; give class labels for cross-entropy.");
        if (targets.Length != batch * Outputs) throw new ArgumentException($"{targets.Length} target values for {batch} samples of {Outputs} outputs.", nameof(targets));
        var output = Forward(x, batch);
        var gradient = Layers[^1].OutputGradient(batch);
        T scale = T.One / T.CreateChecked(batch);
        TensorPrimitives.Subtract(output, targets, gradient);
        T loss = TensorPrimitives.SumOfSquares<T>(gradient) * scale;
        TensorPrimitives.Multiply(gradient, T.CreateChecked(2) * scale, gradient);
        Backpropagate(x, batch);
        return loss;
    }

    /// <summary>The most likely class of each of <paramref name="rows"/> samples (batched to bound memory).</summary>
    public int[] Predict(ReadOnlySpan<T> x, int rows, int batchSize = 256)
    {
        CheckBatch(x, rows);
        var predictions = new int[rows];
        for (int start = 0; start < rows; start += batchSize)
        {
            int count = Math.Min(batchSize, rows - start);
            var output = Forward(x.Slice(start * Inputs, count * Inputs), count);
            for (int r = 0; r < count; r++) predictions[start + r] = TensorPrimitives.IndexOfMax(output.Slice(r * Outputs, Outputs));
        }
        return predictions;
    }

    private void Backpropagate(ReadOnlySpan<T> x, int batch)
    {
        bool preActivation = Loss == LossFunction.SoftmaxCrossEntropy;   // softmax + cross-entropy: ∂L/∂z = (a − y)/B
        for (int i = Layers.Count - 1; i >= 0; i--)
        {
            var below = i == 0 ? Span<T>.Empty : Layers[i - 1].OutputGradient(batch);
            Layers[i].Backward(i == 0 ? x : Layers[i - 1].LastOutput(batch), batch, preActivation && i == Layers.Count - 1, below);
        }
    }

    private void CheckBatch(ReadOnlySpan<T> x, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        if (x.Length != batch * Inputs)
            throw new ArgumentException($"{x.Length} input values for {batch} samples of {Inputs} features (the network's input size).", nameof(x));
    }
}
