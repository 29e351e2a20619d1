namespace MathForML.NeuralNetworks;

/// <summary>The non-linearity a = f(z) applied by a dense layer.</summary>
public enum Activation
{
    /// <summary>a = z.</summary>
    Identity,

    /// <summary>a = σ(z) = 1/(1 + e^(−z)); f'(z) = a(1 − a).</summary>
    Sigmoid,

    /// <summary>a = tanh z; f'(z) = 1 − a².</summary>
    Tanh,

    /// <summary>a = max(0, z); f'(z) = 1 for z &gt; 0, else 0.</summary>
    Relu,

    /// <summary>aᵢ = e^(zᵢ) / Σⱼ e^(zⱼ) over one sample's outputs; ∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ).</summary>
    Softmax,
}

/// <summary>What training minimises, averaged over the samples of a batch.</summary>
public enum LossFunction
{
    /// <summary>L = (1/B) Σ_b Σ_o (a − y)², as the course's cost.</summary>
    MeanSquaredError,

    /// <summary>L = −(1/B) Σ_b log a[label] on a softmax output; then ∂L/∂z = (a − onehot(label)) / B.</summary>
    SoftmaxCrossEntropy,
}

/// <summary>How a layer's weights start: zero biases and W drawn from N(0, s²).</summary>
public enum Initialization
{
    /// <summary>He for ReLU layers, Xavier otherwise.</summary>
    Auto,

    /// <summary>s = 1/√fan_in (Glorot &amp; Bengio 2010, in the form LeCun and the numpy peer use).</summary>
    Xavier,

    /// <summary>s = √(2/fan_in) (He et al. 2015), for ReLU.</summary>
    He,
}
