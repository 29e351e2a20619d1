using MathForML.Calculus;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Optimization;

/// <summary>
/// Non-linear least squares: find b minimising S(b) = Σᵢ (yᵢ − f(xᵢ; b))². One entry point, <c>Fit</c>, with the
/// solver chosen by <see cref="NonlinearLeastSquaresOptions.Method"/>: Levenberg–Marquardt (default), Gauss–Newton, or
/// the course's steepest descent. Inputs are validated before iterating: shapes, finite start values, more observations
/// than parameters, and a model that is finite at the start (a division by zero there is reported with the observation).
/// The result carries the covariance σ²(JᵀJ)⁻¹ from the QR factor of J at the solution (Björck, Numerical Methods for
/// Least Squares Problems, §1.2), the standard errors, S, the iteration and evaluation counts and why it stopped.
/// With the defaults Levenberg–Marquardt matches all 54 NIST StRD non-linear fits (27 problems × 2 starts).
/// </summary>
/// <remarks>
/// Precision: near the solution S can no longer tell a better point from a worse one (its rounding noise,
/// ≈ 4ε·Σ|rᵢ|(|yᵢ| + |rᵢ|), exceeds the predicted reduction), so Levenberg–Marquardt then trusts the linear model and
/// takes Gauss–Newton steps until they stop shrinking — the parameters converge to the precision of J⁺r, not to the
/// square root of ε that a test on S alone would give. After convergence a formula model is polished in double-double
/// arithmetic (<see cref="NonlinearLeastSquaresOptions.ExtendedPrecisionPolish"/>): a few Gauss–Newton steps on
/// ~32-digit residuals, and S reported at the polished parameters. This matters only when S lies far below the
/// rounding level of the data (NIST Lanczos1: S ≈ 1.4·10⁻²⁵), where plain double gets about 3 digits of S.
/// </remarks>
public static class NonlinearLeastSquares
{
    /// <summary>Fits a formula y ≈ f(x; b): convenience over <see cref="FormulaModel"/>.</summary>
    /// <exception cref="DimensionMismatchException">y or start has the wrong length.</exception>
    /// <exception cref="ArgumentException">Too few observations, a non-finite start, or a model not finite at the start.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static NonlinearLeastSquaresResult Fit(Expression formula, IReadOnlyList<string> predictorNames, Matrix predictors,
        ReadOnlySpan<double> y, IReadOnlyList<string> parameterNames, ReadOnlySpan<double> start, NonlinearLeastSquaresOptions? options = null,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(new FormulaModel(formula, predictorNames, predictors, parameterNames), y, start, options, progress, cancellationToken);

    /// <summary>Fits <paramref name="model"/> to <paramref name="y"/> from <paramref name="start"/>.</summary>
    /// <param name="model">The model f(x; b).</param>
    /// <param name="y">The observations.</param>
    /// <param name="start">Start values of the parameters b.</param>
    /// <param name="options">Method, tolerances, iteration limit; the defaults when null.</param>
    /// <param name="progress">Receives a report after every iteration: stage "iterating", the iteration as
    /// <see cref="WorkProgress.Step"/>, S as <see cref="WorkProgress.Measure"/>, and the fraction of the iteration limit used.</param>
    /// <param name="cancellationToken">Checked before every iteration.</param>
    /// <exception cref="DimensionMismatchException">y or start has the wrong length.</exception>
    /// <exception cref="ArgumentException">Too few observations, a non-finite start, or a model not finite at the start.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static NonlinearLeastSquaresResult Fit(RegressionModel model, ReadOnlySpan<double> y, ReadOnlySpan<double> start, NonlinearLeastSquaresOptions? options = null,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(model, y, null, start, options, progress, cancellationToken);

    /// <summary>As <see cref="Fit(RegressionModel, ReadOnlySpan{double}, ReadOnlySpan{double}, NonlinearLeastSquaresOptions?, IProgress{WorkProgress}?, CancellationToken)"/>, with the response's rounding errors for the polish.</summary>
    internal static NonlinearLeastSquaresResult Fit(RegressionModel model, ReadOnlySpan<double> y, double[]? responseCorrections, ReadOnlySpan<double> start,
        NonlinearLeastSquaresOptions? options, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var o = options ?? new NonlinearLeastSquaresOptions();
        int n = model.Observations, k = model.ParameterNames.Count;
        if (y.Length != n) throw new DimensionMismatchException($"y has {y.Length} values for {n} observations.", nameof(y));
        if (start.Length != k) throw new DimensionMismatchException($"start has {start.Length} values for {k} parameters ({string.Join(", ", model.ParameterNames)}).", nameof(start));
        if (k == 0) throw new ArgumentException("the model has no parameters to fit.", nameof(model));
        if (n <= k) throw new ArgumentException($"too few data points: {n} observations for {k} parameters (need more observations than parameters).", nameof(y));
        for (int j = 0; j < k; j++)
            if (!double.IsFinite(start[j])) throw new ArgumentException($"start value of {model.ParameterNames[j]} is not finite ({start[j]}).", nameof(start));
        Finite.Require(y, nameof(y));
        int maxIterations = o.MaxIterations ?? (o.Method == NonlinearLeastSquaresMethod.SteepestDescent ? 50 : 10000);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations, nameof(options));

        var w = new LeastSquaresWork(model, y.ToArray(), start.ToArray(), o.RecordPath, progress, cancellationToken);
        var f = new double[n];
        model.Evaluate(start, f);
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(f[i]))
                throw new ArgumentException($"the model is {f[i]} at the start values for observation {i + 1} (division by zero or a function outside its domain?).", nameof(start));
        w.S = w.Residuals(w.B, w.R);
        w.Record();

        var (converged, reason, iterations) = o.Method switch
        {
            NonlinearLeastSquaresMethod.LevenbergMarquardt => LevenbergMarquardt.Run(w, o, maxIterations),
            NonlinearLeastSquaresMethod.GaussNewton => GaussNewton.Run(w, o, maxIterations),
            NonlinearLeastSquaresMethod.SteepestDescent => SteepestDescent.Run(w, o, maxIterations),
            _ => throw new ArgumentOutOfRangeException(nameof(options), o.Method, "Unknown method."),
        };

        if (converged && o.ExtendedPrecisionPolish && model is FormulaModel formula && n <= ExtendedPrecisionPolish.MaxObservations)
        {
            w.UpdateJacobian();
            ExtendedPrecisionPolish.Run(formula, w, responseCorrections);
        }
        w.UpdateJacobian();
        var (covariance, se) = ParameterCovariance.From(w.J, w.S / (n - k));
        return new NonlinearLeastSquaresResult
        {
            ParameterNames = model.ParameterNames,
            Parameters = w.B,
            StandardErrors = se,
            Covariance = covariance,
            ResidualSumOfSquares = w.S,
            DegreesOfFreedom = n - k,
            Iterations = iterations,
            FunctionEvaluations = w.FunctionEvaluations,
            Converged = converged,
            StopReason = reason,
            Method = o.Method,
            Path = w.Path,
            PathResidualSumOfSquares = w.PathS,
        };
    }
}
