using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Calculus;

/// <summary>Why <see cref="NewtonRaphson"/> stopped.</summary>
public enum NewtonStopReason
{
    /// <summary>|f(x)| fell below the tolerance.</summary>
    ResidualTolerance,
    /// <summary>The step fell below the tolerance relative to x.</summary>
    StepTolerance,
    /// <summary>f′(x) = 0 (or the Jacobian is singular): the tangent never crosses zero.</summary>
    ZeroDerivative,
    /// <summary>The iterates left every bound (|x| above 10¹⁰⁰, or not finite), or |f| kept growing.</summary>
    Diverged,
    /// <summary>The iteration limit was reached first.</summary>
    MaxIterations,
}

/// <summary>Options of <see cref="NewtonRaphson"/>.</summary>
public sealed record NewtonOptions
{
    /// <summary>Stop when |f(x)| (‖f(x)‖∞ in n-D) is at most this (positive; checked when set).</summary>
    public double Tolerance { get; init => field = Setting.Positive(value, nameof(Tolerance), "The tolerance"); } = 1e-12;

    /// <summary>Stop when ‖δ‖∞ ≤ StepTolerance·(1 + ‖x‖∞) (≥ 0; checked when set).</summary>
    public double StepTolerance { get; init => field = Setting.NonNegative(value, nameof(StepTolerance), "The step tolerance"); } = 1e-15;

    /// <summary>Iteration limit (at least 1; checked when set).</summary>
    public int MaxIterations { get; init => field = Setting.AtLeast(value, 1, nameof(MaxIterations), "The iteration limit"); } = 100;

    /// <summary>Declare divergence after this many consecutive steps that increase |f| by a factor above 2 (at least 1).</summary>
    public int GrowthLimit { get; init => field = Setting.AtLeast(value, 1, nameof(GrowthLimit), "The growth limit"); } = 10;
}

/// <summary>A root found (or not) by <see cref="NewtonRaphson"/>, with the path of iterates x₀, x₁, ….</summary>
public sealed record NewtonResult(double[] Root, double[] Residual, int Iterations, bool Converged, NewtonStopReason StopReason, IReadOnlyList<double[]> Path);

/// <summary>
/// Newton–Raphson root finding: follow the tangent to zero. 1-D: xₖ₊₁ = xₖ − f(xₖ)/f′(xₖ); n-D: solve J(xₖ)δ = −f(xₖ)
/// (LU with partial pivoting) and set xₖ₊₁ = xₖ + δ. Convergence is quadratic near a simple root, but the method can
/// cycle or run away from a bad start (the course's example f(x) = x⁶/6 − 3x⁴ − 2x³/3 + 27x²/2 + 18x − 30 from x₀ = 3.1),
/// so the result reports why it stopped: a zero derivative, divergence, or the iteration limit.
/// Reference: Nocedal &amp; Wright, Numerical Optimization (2nd ed.), §11.1.
/// </summary>
public static class NewtonRaphson
{
    /// <summary>1-D Newton with the symbolic derivative of <paramref name="f"/> (an expression in <paramref name="variable"/>).</summary>
    public static NewtonResult FindRoot(Expression f, string variable, double start, NewtonOptions? options = null)
    {
        var fc = f.Compile([variable]);
        var dfc = f.Differentiate(variable).Compile([variable]);
        return FindRoot(x => fc([x]), x => dfc([x]), start, options);
    }

    /// <summary>1-D Newton with a given derivative.</summary>
    public static NewtonResult FindRoot(Func<double, double> f, Func<double, double> derivative, double start, NewtonOptions? options = null) =>
        FindRoot(x => [f(x[0])], x => Matrix.FromRows([derivative(x[0])]), [start], options);

    /// <summary>n-D Newton: f: ℝⁿ → ℝⁿ with its Jacobian.</summary>
    public static NewtonResult FindRoot(Func<double[], double[]> f, Func<double[], Matrix> jacobian, double[] start, NewtonOptions? options = null)
    {
        var o = options ?? new NewtonOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(o.MaxIterations, nameof(options));
        var x = (double[])start.Clone();
        var path = new List<double[]> { (double[])x.Clone() };
        var fx = f(x);
        if (fx.Length != x.Length) throw new DimensionMismatchException($"f returns {fx.Length} values for {x.Length} unknowns.", nameof(f));
        if (!Finite.All(fx)) throw new ArgumentException($"f is not finite at the start point [{string.Join(", ", x)}].", nameof(start));
        int growth = 0;
        for (int k = 0; ; k++)
        {
            double norm = NormInf(fx);
            if (norm <= o.Tolerance) return new(x, fx, k, true, NewtonStopReason.ResidualTolerance, path);
            if (k == o.MaxIterations) return new(x, fx, k, false, NewtonStopReason.MaxIterations, path);
            var j = jacobian(x);
            if (!j.IsFinite()) return new(x, fx, k, false, NewtonStopReason.ZeroDerivative, path);
            var lu = LuDecomposition.Decompose(j);
            if (lu.IsSingular) return new(x, fx, k, false, NewtonStopReason.ZeroDerivative, path);
            var delta = lu.Solve(-Vector.Of(fx));
            for (int i = 0; i < x.Length; i++) x[i] += delta[i];
            path.Add((double[])x.Clone());
            var next = f(x);
            if (!Finite.All(x) || !Finite.All(next) || NormInf(x) > 1e100) return new(x, next, k + 1, false, NewtonStopReason.Diverged, path);
            growth = NormInf(next) > 2 * norm ? growth + 1 : 0;
            fx = next;
            if (growth >= o.GrowthLimit) return new(x, fx, k + 1, false, NewtonStopReason.Diverged, path);
            if (delta.NormInfinity() <= o.StepTolerance * (1 + NormInf(x)))
            {
                bool small = NormInf(fx) <= Math.Sqrt(o.Tolerance);
                return new(x, fx, k + 1, small, NewtonStopReason.StepTolerance, path);
            }
        }
    }

    private static double NormInf(double[] v) => v.Length == 0 ? 0 : v.Max(Math.Abs);
}
