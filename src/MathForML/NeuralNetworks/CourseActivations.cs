using MathForML.LinearAlgebra;

namespace MathForML.NeuralNetworks;

/// <summary>The course network's forward pass: every layer's weighted sum z⁽ⁿ⁾ and activation a⁽ⁿ⁾ (one example a column).</summary>
public sealed record CourseActivations(Matrix A0, Matrix Z1, Matrix A1, Matrix Z2, Matrix A2, Matrix Z3, Matrix A3);

/// <summary>The six Jacobians ∂C/∂W⁽ⁿ⁾ and ∂C/∂b⁽ⁿ⁾ of the course network's cost.</summary>
public sealed record CourseGradients(Matrix W1, Matrix B1, Matrix W2, Matrix B2, Matrix W3, Matrix B3);

/// <summary>The cost recorded during the course network's training, as (iteration, cost) pairs from iteration 0.</summary>
public sealed record CourseTraining(IReadOnlyList<(int Iteration, double Cost)> Costs)
{
    /// <summary>The cost after the last step.</summary>
    public double FinalCost => Costs[^1].Cost;
}
