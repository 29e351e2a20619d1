using MathForML.Calculus;
using MathForML.LinearAlgebra;

namespace MathForML.Optimization;

/// <summary>
/// The refined linear least-squares fit of <see cref="LinearLeastSquares"/>: β, S, the covariance and the standard errors,
/// each from <see cref="AugmentedSystemRefinement"/> on the QR factors of the design X (N×p).
/// β: the augmented system with b = y, c = 0, accumulated in double-double, rounded to double at the end.
/// S = ‖y − Xβ‖²: the residual recomputed in double-double at the double-double β (so S is that of the least-squares
/// solution, not of its rounding to double, which matters when ‖r‖ is below the rounding level of Xβ).
/// (XᵀX)⁻¹: column j from the augmented system with b = 0, c = −eⱼ (p refined solves), symmetrised as (C + Cᵀ)/2; then
/// C = σ²(XᵀX)⁻¹ with σ² = S/(N − p) and seⱼ = √Cⱼⱼ, both formed in double-double.
/// Accuracy: each quantity to ~double precision once c·κ(XD)u &lt; 1 (D: unit-norm columns); the plain route
/// σ²R⁻¹R⁻ᵀ with the computed R has a relative error ~κ(XD)u in its diagonal, i.e. only ~16 − log₁₀κ digits.
/// Steps: those of the solve for β. Cost: (p + 1) refined solves of ≤ maxSteps steps, each ~4Np double-double multiply-adds: several times the QR itself.
/// </summary>
internal static class RefinedLinearFit
{
    public static (double[] Beta, double S, Matrix Covariance, double[] StandardErrors, int Steps) Compute(
        Matrix design, Vector y, QrDecomposition qr, int maxSteps)
    {
        int n = design.Rows, p = design.Columns;
        var norms = new double[p];
        for (int i = 0; i < n; i++)
        {
            var row = design.RowSpan(i);
            for (int j = 0; j < p; j++) norms[j] += row[j] * row[j];
        }
        for (int j = 0; j < p; j++) norms[j] = Math.Sqrt(norms[j]);

        var beta = new DoubleDouble[p];
        var r = new DoubleDouble[n];
        int steps = AugmentedSystemRefinement.Solve(design, qr, y.AsSpan(), new double[p], beta, r, norms, maxSteps);
        DoubleDouble s = 0;
        for (int i = 0; i < n; i++)
        {
            var row = design.RowSpan(i);
            DoubleDouble ri = y[i];
            for (int j = 0; j < p; j++) ri -= beta[j] * row[j];
            s += ri * ri;
        }
        var sigma2 = s / (n - p);

        var columns = new DoubleDouble[p][];
        var zero = new double[n];
        var c = new double[p];
        for (int j = 0; j < p; j++)
        {
            columns[j] = new DoubleDouble[p];
            Array.Clear(c);
            c[j] = -1;
            AugmentedSystemRefinement.Solve(design, qr, zero, c, columns[j], r, norms, maxSteps);
        }
        var covariance = new Matrix(p, p);
        var se = new double[p];
        for (int j = 0; j < p; j++)
        {
            for (int k = 0; k < p; k++)
            {
                var value = sigma2 * ((columns[j][k] + columns[k][j]) * 0.5);
                covariance[j, k] = value.IsFinite ? value.Hi : double.NaN;
            }
            se[j] = DoubleDouble.Sqrt(sigma2 * columns[j][j]).Hi;
        }
        return (beta.Select(v => v.Hi).ToArray(), s.Hi, covariance, se, steps);
    }
}
