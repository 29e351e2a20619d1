using MathForML.Numerics;

namespace MathForML.Optimization;

/// <summary>When <c>LinearLeastSquares.Fit</c> refines its QR solution with double-double residuals.</summary>
public enum LinearLeastSquaresRefinement
{
    /// <summary>Refine when the estimated κ₁(R) exceeds <see cref="LinearLeastSquaresOptions.RefinementThreshold"/> (the default).</summary>
    Auto,
    /// <summary>Always refine.</summary>
    On,
    /// <summary>Never refine: the plain Householder QR solution, as before issue 17.</summary>
    Off,
}

/// <summary>Options of <c>LinearLeastSquares.Fit</c>; the defaults need no tuning per problem.</summary>
public sealed record LinearLeastSquaresOptions
{
    /// <summary>Whether to refine the coefficients, the residual sum of squares and the covariance (see <see cref="LinearLeastSquares"/>).</summary>
    public LinearLeastSquaresRefinement Refinement { get; init; } = LinearLeastSquaresRefinement.Auto;

    /// <summary>
    /// <see cref="LinearLeastSquaresRefinement.Auto"/> refines when the estimate of κ₁(R) is above this (positive; checked
    /// when set). The default 10⁶: below it plain QR loses at most ~6 of double's 16 digits in the norm of β when the residual
    /// is small (Higham §20.1), and refinement would mostly cost time. It is not a componentwise guarantee: a coefficient
    /// much smaller than the others, or a large residual (the κ²·tan θ term of the perturbation bound), can lose more;
    /// use <see cref="LinearLeastSquaresRefinement.On"/> when every digit of every coefficient matters.
    /// </summary>
    public double RefinementThreshold { get; init => field = Setting.Positive(value, nameof(RefinementThreshold), "The refinement threshold"); } = 1e6;

    /// <summary>At most this many refinement steps per solve (at least 1; checked when set).</summary>
    public int MaxRefinementSteps { get; init => field = Setting.AtLeast(value, 1, nameof(MaxRefinementSteps), "The refinement step limit"); } = 10;
}
