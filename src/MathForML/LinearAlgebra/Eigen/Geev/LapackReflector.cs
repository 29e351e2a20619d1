using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen.Geev;

/// <summary>
/// An elementary reflector H = I − τ·v·vᵀ with v₀ = 1 that maps (α, x) to (β, 0), β = −sign(α)·‖(α, x)‖₂, as LAPACK
/// dlarfg generates it: τ = (β − α)/β and v = (1, x/(α − β)). When x = 0 it is the identity (τ = 0), whatever α's sign.
/// </summary>
internal static class LapackReflector
{
    /// <summary>
    /// Generates the reflector for (<paramref name="alpha"/>, <paramref name="x"/>): overwrites x with v's tail and
    /// returns (β, τ). (β = α when τ = 0.)
    /// </summary>
    public static (double Beta, double Tau) Generate(double alpha, Span<double> x)
    {
        double xnorm = SafeNorm.Of(x);
        if (xnorm == 0) return (alpha, 0);
        double beta = -Math.CopySign(LapackConstants.Pythag(alpha, xnorm), alpha);
        const double safeMin = LapackConstants.SafeMinimum / LapackConstants.Epsilon;
        int rescaled = 0;
        if (Math.Abs(beta) < safeMin)
        {
            // β and ‖x‖ may be inaccurate: scale x up and recompute them (dlarfg's loop, at most 20 times).
            const double reciprocal = 1 / safeMin;
            do
            {
                rescaled++;
                foreach (ref double v in x) v *= reciprocal;
                beta *= reciprocal;
                alpha *= reciprocal;
            }
            while (Math.Abs(beta) < safeMin && rescaled < 20);
            xnorm = SafeNorm.Of(x);
            beta = -Math.CopySign(LapackConstants.Pythag(alpha, xnorm), alpha);
        }

        double tau = (beta - alpha) / beta;
        double factor = 1 / (alpha - beta);
        foreach (ref double v in x) v *= factor;
        for (int j = 0; j < rescaled; j++) beta *= safeMin;
        return (beta, tau);
    }
}
