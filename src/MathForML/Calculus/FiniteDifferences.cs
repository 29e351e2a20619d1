using MathForML.Numerics;

namespace MathForML.Calculus;

/// <summary>
/// Central finite differences with step control. f′(x) ≈ (f(x + h) − f(x − h))/2h has truncation error h²f‴/6 and
/// rounding error about ε|f|/h; balancing them gives h = ε^(1/3)·max(|x|, 1) ≈ 6·10⁻⁶·max(|x|, 1) and about 10 correct
/// digits. The second difference (f(x + h) − 2f(x) + f(x − h))/h² balances at h = ε^(1/4)·max(|x|, 1).
/// <see cref="Derivative(Func{double, double}, double, double?)"/> also offers Richardson extrapolation
/// (<see cref="RichardsonDerivative"/>), which cancels the h² term: D(h) − (D(2h) − D(h))/3, error O(h⁴).
/// The step is rounded so that x + h is exactly representable (h = (x + h) − x).
/// Reference: Nocedal &amp; Wright, Numerical Optimization (2nd ed.), §8.1.
/// </summary>
public static class FiniteDifferences
{
    /// <summary>The default first-derivative step scale ε^(1/3).</summary>
    public static readonly double FirstStep = Math.Cbrt(MachineEpsilon.Double);

    /// <summary>The default second-derivative step scale ε^(1/4).</summary>
    public static readonly double SecondStep = Math.Pow(MachineEpsilon.Double, 0.25);

    private static double Step(double x, double scale)
    {
        double h = scale * Math.Max(Math.Abs(x), 1);
        double t = x + h;
        return t - x;
    }

    /// <summary>f′(x) by central differences; <paramref name="step"/> overrides the automatic step.</summary>
    public static double Derivative(Func<double, double> f, double x, double? step = null)
    {
        double h = step is { } s ? Positive(s) : Step(x, FirstStep);
        return (f(x + h) - f(x - h)) / (2 * h);
    }

    /// <summary>f′(x) by Richardson extrapolation of two central differences (steps h and 2h), error O(h⁴).</summary>
    public static double RichardsonDerivative(Func<double, double> f, double x, double? step = null)
    {
        double h = step is { } s ? Positive(s) : Step(x, Math.Pow(MachineEpsilon.Double, 0.2));
        double d1 = (f(x + h) - f(x - h)) / (2 * h);
        double d2 = (f(x + 2 * h) - f(x - 2 * h)) / (4 * h);
        return d1 + (d1 - d2) / 3;
    }

    /// <summary>f″(x) by the central second difference.</summary>
    public static double SecondDerivative(Func<double, double> f, double x, double? step = null)
    {
        double h = step is { } s ? Positive(s) : Step(x, SecondStep);
        return (f(x + h) - 2 * f(x) + f(x - h)) / (h * h);
    }

    /// <summary>∇f(x): one central difference per coordinate (2n evaluations).</summary>
    public static double[] Gradient(Func<double[], double> f, ReadOnlySpan<double> x)
    {
        var point = x.ToArray();
        var g = new double[x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            double xj = point[j], h = Step(xj, FirstStep);
            point[j] = xj + h;
            double up = f(point);
            point[j] = xj - h;
            double down = f(point);
            point[j] = xj;
            g[j] = (up - down) / (2 * h);
        }
        return g;
    }

    private static double Positive(double h) =>
        h > 0 && double.IsFinite(h) ? h : throw new ArgumentOutOfRangeException(nameof(h), h, "The step must be positive and finite.");
}
