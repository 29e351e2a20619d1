using MathForML.LinearAlgebra;
using MathForML.Randomness;

namespace MathForML.Optimization;

/// <summary>
/// The course's <c>next_step(f, J, H)</c> functions for the sandpit's steepest-descent mode: given the depth f, the
/// Jacobian J and the Hessian H at the current point, the step to take. They are the steps of
/// <see cref="DescentSteps"/>; any <c>Func&lt;double, double[], Matrix, double[]&gt;</c> of the player's own will do as well.
/// </summary>
public static class SandpitStrategies
{
    /// <summary>The course's γ: the graded <c>next_step</c> returns −0.5·J.</summary>
    public const double CourseGamma = 0.5;

    /// <summary>The longest Newton step the course's hybrid keeps (its <c>np.linalg.norm(step) &gt; 2</c>).</summary>
    public const double CourseNewtonLimit = 2;

    /// <summary>s = −γ·J (the graded answer with γ = 0.5).</summary>
    public static Func<double, double[], Matrix, double[]> Gradient(double gamma = CourseGamma)
    {
        CheckGamma(gamma);
        return (_, j, _) => DescentSteps.Gradient(j, gamma);
    }

    /// <summary>s = −H⁻¹·J, to the stationary point of the local quadratic (a maximum or saddle too).</summary>
    /// <remarks>The returned function throws <see cref="SingularMatrixException"/> where H is singular, as the course's <c>np.linalg.inv</c> does.</remarks>
    public static Func<double, double[], Matrix, double[]> Newton() =>
        (_, j, h) => DescentSteps.Newton(j, h) ?? throw new SingularMatrixException("The Hessian is singular: the Newton step −H⁻¹J does not exist.");

    /// <summary>
    /// The course's hybrid: the Newton step, unless it does not go downhill (s·(−J) ≤ 0) or is longer than
    /// <paramref name="newtonLimit"/>; then −γ·J (also where H is singular).
    /// </summary>
    public static Func<double, double[], Matrix, double[]> Hybrid(double gamma = CourseGamma, double newtonLimit = CourseNewtonLimit)
    {
        CheckGamma(gamma);
        if (!(newtonLimit > 0)) throw new ArgumentOutOfRangeException(nameof(newtonLimit), newtonLimit, "The Newton step limit must be positive.");
        return (_, j, h) =>
        {
            var newton = DescentSteps.Newton(j, h);
            return newton is not null && DescentSteps.IsDownhillAndShort(j, newton, newtonLimit) ? newton : DescentSteps.Gradient(j, gamma);
        };
    }

    /// <summary>
    /// The hybrid with a random limit, as one version of the course's notebook writes it:
    /// <c>if step @ -J &lt;= 0 or np.linalg.norm(step) &gt; np.random.random(): step = -gamma * J</c>. The uniform limit is
    /// drawn from <paramref name="random"/> only when the Newton step goes downhill (Python's <c>or</c> stops at the
    /// first true test), so the stream stays in step with the course's.
    /// </summary>
    public static Func<double, double[], Matrix, double[]> Hybrid(double gamma, NumPyRandom random)
    {
        CheckGamma(gamma);
        ArgumentNullException.ThrowIfNull(random);
        return (_, j, h) =>
        {
            var newton = DescentSteps.Newton(j, h);
            if (newton is null || !DescentSteps.IsDownhill(j, newton)) return DescentSteps.Gradient(j, gamma);
            return DescentSteps.Length(newton) > random.RandomSample() ? DescentSteps.Gradient(j, gamma) : newton;
        };
    }

    private static void CheckGamma(double gamma)
    {
        if (!(gamma > 0) || !double.IsFinite(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be a positive number.");
    }
}
