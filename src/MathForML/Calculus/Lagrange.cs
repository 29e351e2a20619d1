using MathForML.LinearAlgebra;

namespace MathForML.Calculus;

/// <summary>
/// A stationary point of f on the constraint g = 0 found by <see cref="Lagrange"/>: the point x* (values of
/// <see cref="Variables"/> in order), the multiplier λ* with ∇f(x*) = λ*·∇g(x*), f(x*), g(x*), and the Newton
/// iteration that found it (iterations, whether it converged and why it stopped, the path of (x, λ)). The Lagrangian
/// L(x, λ) = f(x) − λ·g(x) and its gradient, the system that was solved, are kept as formulas.
/// </summary>
public sealed record LagrangeResult(
    IReadOnlyList<string> Variables,
    double[] Point,
    double Lambda,
    double Objective,
    double Constraint,
    int Iterations,
    bool Converged,
    NewtonStopReason StopReason,
    Expression Lagrangian,
    IReadOnlyList<Expression> Gradient,
    IReadOnlyList<double[]> Path);

/// <summary>
/// Lagrange multipliers: the extremes of f(x) on the curve or surface g(x) = 0 are among the points where the
/// gradients are parallel, ∇f = λ∇g, with g = 0 — the stationary points of the Lagrangian L(x, λ) = f(x) − λ·g(x),
/// ∇L = (∂f/∂x₁ − λ∂g/∂x₁, …, ∂f/∂xₙ − λ∂g/∂xₙ, −g) = 0. The gradient ∇L is built symbolically from the formulas
/// and solved by <see cref="NewtonRaphson"/>, whose Jacobian is the symbolic Hessian of L (the bordered Hessian
/// [[∇²f − λ∇²g, −∇g], [−∇gᵀ, 0]]). This is the course's method (Mathematics for Machine Learning: Multivariate
/// Calculus, week 5, whose practice notebook solves ∇L = 0 with <c>scipy.optimize.root</c>) with exact derivatives.
/// Newton finds the stationary point nearest its start in its own sense — a maximum, a minimum or a saddle of f on the
/// constraint; start near the one you want, and compare f at several. Reference: Nocedal &amp; Wright, Numerical
/// Optimization (2nd ed.), §12.1 and §18.1.
/// </summary>
public static class Lagrange
{
    /// <summary>The name of the multiplier in <see cref="LagrangeResult.Lagrangian"/>: λ (it cannot clash with a parsed name).</summary>
    public const string MultiplierName = "λ";

    /// <summary>
    /// Parses the objective <paramref name="f"/> and the constraint (written <c>g</c>, meaning g = 0, or
    /// <c>lhs = rhs</c>, meaning lhs − rhs = 0) and solves ∇L = 0 from <paramref name="start"/> (the variables as first
    /// written in f, then in the constraint; optionally followed by λ₀).
    /// </summary>
    /// <exception cref="ExpressionParseException">f or the constraint is not a formula (the position is in the text given).</exception>
    /// <exception cref="ArgumentException">The constraint has no variable or several '=', or the start does not fit.</exception>
    public static LagrangeResult Solve(string f, string constraint, double[] start, double? lambda = null, NewtonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Solve(Expression.Parse(f), ParseConstraint(constraint), start, lambda, options);
    }

    /// <summary>Solves ∇L = 0 for L = f − λg over the variables of f and g, as first written (f's, then g's).</summary>
    public static LagrangeResult Solve(Expression f, Expression g, double[] start, double? lambda = null, NewtonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(g);
        return Solve(f, g, f.VariablesAsWritten.Union(g.VariablesAsWritten).ToArray(), start, lambda, options);
    }

