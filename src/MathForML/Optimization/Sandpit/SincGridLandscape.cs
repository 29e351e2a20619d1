using MathForML.Randomness;

namespace MathForML.Optimization;

/// <summary>
/// The course's <c>sandpit_multiple_minima</c>: sinc bumps at the even points and dips at the odd points of a grid in
/// rotated, shifted coordinates (u, v), with one extra dip at (u₀, v₀) that makes the global minimum
/// (see <see cref="SandpitLandscape"/> for the formula).
/// </summary>
internal sealed class SincGridLandscape
{
    private static readonly (double A, double B)[] Bumps = [(0, 0), (2, 0), (4, 0), (0, 2), (2, 2), (4, 2), (0, 4), (2, 4), (4, 4), (0, 6), (2, 6)];
    private static readonly (double A, double B)[] Dips = [(1, 1), (3, 1), (1, 3), (3, 3), (1, 5), (3, 5)];

    private readonly double _cos, _sin, _u0, _v0, _u1, _v1;

    private SincGridLandscape(double theta, double u0, double v0, double u1, double v1)
    {
        _cos = Math.Cos(theta);
        _sin = Math.Sin(theta);
        (_u0, _v0, _u1, _v1) = (u0, v0, u1, v1);
    }

    /// <summary>θ = 2π·U, u₀ = choice(1, 3), v₀ = choice(1, 3), u₁ = (U − ½)·2/3, v₁ = (U − ½)·2/3, drawn in this order.</summary>
    public static SincGridLandscape Draw(NumPyRandom random)
    {
        double theta = 2 * Math.PI * random.RandomSample();
        double u0 = random.Choice<int>([1, 3]);
        double v0 = random.Choice<int>([1, 3]);
        double u1 = (random.RandomSample() - 0.5) * 2 / 3;
        double v1 = (random.RandomSample() - 0.5) * 2 / 3;
        return new SincGridLandscape(theta, u0, v0, u1, v1);
    }

    public double Evaluate(double x, double y)
    {
        double u = ((x - 3) * _cos) + ((y - 3) * _sin) + 2 + _u1;
        double v = (-(x - 3) * _sin) + ((y - 3) * _cos) + 3 + _v1;
        double total = 0;
        foreach (var (a, b) in Bumps) total += Sinc(u - a) * Sinc(v - b);
        foreach (var (a, b) in Dips) total += -Sinc(u - a) * Sinc(v - b);
        total += -Sinc(u - _u0) * Sinc(v - _v0);
        return total;
    }

    /// <summary>NumPy's sinc: sin(πt)/(πt), with t = 0 replaced by 10⁻²⁰ (so sinc 0 = 1), as <c>np.sinc</c> computes it.</summary>
    internal static double Sinc(double t)
    {
        double y = Math.PI * (t == 0 ? 1.0e-20 : t);
        return Math.Sin(y) / y;
    }
}
