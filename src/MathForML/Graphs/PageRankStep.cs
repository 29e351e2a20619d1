namespace MathForML.Graphs;

/// <summary>One step of the power iteration, as reported to a progress display.</summary>
/// <param name="Iteration">The step just taken (from 1).</param>
/// <param name="Residual">Its change ‖x_new − x_old‖₁.</param>
public readonly record struct PageRankStep(int Iteration, double Residual);
