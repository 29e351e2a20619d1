namespace MathForML.Optimization;

/// <summary>
/// The course's steepest descent on χ² = Σᵢ (yᵢ − f(xᵢ; b))²: its gradient is ∇χ² = −2·Jᵀ(y − f), and each of a fixed
/// number of steps moves b ← b − a·∇χ² with the "aggression" a (no line search, exactly as the learner writes it).
/// It is slow and its step size must suit the problem's scale; it is here for teaching and for comparison.
/// </summary>
internal static class SteepestDescent
{
    public static (bool Converged, FitStopReason Reason, int Iterations) Run(LeastSquaresWork w, NonlinearLeastSquaresOptions o, int maxIterations)
    {
        int n = w.N, k = w.K;
        var gradient = new double[k];
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            w.BeginIteration(iteration, maxIterations);
            w.UpdateJacobian();
            double gNorm = 0, rNorm = Math.Sqrt(w.S), cosine = 0;
            for (int j = 0; j < k; j++)
            {
                double dot = 0, col = 0;
                for (int i = 0; i < n; i++)
                {
                    dot += w.J[i, j] * w.R[i];
                    col += w.J[i, j] * w.J[i, j];
                }
                gradient[j] = -2 * dot;
                gNorm += gradient[j] * gradient[j];
                if (col > 0 && rNorm > 0) cosine = Math.Max(cosine, Math.Abs(dot) / (Math.Sqrt(col) * rNorm));
            }
            if (w.S == 0 || cosine <= o.GradientTolerance) return (true, FitStopReason.Gradient, iteration - 1);
            for (int j = 0; j < k; j++) w.B[j] -= o.Aggression * gradient[j];
            w.S = w.Residuals(w.B, w.R);
            if (!double.IsFinite(w.S)) return (false, FitStopReason.Diverged, iteration);
            w.Record();
        }
        return (false, FitStopReason.MaxIterations, maxIterations);
    }
}
