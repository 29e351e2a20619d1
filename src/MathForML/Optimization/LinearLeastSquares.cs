using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Optimization;

/// <summary>A linear least-squares fit y ≈ Xβ.</summary>
/// <param name="Coefficients">β (the intercept first when one was added).</param>
/// <param name="StandardErrors">√diag(σ²(XᵀX)⁻¹).</param>
/// <param name="Covariance">σ²(XᵀX)⁻¹ with σ² = S/(N − p).</param>
/// <param name="ResidualSumOfSquares">S = ‖y − Xβ‖².</param>
/// <param name="RSquared">1 − S/Σ(yᵢ − ȳ)² (coefficient of determination).</param>
/// <param name="DegreesOfFreedom">N − p.</param>
public sealed record LinearLeastSquaresResult(Vector Coefficients, Vector StandardErrors, Matrix Covariance, double ResidualSumOfSquares,
    double RSquared, int DegreesOfFreedom)
{
    /// <summary>
    /// The estimate of κ₁(R) (R from X = QR; Hager/Higham, a lower bound almost always within a factor 3) that
    /// <see cref="LinearLeastSquaresRefinement.Auto"/> compares with its threshold; when a one-pass upper bound on κ₁(R)
    /// is already below the threshold, that bound instead (no estimate is then needed).
    /// </summary>
    public double ConditionEstimate { get; init; }

    /// <summary>Refinement steps taken for β (0: the plain QR solution; see <see cref="LinearLeastSquaresOptions"/>).</summary>
    public int RefinementSteps { get; init; }
}

/// <summary>
/// Linear least squares: β minimising ‖y − Xβ‖² for an N×p design matrix X (rows are observations), solved by Householder QR,
/// X = QR, Rβ = Qᵀy, which keeps the condition number of X (the normal equations XᵀXβ = Xᵀy would square it).
/// The covariance σ²(XᵀX)⁻¹ = σ²R⁻¹R⁻ᵀ gives the standard errors. <see cref="FitByGradientDescent"/> is the course's
/// version: the same fit by steps down the gradient of the mean squared error, to show that both reach the same line.
/// Reference: Golub &amp; Van Loan, Matrix Computations (4th ed.), §5.3; Björck, Numerical Methods for Least Squares Problems, §1.2.
/// </summary>
/// <remarks>
/// Ill-conditioned designs (raw powers of x, nearly collinear columns) lose ~log₁₀κ digits in any double-precision QR.
/// When the estimate of κ₁(R) (Hager/Higham, O(p²)) exceeds <see cref="LinearLeastSquaresOptions.RefinementThreshold"/>
/// (10⁶), or when asked to, the fit is refined by Björck's augmented-system iterative refinement with double-double
/// residuals (<see cref="AugmentedSystemRefinement"/>): β, S and every column of (XᵀX)⁻¹ (so the covariance and the
/// standard errors too) then come out to about double precision as long as κ(XD)·u ≪ 1 (D scales X's columns to unit
/// norm), which on raw powers of x = 1..20 up to degree 10 (κ₂(X) ≈ 9·10¹⁴) gives ~16 correct digits where plain QR gives ~5. The
/// κ₁(R) estimate is of the unscaled R, larger than κ(XD) on badly scaled designs, so it errs towards refining.
/// Below the threshold the result is that of plain QR, bit for bit as before.
/// </remarks>
public static class LinearLeastSquares
{
    /// <summary>
    /// Fits y ≈ Xβ; with <paramref name="intercept"/> a column of ones is put in front of X. <paramref name="options"/>
    /// (default <see cref="LinearLeastSquaresOptions"/>) says when to refine the solution.
    /// </summary>
    /// <exception cref="ArgumentException">N ≤ p, or the columns of X are dependent.</exception>
    /// <exception cref="MathForML.Numerics.NonFiniteValueException">X or y holds NaN or ±∞.</exception>
    public static LinearLeastSquaresResult Fit(Matrix x, Vector y, bool intercept = true, LinearLeastSquaresOptions? options = null)
    {
        options ??= Defaults;
        if (x.Rows != y.Length) throw new DimensionMismatchException($"X has {x.Rows} rows but y has {y.Length} values.", nameof(y));
        Finite.Require(x, nameof(x));
        Finite.Require(y.AsSpan(), nameof(y));
        var design = intercept ? WithIntercept(x) : x;
        int n = design.Rows, p = design.Columns;
        if (n <= p) throw new ArgumentException($"too few data points: {n} observations for {p} coefficients (need more observations than coefficients).", nameof(x));
        var qr = QrDecomposition.Decompose(design);
        if (qr.IsRankDeficient) throw new ArgumentException("the columns of X are linearly dependent: the coefficients are not unique.", nameof(x));
        double bound = qr.ConditionUpperBoundOfR();
        double condition = options.Refinement == LinearLeastSquaresRefinement.Auto && bound <= options.RefinementThreshold ? bound : qr.EstimateConditionOfR();
        double mean = y.Sum() / n, total = 0;
        foreach (var v in y.AsSpan()) total += (v - mean) * (v - mean);
        bool refine = options.Refinement switch
        {
            LinearLeastSquaresRefinement.On => true,
            LinearLeastSquaresRefinement.Off => false,
            _ => condition > options.RefinementThreshold,
        };
        if (refine)
        {
            var (refined, sRefined, covarianceRefined, seRefined, steps) = RefinedLinearFit.Compute(design, y, qr, options.MaxRefinementSteps);
            return new LinearLeastSquaresResult(Vector.Wrap(refined), Vector.Of(seRefined), covarianceRefined, sRefined,
                total > 0 ? 1 - sRefined / total : 1, n - p)
            { ConditionEstimate = condition, RefinementSteps = steps };
        }
        var beta = qr.Solve(y);
        var residual = y - design * beta;
        double s = residual.Dot(residual);
        var (covariance, se) = ParameterCovariance.From(qr, s / (n - p));
        return new LinearLeastSquaresResult(beta, Vector.Of(se), covariance, s, total > 0 ? 1 - s / total : 1, n - p)
        { ConditionEstimate = condition };
    }

