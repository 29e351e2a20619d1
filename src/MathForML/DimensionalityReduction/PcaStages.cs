using MathForML.Numerics;

namespace MathForML.DimensionalityReduction;

/// <summary>
/// What <see cref="Pca.Fit"/> hands its solver: the token, checked between the stages (and passed into the scatter
/// SYRK and the eigensolver), and the progress reports at the two stage ends every solver has — its matrix product
/// (fraction 0.5) and its eigendecomposition (0.95).
/// </summary>
internal readonly record struct PcaStages(IProgress<WorkProgress>? Progress, CancellationToken Cancellation)
{
    /// <summary>The solver's product (scatter matrix, Gram matrix, range) is done.</summary>
    public void ProductDone(string stage)
    {
        Cancellation.ThrowIfCancellationRequested();
        Progress?.Report(new WorkProgress(stage, 0.5));
    }

    /// <summary>The eigendecomposition is done.</summary>
    public void EigenDone()
    {
        Cancellation.ThrowIfCancellationRequested();
        Progress?.Report(new WorkProgress("eigendecomposition", 0.95));
    }
}
