using MathForML.LinearAlgebra;

namespace MathForML.Optimization;

/// <summary>
/// Damped Gauss–Newton (Hartley 1961): the step δ solves the linearised problem min ‖Jδ − r‖ (by Householder QR, not
/// the normal equations), and is halved until S decreases. Quadratically convergent on zero-residual problems near the
/// solution; from far away or when J loses rank it may stall, which Levenberg–Marquardt's damping avoids.
/// Reference: Nocedal &amp; Wright, Numerical Optimization (2nd ed.), §10.3.
/// </summary>
internal static class GaussNewton
{
    public static (bool Converged, FitStopReason Reason, int Iterations) Run(LeastSquaresWork w, NonlinearLeastSquaresOptions o, int maxIterations)
    {
        int n = w.N, k = w.K;
        var a = new double[n * k];
        var rhs = new double[n];
        var delta = new double[k];
        var trial = new double[k];
        var rTrial = new double[n];
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            w.BeginIteration(iteration, maxIterations);
            w.UpdateJacobian();
            if (w.S == 0) return (true, FitStopReason.Gradient, iteration - 1);
            w.J.AsSpan().CopyTo(a);
            Array.Copy(w.R, rhs, n);
            if (!QrDecomposition.DecomposeInPlace(Matrix.Wrap(n, k, a)).TrySolve(rhs, delta)) return (false, FitStopReason.SingularJacobian, iteration - 1);
            double t = 1;
            for (int halvings = 0; halvings < 40; halvings++, t /= 2)
            {
                double step = 0, size = 0;
                for (int j = 0; j < k; j++)
                {
                    trial[j] = w.B[j] + t * delta[j];
                    step = Math.Max(step, Math.Abs(t * delta[j]));
                    size = Math.Max(size, Math.Abs(w.B[j]));
                }
                if (step <= o.StepTolerance * (size + o.StepTolerance)) return (true, FitStopReason.StepSize, iteration);
                double s = w.Residuals(trial, rTrial);
                if (s < w.S)
                {
                    double reduction = w.S - s, old = w.S;
                    Array.Copy(trial, w.B, k);
                    Array.Copy(rTrial, w.R, n);
                    w.S = s;
                    w.Record();
                    if (reduction <= o.RelativeReductionTolerance * old) return (true, FitStopReason.RelativeReduction, iteration);
                    goto next;
                }
            }
            return (true, FitStopReason.NoFurtherReduction, iteration);
        next:;
        }
        return (false, FitStopReason.MaxIterations, maxIterations);
    }
}
