using System.Numerics;
using System.Numerics.Tensors;

namespace MathForML.NeuralNetworks;

/// <summary>Which update rule training uses.</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent, optionally with momentum: v ← μv − ηg, θ ← θ + v.</summary>
    Sgd,

    /// <summary>
    /// Adam (Kingma &amp; Ba 2015): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m̂/(√v̂ + ε) with the bias
    /// corrections m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
    /// </summary>
    Adam,
}

/// <summary>Applies one update to every layer's weights and biases from the gradients of the last backward pass.</summary>
internal sealed class Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly OptimizerKind _kind;
    private readonly T _momentum;
    private readonly T[][] _first;
    private readonly T[][] _second;
    private readonly T[] _scratch;
    private int _steps;

    public Optimizer(Mlp<T> network, OptimizerKind kind, double momentum)
    {
        _kind = kind;
        _momentum = T.CreateChecked(momentum);
        var parameters = Parameters(network).ToArray();
        _first = parameters.Select(p => new T[p.Values.Length]).ToArray();
        _second = kind == OptimizerKind.Adam ? parameters.Select(p => new T[p.Values.Length]).ToArray() : [];
        _scratch = new T[parameters.Max(p => p.Values.Length)];
    }

    public void Step(Mlp<T> network, double learningRate)
    {
        _steps++;
        T eta = T.CreateChecked(learningRate);
        int index = 0;
        foreach (var (values, gradient) in Parameters(network))
        {
            if (_kind == OptimizerKind.Sgd) Sgd(values, gradient, _first[index], eta);
            else Adam(values, gradient, _first[index], _second[index], eta);
            index++;
        }
    }

    private void Sgd(Span<T> values, ReadOnlySpan<T> gradient, Span<T> velocity, T eta)
    {
        if (_momentum == T.Zero)
        {
            TensorPrimitives.MultiplyAdd(gradient, -eta, values, values);   // θ ← θ − ηg
            return;
        }
        TensorPrimitives.Multiply(velocity, _momentum, velocity);
        TensorPrimitives.MultiplyAdd(gradient, -eta, velocity, velocity);    // v ← μv − ηg
        TensorPrimitives.Add(values, velocity, values);
    }

    private void Adam(Span<T> values, ReadOnlySpan<T> gradient, Span<T> m, Span<T> v, T eta)
    {
        T beta1 = T.CreateChecked(0.9), beta2 = T.CreateChecked(0.999), epsilon = T.CreateChecked(1e-8);
        var scratch = _scratch.AsSpan(0, values.Length);
        TensorPrimitives.Multiply(m, beta1, m);
        TensorPrimitives.MultiplyAdd(gradient, T.One - beta1, m, m);
        TensorPrimitives.Multiply(gradient, gradient, scratch);
        TensorPrimitives.Multiply(v, beta2, v);
        TensorPrimitives.MultiplyAdd(scratch, T.One - beta2, v, v);
        T correction1 = T.One - T.Pow(beta1, T.CreateChecked(_steps));
        T correction2 = T.One - T.Pow(beta2, T.CreateChecked(_steps));
        // θ ← θ − η·(m/c₁)/(√(v/c₂) + ε)
        TensorPrimitives.Multiply(v, T.One / correction2, scratch);
        TensorPrimitives.Sqrt<T>(scratch, scratch);
        TensorPrimitives.Add(scratch, epsilon, scratch);
        TensorPrimitives.Divide(m, scratch, scratch);
        TensorPrimitives.MultiplyAdd(scratch, -eta / correction1, values, values);
    }

    private static IEnumerable<(T[] Values, T[] Gradient)> Parameters(Mlp<T> network)
    {
        foreach (var layer in network.Layers)
        {
            yield return (layer.Weights, layer.WeightGradient);
            yield return (layer.Biases, layer.BiasGradient);
        }
    }
}
