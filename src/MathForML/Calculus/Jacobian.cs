using MathForML.LinearAlgebra;

namespace MathForML.Calculus;

/// <summary>
/// The Jacobian Jᵢⱼ = ∂fᵢ/∂xⱼ of a vector function f: ℝⁿ → ℝᵐ (m×n; row i is the gradient of fᵢ, as in the course),
/// symbolic for expressions, by central differences or by dual numbers for code.
/// </summary>
public static class Jacobian
{
    /// <summary>The symbolic Jacobian of <paramref name="functions"/> over <paramref name="variables"/>.</summary>
    public static Expression[,] Symbolic(IReadOnlyList<Expression> functions, IReadOnlyList<string> variables)
    {
        var j = new Expression[functions.Count, variables.Count];
        for (int i = 0; i < functions.Count; i++)
            for (int k = 0; k < variables.Count; k++) j[i, k] = functions[i].Differentiate(variables[k]);
        return j;
    }

    /// <summary>J(x) by central differences (2n evaluations of f, each step chosen as in <see cref="FiniteDifferences"/>).</summary>
    public static Matrix Numeric(Func<double[], double[]> f, ReadOnlySpan<double> x)
    {
        var point = x.ToArray();
        int n = point.Length;
        Matrix? j = null;
        for (int k = 0; k < n; k++)
        {
            double xk = point[k], h = FiniteDifferences.FirstStep * Math.Max(Math.Abs(xk), 1);
            h = (xk + h) - xk;
            point[k] = xk + h;
            var up = f(point);
            point[k] = xk - h;
            var down = f(point);
            point[k] = xk;
            j ??= new Matrix(up.Length, n);
            for (int i = 0; i < up.Length; i++) j[i, k] = (up[i] - down[i]) / (2 * h);
        }
        return j ?? new Matrix(f(point).Length, 0);
    }

    /// <summary>J(x) by n forward passes over dual numbers, exact to rounding.</summary>
    public static Matrix Dual(Func<Dual[], Dual[]> f, ReadOnlySpan<double> x)
    {
        int n = x.Length;
        var point = new Dual[n];
        Matrix? j = null;
        for (int k = 0; k < n; k++)
        {
            for (int i = 0; i < n; i++) point[i] = new Dual(x[i], i == k ? 1 : 0);
            var y = f(point);
            j ??= new Matrix(y.Length, n);
            for (int i = 0; i < y.Length; i++) j[i, k] = y[i].Derivative;
        }
        return j ?? new Matrix(0, 0);
    }
}
