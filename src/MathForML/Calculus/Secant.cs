namespace MathForML.Calculus;

/// <summary>Why <see cref="Secant"/> stopped.</summary>
public enum SecantStopReason
{
    /// <summary>The new iterate is within the tolerance of the last one: |xₖ₊₁ − xₖ| ≤ tolerance.</summary>
    StepTolerance,
    /// <summary>f(xₖ₋₁) = f(xₖ): the secant is flat and never crosses zero; the root reported is the midpoint of the two.</summary>
    ZeroSlope,
    /// <summary>An iterate or a value of f is not finite.</summary>
    Diverged,
    /// <summary>The iteration limit was reached first; the root reported is the last iterate.</summary>
    MaxIterations,
}

/// <summary>
/// A root found (or not) by <see cref="Secant"/>: the root, f there, the iterations and the calls of f that the
/// iteration made (as SciPy counts them; <see cref="Residual"/> costs one more), why it stopped, and the path
/// x₀, x₁, x₂, … of the iterates.
/// </summary>
public sealed record SecantResult(double Root, double Residual, int Iterations, int FunctionCalls, bool Converged, SecantStopReason StopReason, IReadOnlyList<double> Path);

/// <summary>
/// The secant method: Newton–Raphson with the derivative replaced by the slope through the last two points,
/// xₖ₊₁ = xₖ − f(xₖ)·(xₖ − xₖ₋₁)/(f(xₖ) − f(xₖ₋₁)). No derivative is needed; convergence near a simple root is
/// superlinear (order (1 + √5)/2 ≈ 1.618). The course's Newton–Raphson quiz compares it with Newton's method on
/// f(x) = x⁶/6 − 3x⁴ − 2x³/3 + 27x²/2 + 18x − 30: from x₀ = 3.1 the secant method finds 1.063070629709697.
/// </summary>
/// <remarks>
/// This is SciPy's <c>scipy.optimize.newton(f, x0)</c> without <c>fprime</c>, step for step and to the bit
/// (scipy/optimize/_zeros_py.py, SciPy 1.10): the second point defaults to x₁ = x₀(1 + 10⁻⁴) ± 10⁻⁴ (the sign of
/// x₀(1 + 10⁻⁴)); the two starting points are swapped when |f(x₁)| &lt; |f(x₀)|; each step is written as
/// (−f₀/f₁·x₁ + x₀)/(1 − f₀/f₁) when |f₁| &gt; |f₀| and (−f₁/f₀·x₀ + x₁)/(1 − f₁/f₀) otherwise, the forms that keep the
/// ratio below 1; it stops when |xₖ₊₁ − xₖ| ≤ tolerance (SciPy's <c>np.isclose</c> with <c>rtol = 0</c>). Where SciPy
/// meets f(xₖ₋₁) = f(xₖ) it warns and returns the midpoint as "converged"; here that midpoint is returned with
/// <see cref="SecantStopReason.ZeroSlope"/> and <c>Converged = false</c>.
/// Reference: Burden &amp; Faires, Numerical Analysis (9th ed.), §2.3.
/// </remarks>
public static class Secant
{
    /// <summary>SciPy's default tolerance on the step, 1.48·10⁻⁸.</summary>
    public const double DefaultTolerance = 1.48e-8;

    /// <summary>SciPy's default iteration limit, 50.</summary>
    public const int DefaultMaxIterations = 50;

    /// <summary>The second starting point SciPy picks from the first: x₀(1 + 10⁻⁴) + 10⁻⁴, or − 10⁻⁴ when x₀(1 + 10⁻⁴) &lt; 0.</summary>
    public static double DefaultSecondPoint(double x0)
    {
        const double eps = 1e-4;
        double x1 = x0 * (1 + eps);
        return x1 + (x1 >= 0 ? eps : -eps);
    }

    /// <summary>The secant method from <paramref name="x0"/> and SciPy's second point <see cref="DefaultSecondPoint"/>.</summary>
    public static SecantResult Solve(Func<double, double> f, double x0, double tolerance = DefaultTolerance, int maxIterations = DefaultMaxIterations) =>
        Solve(f, x0, DefaultSecondPoint(x0), tolerance, maxIterations);

    /// <summary>The secant method on a formula in one variable.</summary>
    public static SecantResult Solve(Expression f, string variable, double x0, double tolerance = DefaultTolerance, int maxIterations = DefaultMaxIterations)
    {
        ArgumentNullException.ThrowIfNull(f);
        var fc = f.Compile([variable]);
        return Solve(x => fc([x]), x0, tolerance, maxIterations);
    }

    /// <summary>
    /// The secant method from the two starting points <paramref name="x0"/> and <paramref name="x1"/>.
    /// </summary>
    /// <exception cref="ArgumentException">x₀ = x₁, a start is not finite, or f is not finite at a start.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is not positive or the iteration limit is below 1.</exception>
    public static SecantResult Solve(Func<double, double> f, double x0, double x1, double tolerance, int maxIterations)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!double.IsFinite(x0)) throw new ArgumentException($"The start x0 must be finite, got {x0}.", nameof(x0));
        if (!double.IsFinite(x1)) throw new ArgumentException($"The start x1 must be finite, got {x1}.", nameof(x1));
        if (x0 == x1) throw new ArgumentException($"The two starting points must differ, both are {x0}.", nameof(x1));
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be positive.");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        double p0 = x0, p1 = x1;
        double q0 = f(p0), q1 = f(p1);
        int calls = 2;
        if (!double.IsFinite(q0)) throw new ArgumentException($"f is not finite at x0 = {x0}: {q0}.", nameof(x0));
        if (!double.IsFinite(q1)) throw new ArgumentException($"f is not finite at x1 = {x1}: {q1}.", nameof(x1));
        var path = new List<double> { x0, x1 };
        if (Math.Abs(q1) < Math.Abs(q0)) (p0, p1, q0, q1) = (p1, p0, q1, q0);
        double p = p1;
        for (int k = 1; k <= maxIterations; k++)
        {
            if (q1 == q0)
            {
                p = (p1 + p0) / 2.0;
                return Result(f, p, k, calls, false, SecantStopReason.ZeroSlope, path);
            }
            p = Math.Abs(q1) > Math.Abs(q0)
                ? (-q0 / q1 * p1 + p0) / (1 - q0 / q1)
                : (-q1 / q0 * p0 + p1) / (1 - q1 / q0);
            path.Add(p);
            if (!double.IsFinite(p)) return Result(f, p, k, calls, false, SecantStopReason.Diverged, path);
            if (Math.Abs(p - p1) <= tolerance) return Result(f, p, k, calls, true, SecantStopReason.StepTolerance, path);
            (p0, q0) = (p1, q1);
            p1 = p;
            q1 = f(p1);
            calls++;
            if (!double.IsFinite(q1)) return Result(f, p, k, calls, false, SecantStopReason.Diverged, path);
        }
        return Result(f, p, maxIterations, calls, false, SecantStopReason.MaxIterations, path);
    }

    private static SecantResult Result(Func<double, double> f, double root, int iterations, int calls, bool converged, SecantStopReason reason, List<double> path) =>
        new(root, double.IsFinite(root) ? f(root) : double.NaN, iterations, calls, converged, reason, path);
}
