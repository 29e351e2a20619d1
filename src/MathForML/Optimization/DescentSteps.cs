using MathForML.LinearAlgebra;

namespace MathForML.Optimization;

/// <summary>
/// The three steps of the course's sandpit (Multivariate Calculus, week 5), shared by <see cref="GradientDescent"/>
/// and the sandpit game (<see cref="SandpitStrategies"/>):
/// the gradient step s = −γJ, the Newton step s = −H⁻¹J (solving H·s = −J by LU), and the hybrid's test of a Newton
/// step, which keeps it only when it goes downhill, s·(−J) &gt; 0, and is at most a given length long.
/// J is the gradient (the course's Jacobian row), H the Hessian.
/// Reference: Nocedal &amp; Wright, Numerical Optimization (2nd ed.), §3.1 (steepest descent) and §3.3 (Newton).
/// </summary>
public static class DescentSteps
{
    /// <summary>The gradient step s = −γ·J.</summary>
    public static double[] Gradient(ReadOnlySpan<double> j, double gamma)
    {
        var s = new double[j.Length];
        for (int i = 0; i < s.Length; i++) s[i] = -gamma * j[i];
        return s;
    }

    /// <summary>The Newton step s = −H⁻¹·J, by an LU solve of H·s = −J; null when H is singular (the step does not exist).</summary>
    /// <exception cref="DimensionMismatchException">H is not square of J's length.</exception>
    public static double[]? Newton(ReadOnlySpan<double> j, Matrix h)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (h.Rows != j.Length || h.Columns != j.Length)
            throw new DimensionMismatchException($"The Hessian must be {j.Length}×{j.Length} for a gradient of length {j.Length}; it is {h.Rows}×{h.Columns}.");
        var lu = LuDecomposition.Decompose(h);
        if (lu.IsSingular) return null;
        var minusJ = new double[j.Length];
        for (int i = 0; i < minusJ.Length; i++) minusJ[i] = -j[i];
        return lu.Solve(Vector.Of(minusJ)).ToArray();
    }

    /// <summary>
    /// The course's hybrid test of a Newton step s: it is kept when it goes downhill, s·(−J) &gt; 0, and
    /// ‖s‖ ≤ <paramref name="maxLength"/>; otherwise the hybrid takes −γJ instead. (The course writes the opposite
    /// test, <c>step @ -J &lt;= 0 or norm(step) &gt; limit</c>, for falling back to the gradient.)
    /// </summary>
    public static bool IsDownhillAndShort(ReadOnlySpan<double> j, ReadOnlySpan<double> s, double maxLength) =>
        IsDownhill(j, s) && Length(s) <= maxLength;

    /// <summary>Whether s goes downhill: s·(−J) &gt; 0 (false for NaN).</summary>
    public static bool IsDownhill(ReadOnlySpan<double> j, ReadOnlySpan<double> s)
    {
        double descent = 0;
        for (int i = 0; i < s.Length; i++) descent += s[i] * -j[i];
        return descent > 0;
    }

    /// <summary>The Euclidean length ‖s‖.</summary>
    public static double Length(ReadOnlySpan<double> s)
    {
        double sum = 0;
        foreach (double v in s) sum += v * v;
        return Math.Sqrt(sum);
    }
}
