using System.Numerics;
using System.Numerics.Tensors;
using MathForML.Kernels;

namespace MathForML.NeuralNetworks;

/// <summary>
/// A fully connected layer on a batch of B samples stored one a row: Z = X·W + 1·bᵀ, A = f(Z), with W of shape
/// inputs × outputs (the row-vector form of the course's z = Wa + b, so this W is the <em>transpose</em> of the course's
/// outputs × inputs W: <see cref="CourseNetwork"/> keeps the course's layout). Forward and backward sit side by side:
/// given G = ∂L/∂A, backward forms ∂L/∂Z = G ⊙ f'(Z), then ∂L/∂W = Xᵀ·∂L/∂Z, ∂L/∂b = the column sums of ∂L/∂Z, and
/// ∂L/∂X = ∂L/∂Z·Wᵀ for the layer below. Every product runs on the shared GEMM kernel.
/// </summary>
/// <typeparam name="T">float for fast training, double for gradient checks.</typeparam>
public sealed class DenseLayer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _output = [];
    private T[] _gradient = [];

    /// <summary>A layer with the given weights (inputs × outputs, row-major) and biases.</summary>
    public DenseLayer(int inputs, int outputs, Activation activation, T[] weights, T[] biases)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        if (weights.Length != inputs * outputs)
            throw new ArgumentException($"A {inputs}→{outputs} layer needs {inputs * outputs} weights, got {weights.Length}.", nameof(weights));
        if (biases.Length != outputs) throw new ArgumentException($"A {inputs}→{outputs} layer needs {outputs} biases, got {biases.Length}.", nameof(biases));
        Inputs = inputs;
        Outputs = outputs;
        Activation = activation;
        Weights = weights;
        Biases = biases;
        WeightGradient = new T[weights.Length];
        BiasGradient = new T[outputs];
    }

    /// <summary>Inputs per sample.</summary>
    public int Inputs { get; }

    /// <summary>Outputs per sample.</summary>
    public int Outputs { get; }

    /// <summary>The layer's non-linearity.</summary>
    public Activation Activation { get; }

    /// <summary>W, inputs × outputs, row-major.</summary>
    public T[] Weights { get; }

    /// <summary>b, one per output.</summary>
    public T[] Biases { get; }

    /// <summary>∂L/∂W from the last <see cref="Backward"/>.</summary>
    public T[] WeightGradient { get; }

    /// <summary>∂L/∂b from the last <see cref="Backward"/>.</summary>
    public T[] BiasGradient { get; }

    /// <summary>A = f(X·W + b) for <paramref name="batch"/> samples; the result stays valid until the next call.</summary>
    public ReadOnlySpan<T> Forward(ReadOnlySpan<T> x, int batch)
    {
        var a = Buffer(ref _output, batch);
        Gemm.Multiply(Op.None, Op.None, batch, Outputs, Inputs, T.One, x, Inputs, Weights, Outputs, T.Zero, a, Outputs);
        for (int r = 0; r < batch; r++) TensorPrimitives.Add(a.Slice(r * Outputs, Outputs), Biases, a.Slice(r * Outputs, Outputs));
        ActivationFunctions.Forward(Activation, a, batch, Outputs);
        return a;
    }

    /// <summary>The output A of the last forward pass over <paramref name="batch"/> samples.</summary>
    internal ReadOnlySpan<T> LastOutput(int batch) => _output.AsSpan(0, batch * Outputs);

    /// <summary>The gradient buffer of this layer's output for the current batch (the loss writes ∂L/∂A or ∂L/∂Z here).</summary>
    internal Span<T> OutputGradient(int batch) => Buffer(ref _gradient, batch);

    /// <summary>
    /// Back-propagates the gradient held in <see cref="OutputGradient"/> (∂L/∂A, or ∂L/∂Z when
    /// <paramref name="gradientIsPreActivation"/>) through the layer, given its input X of the last forward pass;
    /// fills the weight and bias gradients and, when <paramref name="inputGradient"/> is not empty, ∂L/∂X.
    /// </summary>
    internal void Backward(ReadOnlySpan<T> x, int batch, bool gradientIsPreActivation, Span<T> inputGradient)
    {
        var dz = _gradient.AsSpan(0, batch * Outputs);
        if (!gradientIsPreActivation) ActivationFunctions.Backward<T>(Activation, _output.AsSpan(0, batch * Outputs), dz, batch, Outputs);
        Gemm.Multiply(Op.Transpose, Op.None, Inputs, Outputs, batch, T.One, x, Inputs, dz, Outputs, T.Zero, WeightGradient, Outputs);
        BiasGradient.AsSpan().Clear();
        for (int r = 0; r < batch; r++) TensorPrimitives.Add(BiasGradient, dz.Slice(r * Outputs, Outputs), BiasGradient);
        if (!inputGradient.IsEmpty)
            Gemm.Multiply(Op.None, Op.Transpose, batch, Inputs, Outputs, T.One, dz, Outputs, Weights, Outputs, T.Zero, inputGradient, Inputs);
    }

    private Span<T> Buffer(ref T[] buffer, int batch)
    {
        int length = batch * Outputs;
        if (buffer.Length < length) buffer = new T[length];
        return buffer.AsSpan(0, length);
    }
}
