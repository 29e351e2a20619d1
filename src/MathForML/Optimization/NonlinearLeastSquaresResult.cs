using MathForML.LinearAlgebra;

namespace MathForML.Optimization;

/// <summary>
/// The outcome of a least-squares fit. <see cref="Covariance"/> is σ²(JᵀJ)⁻¹ at the solution with σ² = S/(N − k)
/// (S the residual sum of squares, N observations, k parameters), and the standard errors are the square roots of its
/// diagonal: the conventions of NIST StRD and of scipy's <c>curve_fit</c>.
/// </summary>
public sealed record NonlinearLeastSquaresResult
{
    /// <summary>The parameter names.</summary>
    public required IReadOnlyList<string> ParameterNames { get; init; }

    /// <summary>The fitted parameters b.</summary>
    public required double[] Parameters { get; init; }

    /// <summary>Standard errors √diag(Covariance) (NaN when JᵀJ is singular).</summary>
    public required double[] StandardErrors { get; init; }

    /// <summary>σ²(JᵀJ)⁻¹.</summary>
    public required Matrix Covariance { get; init; }

    /// <summary>S = Σᵢ (yᵢ − f(xᵢ; b))².</summary>
    public required double ResidualSumOfSquares { get; init; }

    /// <summary>σ = √(S/(N − k)).</summary>
    public double ResidualStandardDeviation => Math.Sqrt(ResidualSumOfSquares / DegreesOfFreedom);

    /// <summary>N − k.</summary>
    public required int DegreesOfFreedom { get; init; }

    /// <summary>Iterations (Jacobian evaluations).</summary>
    public required int Iterations { get; init; }

    /// <summary>Model evaluations (each over all N observations).</summary>
    public required int FunctionEvaluations { get; init; }

    /// <summary>Whether a convergence test was met.</summary>
    public required bool Converged { get; init; }

    /// <summary>Which test stopped the iteration.</summary>
    public required FitStopReason StopReason { get; init; }

    /// <summary>The solver used.</summary>
    public required NonlinearLeastSquaresMethod Method { get; init; }

    /// <summary>The accepted parameter vectors from the start on (empty unless requested).</summary>
    public required IReadOnlyList<double[]> Path { get; init; }

    /// <summary>S along <see cref="Path"/> (empty unless requested).</summary>
    public required IReadOnlyList<double> PathResidualSumOfSquares { get; init; }
}
