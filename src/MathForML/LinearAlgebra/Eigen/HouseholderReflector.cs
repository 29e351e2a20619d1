using System.Numerics.Tensors;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// The elementary reflector H = I − τ·v·vᵀ with v[0] = 1 that maps x = (α, x₁…) onto (β, 0, …, 0)
/// (LAPACK dlarfg; Golub and Van Loan, 4th ed., §5.1.3): β = −sign(α)·‖x‖, τ = (β − α)/β, v[1..] = x[1..]/(α − β).
/// When x[1..] = 0 there is nothing to annihilate: τ = 0, β = α (H = I, as dlarfg).
/// </summary>
internal static class HouseholderReflector
{
    /// <summary>Overwrites <paramref name="tail"/> (x[1..]) with v[1..] and returns β; <paramref name="tau"/> gets τ.</summary>
    public static double Generate(double alpha, Span<double> tail, out double tau)
    {
        double tailSquares = TensorPrimitives.Dot<double>(tail, tail);
        if (tailSquares == 0)
        {
            tau = 0;
            return alpha;
        }

        double beta = -Math.CopySign(Math.Sqrt(alpha * alpha + tailSquares), alpha);
        tau = (beta - alpha) / beta;
        TensorPrimitives.Multiply(tail, 1 / (alpha - beta), tail);
        return beta;
    }
}
