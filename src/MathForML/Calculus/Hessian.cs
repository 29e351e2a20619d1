using MathForML.LinearAlgebra;

namespace MathForML.Calculus;

/// <summary>The Hessian Hᵢⱼ = ∂²f/∂xᵢ∂xⱼ of a scalar function (symmetric n×n).</summary>
public static class Hessian
{
    /// <summary>The symbolic Hessian.</summary>
    public static Expression[,] Symbolic(Expression f, IReadOnlyList<string> variables) => f.Hessian(variables);

    /// <summary>H(x) by central second differences: Hᵢⱼ ≈ (f(x+hᵢ+hⱼ) − f(x+hᵢ−hⱼ) − f(x−hᵢ+hⱼ) + f(x−hᵢ−hⱼ))/4hᵢhⱼ, symmetrised.</summary>
    public static Matrix Numeric(Func<double[], double> f, ReadOnlySpan<double> x)
    {
        var p = x.ToArray();
        int n = p.Length;
        var h = new double[n];
        for (int i = 0; i < n; i++) h[i] = (p[i] + FiniteDifferences.SecondStep * Math.Max(Math.Abs(p[i]), 1)) - p[i];
        var result = new Matrix(n, n);
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                double Eval(double si, double sj)
                {
                    double xi = p[i], xj = p[j];
                    p[i] += si * h[i];
                    p[j] += sj * h[j];
                    double v = f(p);
                    p[i] = xi;
                    p[j] = xj;
                    return v;
                }
                double value = (Eval(1, 1) - Eval(1, -1) - Eval(-1, 1) + Eval(-1, -1)) / (4 * h[i] * h[j]);
                result[i, j] = result[j, i] = value;
            }
        return result;
    }

    /// <summary>H(x) as central differences of the exact dual-number gradient: column j = (∇f(x + hⱼeⱼ) − ∇f(x − hⱼeⱼ))/2hⱼ, symmetrised.</summary>
    public static Matrix Dual(Func<Dual[], Dual> f, ReadOnlySpan<double> x)
    {
        var p = x.ToArray();
        int n = p.Length;
        var result = new Matrix(n, n);
        for (int j = 0; j < n; j++)
        {
            double xj = p[j], h = (xj + FiniteDifferences.FirstStep * Math.Max(Math.Abs(xj), 1)) - xj;
            p[j] = xj + h;
            var up = Calculus.Dual.Gradient(f, p);
            p[j] = xj - h;
            var down = Calculus.Dual.Gradient(f, p);
            p[j] = xj;
            for (int i = 0; i < n; i++) result[i, j] = (up[i] - down[i]) / (2 * h);
        }
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) result[i, j] = result[j, i] = 0.5 * (result[i, j] + result[j, i]);
        return result;
    }
}