    /// <summary>
    /// Solves ∇L = 0 for L(x, λ) = f(x) − λ·g(x) by Newton's method from x₀ = <paramref name="start"/> (the values of
    /// <paramref name="variables"/>, optionally followed by λ₀). Without a λ₀, <paramref name="lambda"/> is used, and
    /// without that the least-squares multiplier at x₀, λ₀ = ∇f·∇g/‖∇g‖² (0 where ∇g = 0).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The constraint has no variable, a variable of f or g is not listed, the variables repeat, the start has neither n nor
    /// n + 1 values, λ₀ is given twice, or a start value is not finite.
    /// </exception>
    public static LagrangeResult Solve(Expression f, Expression g, IReadOnlyList<string> variables, double[] start, double? lambda = null, NewtonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(start);
        Validate(f, g, variables, start, lambda);
        int n = variables.Count;
        string[] unknowns = [.. variables, MultiplierName];
        var lagrangian = f - Expression.Var(MultiplierName) * g;
        var gradient = lagrangian.Gradient(unknowns);
        var hessian = lagrangian.Hessian(unknowns);
        var gradientCode = gradient.Select(e => e.Compile(unknowns)).ToArray();
        var hessianCode = new Func<double[], double>[n + 1, n + 1];
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= n; j++) hessianCode[i, j] = hessian[i, j].Compile(unknowns);
        var z0 = new double[n + 1];
        Array.Copy(start, z0, n);
        z0[n] = start.Length == n + 1 ? start[n] : lambda ?? LeastSquaresMultiplier(f, g, variables, start);
        var result = NewtonRaphson.FindRoot(
            z => gradientCode.Select(d => d(z)).ToArray(),
            z =>
            {
                var h = new Matrix(n + 1, n + 1);
                for (int i = 0; i <= n; i++)
                    for (int j = 0; j <= n; j++) h[i, j] = hessianCode[i, j](z);
                return h;
            },
            z0, options);
        var point = result.Root[..n];
        var values = variables.Select((v, i) => (v, point[i])).ToDictionary(p => p.v, p => p.Item2);
        return new LagrangeResult(variables.ToArray(), point, result.Root[n], f.Evaluate(values), g.Evaluate(values),
            result.Iterations, result.Converged, result.StopReason, lagrangian, gradient, result.Path);
    }

    /// <summary>
    /// Reads a constraint: <c>g</c> means g = 0 and <c>lhs = rhs</c> means lhs − rhs = 0 (one '=' at most).
    /// </summary>
    /// <exception cref="ExpressionParseException">A side is not a formula; the position is in <paramref name="constraint"/>.</exception>
    /// <exception cref="ArgumentException">Several '=', or no variable in the constraint.</exception>
    public static Expression ParseConstraint(string constraint)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        int eq = constraint.IndexOf('=', StringComparison.Ordinal);
        if (eq >= 0 && constraint.IndexOf('=', eq + 1) >= 0)
            throw new ArgumentException($"the constraint '{constraint}' has several '='; write one equation g = 0 or lhs = rhs.", nameof(constraint));
        var g = eq < 0 ? Expression.Parse(constraint) : new Difference(Side(constraint, 0, eq), Side(constraint, eq + 1, constraint.Length));
        if (g.VariablesAsWritten.Count == 0)
            throw new ArgumentException($"the constraint '{constraint}' has no variable: it must be a condition g(x) = 0 on the variables.", nameof(constraint));
        return g;
    }

    private static Expression Side(string text, int from, int to)
    {
        try
        {
            return Expression.Parse(text[from..to]);
        }
        catch (ExpressionParseException e)
        {
            throw new ExpressionParseException(text, from + e.Position, e.Problem);
        }
    }

    private static void Validate(Expression f, Expression g, IReadOnlyList<string> variables, double[] start, double? lambda)
    {
        int n = variables.Count;
        if (n == 0) throw new ArgumentException("there are no variables to solve for.", nameof(variables));
        if (variables.Distinct(StringComparer.Ordinal).Count() != n)
            throw new ArgumentException($"the variables repeat: [{string.Join(", ", variables)}].", nameof(variables));
        if (variables.Contains(MultiplierName))
            throw new ArgumentException($"'{MultiplierName}' is the multiplier's name and cannot be a variable.", nameof(variables));
        if (g.VariablesAsWritten.Count == 0)
            throw new ArgumentException($"the constraint {g} has no variable: it must be a condition g(x) = 0 on the variables.", nameof(g));
        foreach (var v in f.VariablesAsWritten.Concat(g.VariablesAsWritten))
            if (!variables.Contains(v))
                throw new ArgumentException($"'{v}' occurs in f or g but is not among the variables [{string.Join(", ", variables)}].", nameof(variables));
        if (start.Length != n && start.Length != n + 1)
            throw new ArgumentException($"the start has {start.Length} values for {n} variables ({string.Join(", ", variables)}); give {n}, or {n + 1} with λ₀ last.", nameof(start));
        if (start.Length == n + 1 && lambda is not null)
            throw new ArgumentException("λ₀ is given twice: as the last start value and as lambda.", nameof(lambda));
        if (!start.All(double.IsFinite) || lambda is { } l && !double.IsFinite(l))
            throw new ArgumentException($"the start must be finite, got [{string.Join(", ", start)}].", nameof(start));
    }

    /// <summary>λ₀ = ∇f·∇g/‖∇g‖² at x₀, the λ that makes ∇f − λ∇g smallest there (0 where ∇g = 0).</summary>
    private static double LeastSquaresMultiplier(Expression f, Expression g, IReadOnlyList<string> variables, double[] start)
    {
        var x0 = variables.Select((v, i) => (v, start[i])).ToDictionary(p => p.v, p => p.Item2);
        double fg = 0, gg = 0;
        foreach (var v in variables)
        {
            double df = f.Differentiate(v).Evaluate(x0), dg = g.Differentiate(v).Evaluate(x0);
            fg += df * dg;
            gg += dg * dg;
        }
        return gg > 0 && double.IsFinite(fg / gg) ? fg / gg : 0;
    }
}
