using MathForML.Calculus;

namespace MathForML.Optimization;

/// <summary>Why <see cref="Bfgs"/> stopped.</summary>
public enum BfgsStopReason
{
    /// <summary>‖g‖∞ fell to the tolerance: a local minimum.</summary>
    GradientTolerance,
    /// <summary>No step along the search direction lowered f enough (f is flat to rounding there).</summary>
    LineSearchFailed,
    /// <summary>The iteration limit was reached.</summary>
    MaxIterations,
    /// <summary>f became non-finite along the way (it falls without bound there); the last finite point is returned.</summary>
    Diverged,
}

/// <summary>The end of a <see cref="Bfgs"/> run.</summary>
/// <param name="Minimum">The last iterate.</param>
/// <param name="Value">f there.</param>
/// <param name="Iterations">Accepted steps.</param>
/// <param name="Converged">Whether the gradient tolerance was met.</param>
/// <param name="StopReason">Why it stopped.</param>
public sealed record BfgsResult(double[] Minimum, double Value, int Iterations, bool Converged, BfgsStopReason StopReason);

/// <summary>
/// Unconstrained minimisation by BFGS (Nocedal &amp; Wright, Numerical Optimization, 2nd ed., Algorithm 6.1), the method
/// SciPy's <c>minimize</c> uses by default, with its defaults: stop when ‖g‖∞ ≤ 10⁻⁵, at most 200·n iterations, the
/// inverse Hessian approximation starting at I and the first step at most about 1 long (SciPy's first line-search trial
/// α = min(1, 1.01/‖g‖)). Gradients are central differences (<see cref="FiniteDifferences.Gradient"/>).
/// </summary>
/// <remarks>
/// The line search is Armijo backtracking (sufficient decrease c₁ = 10⁻⁴, halving), not SciPy's Wolfe search; the update
/// Hₖ₊₁ = (I − ρsyᵀ)Hₖ(I − ρysᵀ) + ρssᵀ, ρ = 1/(yᵀs), is skipped when yᵀs ≤ 0 (curvature condition fails), which
/// keeps H positive definite. So from the same start the two usually find the same local minimum, though not by the
/// same iterates. Cost per iteration: 2n + (line search) evaluations of f and O(n²) arithmetic.
/// </remarks>
public static class Bfgs
{
    /// <summary>SciPy's default gradient tolerance (on ‖g‖∞).</summary>
    public const double DefaultGradientTolerance = 1e-5;

    /// <summary>Minimises f from <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentException">The start is empty or f is not finite there; the tolerance is not positive or the limit below 1.</exception>
    public static BfgsResult Minimize(Func<double[], double> f, double[] start, double gradientTolerance = DefaultGradientTolerance, int? maxIterations = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(start);
        int n = start.Length;
        if (n == 0) throw new ArgumentException("The start point is empty.", nameof(start));
        var x = (double[])start.Clone();
        double fx = f(x);
        if (!double.IsFinite(fx)) throw new ArgumentException($"f is not finite at the start point [{string.Join(", ", x)}].", nameof(start));
        if (!(gradientTolerance > 0)) throw new ArgumentOutOfRangeException(nameof(gradientTolerance), gradientTolerance, "The gradient tolerance must be positive.");
        int limit = maxIterations ?? 200 * n;
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "The iteration limit must be at least 1.");
        var h = Identity(n);
        var g = FiniteDifferences.Gradient(f, x);
        var next = new double[n];
        var d = new double[n];
        for (int iteration = 0; iteration < limit; iteration++)
        {
            if (!g.All(double.IsFinite)) return new(x, fx, iteration, false, BfgsStopReason.Diverged);
            if (g.Max(Math.Abs) <= gradientTolerance) return new(x, fx, iteration, true, BfgsStopReason.GradientTolerance);
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++) sum -= h[i, j] * g[j];
                d[i] = sum;
            }
            double slope = Dot(g, d);
            if (!(slope < 0))
            {
                h = Identity(n);
                for (int i = 0; i < n; i++) d[i] = -g[i];
                slope = -Dot(g, g);
            }
            double t = iteration == 0 ? Math.Min(1, 1.01 / Math.Sqrt(Dot(g, g))) : 1;
            double fNext = double.NaN;
            bool accepted = false, sawNonFinite = false;
            for (int trial = 0; trial < 60 && !accepted; trial++, t /= 2)
            {
                for (int i = 0; i < n; i++) next[i] = x[i] + (t * d[i]);
                fNext = f(next);
                if (!double.IsFinite(fNext)) sawNonFinite = true;
                else accepted = fNext <= fx + (1e-4 * t * slope);
            }
            if (!accepted) return new(x, fx, iteration, false, sawNonFinite ? BfgsStopReason.Diverged : BfgsStopReason.LineSearchFailed);
            var gNext = FiniteDifferences.Gradient(f, next);
            var s = new double[n];
            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                s[i] = next[i] - x[i];
                y[i] = gNext[i] - g[i];
            }
            double ys = Dot(y, s);
            if (ys > 0) Update(h, s, y, 1 / ys);
            Array.Copy(next, x, n);
            fx = fNext;
            g = gNext;
        }
        return new(x, fx, limit, false, BfgsStopReason.MaxIterations);
    }

    /// <summary>H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, expanded: H − ρ(s(Hy)ᵀ + (Hy)sᵀ) + (ρ²yᵀHy + ρ)ssᵀ (H symmetric).</summary>
    private static void Update(double[,] h, double[] s, double[] y, double rho)
    {
        int n = s.Length;
        var hy = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) hy[i] += h[i, j] * y[j];
        double yhy = Dot(y, hy);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                h[i, j] += (-rho * ((s[i] * hy[j]) + (hy[i] * s[j]))) + (((rho * rho * yhy) + rho) * s[i] * s[j]);
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++) m[i, i] = 1;
        return m;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
