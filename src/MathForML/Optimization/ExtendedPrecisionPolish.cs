using MathForML.Calculus;
using MathForML.LinearAlgebra;

namespace MathForML.Optimization;

/// <summary>
/// Polishes a converged formula fit in double-double arithmetic: a few Gauss–Newton steps b ← b + J⁺r with the residuals
/// r = y − f(x; b) evaluated in ~32-digit precision (data, parameters and model) and J the double Jacobian at the
/// solution (a simplified Newton iteration: J only steers, the precise residual decides where it ends — the idea of
/// iterative refinement, Wilkinson 1963; Higham, Accuracy and Stability of Numerical Algorithms, §12).
/// A step is kept only while S decreases. The reported S is the double-double value at the polished parameters, which
/// matters when S is far below the rounding level of the data (NIST Lanczos1, S ≈ 1.4·10⁻²⁵ with y ≈ 1, where
/// plain double gives S to about 3 digits only).
/// </summary>
internal static class ExtendedPrecisionPolish
{
    public const int MaxObservations = 100_000;

    public static void Run(FormulaModel model, LeastSquaresWork w, double[]? responseCorrections)
    {
        int n = w.N, k = w.K, d = model.PredictorNames.Count;
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < d; c++) slots[model.PredictorNames[c]] = c;
        for (int j = 0; j < k; j++) slots[model.ParameterNames[j]] = d + j;
        var x = new DoubleDouble[n][];
        for (int i = 0; i < n; i++)
        {
            x[i] = new DoubleDouble[d];
            for (int c = 0; c < d; c++) x[i][c] = new DoubleDouble(model.Predictors[i, c], 0) + (model.PredictorCorrections?[i, c] ?? 0);
        }
        var y = new DoubleDouble[n];
        for (int i = 0; i < n; i++) y[i] = (DoubleDouble)w.Y[i] + (responseCorrections?[i] ?? 0);
        var values = new DoubleDouble[d + k];

        (DoubleDouble[] R, DoubleDouble S) Residuals(DoubleDouble[] b)
        {
            var r = new DoubleDouble[n];
            DoubleDouble s = 0;
            Array.Copy(b, 0, values, d, k);
            for (int i = 0; i < n; i++)
            {
                Array.Copy(x[i], values, d);
                r[i] = y[i] - DoubleDouble.Evaluate(model.Formula, slots, values);
                s += r[i] * r[i];
            }
            return (r, s);
        }

        var b = w.B.Select(v => (DoubleDouble)v).ToArray();
        var (r, s) = Residuals(b);
        if (!s.IsFinite) return;
        var a = new double[n * k];
        var rhs = new double[n];
        var delta = new double[k];
        for (int iteration = 0; iteration < 8; iteration++)
        {
            w.J.AsSpan().CopyTo(a);
            for (int i = 0; i < n; i++) rhs[i] = r[i].Hi;
            if (!QrDecomposition.DecomposeInPlace(Matrix.Wrap(n, k, a)).TrySolve(rhs, delta)) break;
            var next = b.Select((v, j) => v + delta[j]).ToArray();
            var (rNext, sNext) = Residuals(next);
            if (!sNext.IsFinite || !(sNext.Hi < s.Hi || (sNext.Hi == s.Hi && sNext.Lo < s.Lo))) break;
            (b, r, s) = (next, rNext, sNext);
        }
        for (int j = 0; j < k; j++) w.B[j] = b[j].Hi;
        for (int i = 0; i < n; i++) w.R[i] = r[i].Hi;
        w.S = s.Hi;
    }
}
