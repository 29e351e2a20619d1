using MathForML.Numerics;

namespace MathForML.Optimization;

/// <summary>The solvers of <see cref="NonlinearLeastSquares"/>.</summary>
public enum NonlinearLeastSquaresMethod
{
    /// <summary>Levenberg–Marquardt with Marquardt's diagonal scaling (the default; robust from far starts).</summary>
    LevenbergMarquardt,
    /// <summary>Gauss–Newton: the undamped step JᵀJδ = Jᵀr (fast near the solution, may diverge from far).</summary>
    GaussNewton,
    /// <summary>The course's steepest descent on χ²: b ← b − aggression·∇χ², a fixed number of steps.</summary>
    SteepestDescent,
}

/// <summary>Why a least-squares fit stopped.</summary>
public enum FitStopReason
{
    /// <summary>Both the actual and the predicted relative reduction of the residual sum of squares fell below the tolerance.</summary>
    RelativeReduction,
    /// <summary>The scaled step ‖Dδ‖ fell below the tolerance relative to ‖Db‖.</summary>
    StepSize,
    /// <summary>The residual is orthogonal to the Jacobian's columns: max cos(rᵢ, Jⱼ) below the tolerance.</summary>
    Gradient,
    /// <summary>No step, however damped, reduces the sum of squares any more: the minimum to machine precision.</summary>
    NoFurtherReduction,
    /// <summary>The iteration limit was reached first.</summary>
    MaxIterations,
    /// <summary>The Jacobian lost rank (Gauss–Newton cannot take a step).</summary>
    SingularJacobian,
    /// <summary>The model became non-finite along the way.</summary>
    Diverged,
}

/// <summary>Options of <c>NonlinearLeastSquares.Fit</c>; the defaults need no tuning per problem.</summary>
public sealed record NonlinearLeastSquaresOptions
{
    /// <summary>The solver.</summary>
    public NonlinearLeastSquaresMethod Method { get; init; } = NonlinearLeastSquaresMethod.LevenbergMarquardt;

    /// <summary>
    /// Iteration limit (Jacobian evaluations; at least 1, checked when set). Defaults: 10000 (LM, Gauss–Newton), 50
    /// (steepest descent, as in the course).
    /// </summary>
    public int? MaxIterations { get; init => field = value is { } v ? Setting.AtLeast(v, 1, nameof(MaxIterations), "The iteration limit") : null; }

    /// <summary>Stop when the actual and predicted reductions of S relative to S are both at most this.</summary>
    public double RelativeReductionTolerance { get; init; } = 1e-15;

    /// <summary>Stop when ‖Dδ‖ ≤ tol·(‖Db‖ + tol).</summary>
    public double StepTolerance { get; init; } = 1e-15;

    /// <summary>Stop when max over j of |Jⱼᵀr|/(‖Jⱼ‖‖r‖) is at most this.</summary>
    public double GradientTolerance { get; init; } = 1e-15;

    /// <summary>Levenberg–Marquardt only: add Transtrum &amp; Sethna's geodesic acceleration to each step.</summary>
    public bool GeodesicAcceleration { get; init; } = true;

    /// <summary>
    /// After convergence of a formula model (up to 100000 observations), polish b and S with a few Gauss–Newton steps on
    /// double-double residuals (see the remarks of <see cref="NonlinearLeastSquares"/>); NIST problems also pass the
    /// decimal rounding errors of their data (<c>MathForML.Data.NistStrdProblem.Fit</c>).
    /// </summary>
    public bool ExtendedPrecisionPolish { get; init; } = true;

    /// <summary>The course's aggression a of steepest descent: step = −a·∇χ² (positive; checked when set).</summary>
    public double Aggression { get; init => field = Setting.Positive(value, nameof(Aggression), "The aggression"); } = 2000;

    /// <summary>Keep every accepted parameter vector in <see cref="NonlinearLeastSquaresResult.Path"/>.</summary>
    public bool RecordPath { get; init; }
}