    private static readonly LinearLeastSquaresOptions Defaults = new();

    /// <summary>
    /// The course's linear regression by gradient descent on the mean squared error E(β) = ‖y − Xβ‖²/N, with
    /// ∇E = −(2/N)·Xᵀ(y − Xβ) and β ← β − η∇E for <paramref name="steps"/> steps from β = 0. Returns β and E along the way.
    /// </summary>
    public static (Vector Coefficients, double[] Loss) FitByGradientDescent(Matrix x, Vector y, double learningRate, int steps, bool intercept = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (steps > 1 << 24) MemoryBudget.Require(steps * (double)sizeof(double), steps, nameof(steps), $"The loss of {steps:N0} steps");
        if (x.Rows != y.Length) throw new DimensionMismatchException($"X has {x.Rows} rows but y has {y.Length} values.", nameof(y));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        if (!(learningRate > 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be positive.");
        var design = intercept ? WithIntercept(x) : x;
        int n = design.Rows;
        var beta = new Vector(design.Columns);
        var xt = design.Transpose();
        var loss = new double[steps];
        for (int k = 0; k < steps; k++)
        {
            var r = y - design * beta;
            loss[k] = r.Dot(r) / n;
            beta += (2.0 * learningRate / n) * (xt * r);
        }
        return (beta, loss);
    }

    private static Matrix WithIntercept(Matrix x)
    {
        var d = new Matrix(x.Rows, x.Columns + 1);
        for (int i = 0; i < x.Rows; i++)
        {
            d[i, 0] = 1;
            x.RowSpan(i).CopyTo(d.RowSpan(i)[1..]);
        }
        return d;
    }
}
