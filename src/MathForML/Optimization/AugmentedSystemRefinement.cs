using MathForML.Calculus;
using MathForML.LinearAlgebra;

namespace MathForML.Optimization;

/// <summary>
/// Björck's iterative refinement of a least-squares problem through its augmented system
/// <code>
/// [ I   X ] [ r ]   [ b ]        r + Xx = b,
/// [ Xᵀ  0 ] [ x ] = [ c ]   i.e. Xᵀr = c,
/// </code>
/// with the residuals f = b − r − Xx and g = c − Xᵀr computed in double-double (X, b and c taken exactly as the doubles
/// they are) and the correction solved with the QR factors X = Q[R; 0] already at hand:
/// h = R⁻ᵀg, [d₁; d₂] = Qᵀf, δx = R⁻¹(d₁ − h), δr = Q[h; d₂]; then x ← x + δx and r ← r + δr in double-double.
/// b = y, c = 0 is the fit (x = β, r the residual); b = 0, c = −eⱼ gives x = (XᵀX)⁻¹eⱼ, a column of the unscaled covariance.
/// </summary>
/// <remarks>
/// Why the augmented system and not refinement of x alone (δ = X⁺(y − Xβ) through the same QR): Golub &amp; Wilkinson
/// (1966) showed that the latter converges to the solution of a nearby problem, with an error that stays
/// ~κ²u·‖r‖/(‖X‖‖x‖) when the residual is not small, because a least-squares solution depends on r as well as on x
/// (on the nearly collinear test design, κ ≈ 10¹⁰: 1.7·10⁻⁷ against 6·10⁻¹⁷ here); refining both together contracts the
/// error by ~c(m,n)κ(X)u per step whatever the residual (Björck 1967; Björck, Numerical Methods for Least Squares Problems (1996) §2.9.3; Higham,
/// Accuracy and Stability of Numerical Algorithms (2nd ed.) §20.5). The corrected semi-normal equations (Björck §2.9.2)
/// would do as well for x but need as many solves and give no residual; the augmented form also yields (XᵀX)⁻¹eⱼ by the
/// same code. Starting from x = 0, r = 0 the first step is the plain QR solution, so refinement can only add digits.
/// Convergence needs c·κ(X)u &lt; 1 (Householder QR is invariant under column scaling, so κ is that of X with unit-norm
/// columns); the limiting accuracy, with x and r accumulated in double-double, is far beyond double's.
/// Each step costs ~4mn double-double multiply-adds and two applications of Q.
/// </remarks>
internal static class AugmentedSystemRefinement
{
    /// <summary>
    /// Solves the augmented system for <paramref name="b"/> (m values) and <paramref name="c"/> (n values) into
    /// <paramref name="x"/> and <paramref name="r"/>; stops when a correction is not smaller than the previous one
    /// (that one is not applied), when it is below double-double resolution, or after <paramref name="maxSteps"/> steps.
    /// The size of δx is measured as maxⱼ |δxⱼ|·‖X:ⱼ‖ (column-scaled, like QR's errors). Returns the number of steps taken.
    /// </summary>
    public static int Solve(Matrix design, QrDecomposition qr, ReadOnlySpan<double> b, ReadOnlySpan<double> c,
        DoubleDouble[] x, DoubleDouble[] r, ReadOnlySpan<double> columnNorms, int maxSteps)
    {
        int m = design.Rows, n = design.Columns;
        Array.Fill(x, default);
        Array.Fill(r, default);
        var f = new double[m];
        var g = new DoubleDouble[n];
        var dx = new double[n];
        double previous = double.PositiveInfinity;
        int steps = 0;
        while (steps < maxSteps)
        {
            for (int j = 0; j < n; j++) g[j] = c[j];
            for (int i = 0; i < m; i++)
            {
                var row = design.RowSpan(i);
                DoubleDouble fi = (DoubleDouble)b[i] - r[i];
                for (int j = 0; j < n; j++)
                {
                    fi -= x[j] * row[j];
                    g[j] -= r[i] * row[j];
                }
                f[i] = fi.Hi;
            }
            var h = g.Select(v => v.Hi).ToArray();
            qr.SolveRTranspose(h);
            qr.ApplyQTranspose(f);
            for (int j = 0; j < n; j++) dx[j] = f[j] - h[j];
            qr.SolveR(dx);
            double size = 0, scale = 0;
            for (int j = 0; j < n; j++)
            {
                size = Math.Max(size, Math.Abs(dx[j]) * columnNorms[j]);
                scale = Math.Max(scale, Math.Abs(x[j].Hi) * columnNorms[j]);
            }
            if (!double.IsFinite(size) || size >= previous) break;
            h.CopyTo(f, 0);
            qr.ApplyQ(f);
            for (int j = 0; j < n; j++) x[j] += dx[j];
            for (int i = 0; i < m; i++) r[i] += f[i];
            steps++;
            if (size <= 1e-31 * scale) break;
            previous = size;
        }
        return steps;
    }
}
