using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Optimization;

/// <summary>
/// Levenberg–Marquardt for min S(b) = ‖y − f(b)‖²: each step solves the damped, scaled linear least-squares problem
/// <code>min ‖[J; √λ·D] δ − [r; 0]‖   ⇔   (JᵀJ + λD²) δ = Jᵀr</code>
/// by Householder QR of the augmented matrix (never forming JᵀJ). D = diag(dⱼ) is Marquardt's scaling, dⱼ the largest
/// column norm ‖Jⱼ‖ seen so far (Moré 1978), which makes the method invariant to the units of the parameters.
/// The damping λ follows the gain ratio ρ = (S(b) − S(b + δ))/(‖Jδ‖² + 2λ‖Dδ‖²) of actual to predicted reduction
/// (Nielsen 1999; Madsen, Nielsen &amp; Tingleff 2004, §3.2): accept when ρ &gt; 0 and set λ ← λ·max(1/3, 1 − (2ρ − 1)³),
/// otherwise λ ← λ·ν, ν ← 2ν. Small λ gives the Gauss–Newton step, large λ a short steepest-descent step.
/// Optionally the step gets Transtrum &amp; Sethna's geodesic acceleration (2012): a second-order correction
/// a solving the same damped system for the directional second derivative of f along δ, kept while 2‖a‖ ≤ ‖δ‖.
/// Stops on the relative reduction of S, the scaled step size, the gradient cosine, or when no damping gives a reduction.
/// References: Moré, "The Levenberg–Marquardt algorithm: implementation and theory", Lecture Notes in Mathematics 630
/// (1978); Nocedal &amp; Wright, Numerical Optimization (2nd ed.), §10.3.
/// </summary>
internal static class LevenbergMarquardt
{
    /// <summary>
    /// Below this relative step ‖Dδ‖/‖Db‖ the acceleration is skipped: the quadratic model is then accurate, and the
    /// finite-difference second derivative (f(b + hδ) − f(b) over a tiny δ) would be rounding noise.
    /// </summary>
    private const double AccelerationThreshold = 1e-6;

