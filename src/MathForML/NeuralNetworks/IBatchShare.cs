using System.Numerics;

namespace MathForML.NeuralNetworks;

/// <summary>
/// How the samples of every training batch are shared among cooperating processes (data-parallel training, e.g. the
/// ranks of an MPI job): which slice of each batch this process computes, and how the slices' gradients become the
/// whole batch's. Implemented by MathForML.Distributed.
/// </summary>
internal interface IBatchShare
{
    /// <summary>This process's rows [First, End) of a batch of <paramref name="count"/> samples (possibly none).</summary>
    (int First, int End) Slice(int count);

    /// <summary>
    /// Replaces the network's gradients — the means over this process's <paramref name="rows"/> samples (zero when it
    /// has none) — by the means over the whole batch of <paramref name="count"/>, the same bits on every process, and
    /// returns the whole batch's loss from this slice's <paramref name="loss"/>.
    /// </summary>
    double Combine<T>(Mlp<T> network, double loss, int rows, int count)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Whether this process measures the accuracies after each epoch (one process is enough).</summary>
    bool Evaluates { get; }
}