    public static (bool Converged, FitStopReason Reason, int Iterations) Run(LeastSquaresWork w, NonlinearLeastSquaresOptions o, int maxIterations)
    {
        int n = w.N, k = w.K, m = n + k;
        var d = new double[k];
        var a = new double[m * k];
        var rhs = new double[m];
        var delta = new double[k];
        var trial = new double[k];
        var rTrial = new double[n];
        var accel = new double[k];
        var fvv = new double[n];
        double lambda = 1e-3, nu = 2, previousNoiseStep = double.PositiveInfinity;
        int noiseSteps = 0;
        w.UpdateJacobian();
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            w.BeginIteration(iteration, maxIterations);
            // Scaling and the gradient test.
            double rNorm = Math.Sqrt(w.S), gradientCosine = 0;
            for (int j = 0; j < k; j++)
            {
                double col = 0, dot = 0;
                for (int i = 0; i < n; i++)
                {
                    double jij = w.J[i, j];
                    col += jij * jij;
                    dot += jij * w.R[i];
                }
                col = Math.Sqrt(col);
                d[j] = Math.Max(d[j], col);
                if (col > 0 && rNorm > 0) gradientCosine = Math.Max(gradientCosine, Math.Abs(dot) / (col * rNorm));
            }
            if (!Finite.All(w.J.AsSpan())) return (false, FitStopReason.Diverged, iteration - 1);
            if (w.S == 0 || gradientCosine <= o.GradientTolerance) return (true, FitStopReason.Gradient, iteration - 1);
            for (int j = 0; j < k; j++) if (d[j] == 0) d[j] = 1;
            double bScaled = 0;
            for (int j = 0; j < k; j++) bScaled += d[j] * d[j] * w.B[j] * w.B[j];
            bScaled = Math.Sqrt(bScaled);
            // Rounding noise of S: each rᵢ = yᵢ − fᵢ carries an error of about ε(|yᵢ| + |rᵢ|), so S = Σrᵢ² one of 2ε·Σ|rᵢ|(|yᵢ| + |rᵢ|).
            double noise = 0;
            for (int i = 0; i < n; i++) noise += Math.Abs(w.R[i]) * (Math.Abs(w.Y[i]) + Math.Abs(w.R[i]));
            noise *= 4 * MachineEpsilon.Double;

            // Inner loop: raise λ until the step reduces S.
            while (true)
            {
                if (!DampedStep(w, d, lambda, a, rhs, delta))
                {
                    lambda *= nu;
                    nu *= 2;
                    if (lambda > 1e300) return (true, FitStopReason.NoFurtherReduction, iteration);
                    continue;
                }
                double stepScaled = 0, jd2 = 0;
                for (int j = 0; j < k; j++) stepScaled += d[j] * d[j] * delta[j] * delta[j];
                for (int i = 0; i < n; i++)
                {
                    double s = 0;
                    for (int j = 0; j < k; j++) s += w.J[i, j] * delta[j];
                    jd2 += s * s;
                }
                double predicted = jd2 + 2 * lambda * stepScaled;
                stepScaled = Math.Sqrt(stepScaled);
                bool accelerate = o.GeodesicAcceleration && stepScaled > AccelerationThreshold * bScaled;
                if (accelerate && !Accelerate(w, d, lambda, delta, accel, fvv, a, rhs, trial, rTrial, out bool tooCurved))
                {
                    // The path bends too much for the step's length: shorten it as if it had failed.
                    if (tooCurved)
                    {
                        lambda *= nu;
                        nu *= 2;
                        if (lambda > 1e300) return (true, FitStopReason.NoFurtherReduction, iteration);
                        continue;
                    }
                }
                for (int j = 0; j < k; j++) trial[j] = w.B[j] + delta[j] + (accelerate ? accel[j] : 0);
                double sTrial = w.Residuals(trial, rTrial);
                double actual = w.S - sTrial;
                double rho = predicted > 0 ? actual / predicted : -1;
                bool smallStep = stepScaled <= o.StepTolerance * (bScaled + o.StepTolerance);
                if (predicted <= 10 * noise && double.IsFinite(sTrial) && sTrial <= w.S + 10 * noise)
                {
                    // S can no longer tell a better point from a worse one: trust the linear model and take the
                    // (nearly) Gauss–Newton step, until the steps stop shrinking (its fixed point, to rounding).
                    Array.Copy(trial, w.B, k);
                    Array.Copy(rTrial, w.R, n);
                    w.S = sTrial;
                    w.Record();
                    lambda /= 10;
                    nu = 2;
                    noiseSteps++;
                    if (smallStep || (noiseSteps > 3 && stepScaled >= previousNoiseStep) || noiseSteps >= 100)
                        return (true, FitStopReason.RelativeReduction, iteration);
                    previousNoiseStep = stepScaled;
                    break;
                }
                if (rho > 0 && double.IsFinite(sTrial))
                {
                    Array.Copy(trial, w.B, k);
                    Array.Copy(rTrial, w.R, n);
                    double sOld = w.S;
                    w.S = sTrial;
                    w.Record();
                    lambda *= Math.Max(1.0 / 3, 1 - Math.Pow(2 * rho - 1, 3));
                    nu = 2;
                    if (actual <= o.RelativeReductionTolerance * sOld && predicted <= o.RelativeReductionTolerance * sOld)
                        return (true, FitStopReason.RelativeReduction, iteration);
                    if (smallStep) return (true, FitStopReason.StepSize, iteration);
                    break;
                }
                if (smallStep) return (true, FitStopReason.StepSize, iteration);
                lambda *= nu;
                nu *= 2;
                if (lambda > 1e300) return (true, FitStopReason.NoFurtherReduction, iteration);
            }
            w.UpdateJacobian();
        }
        return (false, FitStopReason.MaxIterations, maxIterations);
    }

    /// <summary>
    /// Geodesic acceleration: the second directional derivative f_vv ≈ (2/h)·((f(b + hδ) − f(b))/h − Jδ), h = 0.1, and
    /// a solving [J; √λ·D]a ≈ [−½·f_vv; 0]. Returns false (and <paramref name="tooCurved"/>) when 2‖Da‖ &gt; α‖Dδ‖, α = 0.75.
    /// </summary>
    private static bool Accelerate(LeastSquaresWork w, double[] d, double lambda, double[] delta, double[] accel, double[] fvv,
        double[] a, double[] rhs, double[] trial, double[] rTrial, out bool tooCurved)
    {
        const double h = 0.1, alpha = 0.75;
        int n = w.N, k = w.K;
        tooCurved = false;
        for (int j = 0; j < k; j++) trial[j] = w.B[j] + h * delta[j];
        double s = w.Residuals(trial, rTrial);
        if (!double.IsFinite(s)) { tooCurved = true; return false; }
        for (int i = 0; i < n; i++)
        {
            double jd = 0;
            for (int j = 0; j < k; j++) jd += w.J[i, j] * delta[j];
            // f(b + hδ) − f(b) = (y − r_trial) − (y − r) = r − r_trial.
            fvv[i] = 2 / h * ((w.R[i] - rTrial[i]) / h - jd);
        }
        w.J.AsSpan().CopyTo(a);
        Array.Clear(a, n * k, k * k);
        double sqrtLambda = Math.Sqrt(lambda);
        for (int j = 0; j < k; j++) a[(n + j) * k + j] = sqrtLambda * d[j];
        for (int i = 0; i < n; i++) rhs[i] = -0.5 * fvv[i];
        Array.Clear(rhs, n, k);
        if (!QrDecomposition.DecomposeInPlace(Matrix.Wrap(n + k, k, a)).TrySolve(rhs, accel)) { Array.Clear(accel); return true; }
        double na = 0, nv = 0;
        for (int j = 0; j < k; j++)
        {
            na += d[j] * d[j] * accel[j] * accel[j];
            nv += d[j] * d[j] * delta[j] * delta[j];
        }
        if (2 * Math.Sqrt(na) > alpha * Math.Sqrt(nv)) { tooCurved = true; return false; }
        return true;
    }

    /// <summary>Solves [J; √λ·D]δ ≈ [r; 0] into <paramref name="delta"/>.</summary>
    private static bool DampedStep(LeastSquaresWork w, double[] d, double lambda, double[] a, double[] rhs, double[] delta)
    {
        int n = w.N, k = w.K;
        w.J.AsSpan().CopyTo(a);
        Array.Clear(a, n * k, k * k);
        double sqrtLambda = Math.Sqrt(lambda);
        for (int j = 0; j < k; j++) a[(n + j) * k + j] = sqrtLambda * d[j];
        Array.Copy(w.R, rhs, n);
        Array.Clear(rhs, n, k);
        return QrDecomposition.DecomposeInPlace(Matrix.Wrap(n + k, k, a)).TrySolve(rhs, delta);
    }
}
