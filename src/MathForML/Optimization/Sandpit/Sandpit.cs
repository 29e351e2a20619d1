using MathForML.LinearAlgebra;

namespace MathForML.Optimization;

/// <summary>
/// The course's sandpit (Multivariate Calculus, week 5, <c>Sandpit</c> in its <c>sandpitmodule</c>): a landscape f on
/// [0, 6]² whose lowest point hides a phone, rescaled to depths, with the dip-stick's readings: the depth, the Jacobian
/// (gradient) and Hessian by the course's finite differences, the arrow it draws, and the two checks of a click
/// (found the phone; stuck in a local minimum).
/// </summary>
/// <remarks>
/// <para>
/// Extrema: the phone x₀ is the global minimum of f on the square and x₁ its global maximum, found by
/// <see cref="SquareGlobalMinimum"/> (grid and projected Newton; the course uses SciPy's random differential_evolution,
/// so its phone can move by ~10⁻⁵ between runs; this one is deterministic). With f₀ = f(x₀) and f₁ = f(x₁) the depth is
/// f̂(x, y) = 8·(f(x, y) − f₁)/(f₁ − f₀) − 1, which runs from −9 at the phone to −1 at the highest point.
/// </para>
/// <para>
/// Derivatives, exactly as the course's (so the numbers match its notebook's), with h = 0.01:
/// J = [f̂(x+h, y) − f̂(x−h, y), f̂(x, y+h) − f̂(x, y−h)]/(2h), and H by the same central difference of J:
/// Hᵢⱼ = (Jᵢ(+h along j) − Jᵢ(−h along j))/(2h) (16 evaluations of f̂; H is symmetric up to rounding). Their truncation
/// errors are O(h²) ≈ 10⁻⁴ relative; that is the course's choice, kept for fidelity.
/// </para>
/// <para>
/// The arrow at a click is −J·(gradient length), shortened to at most <see cref="MaxArrowLength"/>; the phone is found
/// when ‖(x, y) − x₀‖ ≤ <see cref="Tolerance"/>; the player is stuck in a local minimum when minimising f̂ from the click
/// ends within <see cref="Tolerance"/> of it. The course minimises with SciPy's BFGS; this uses <see cref="Bfgs"/>, with
/// SciPy's defaults, which usually ends in the same minimum (it can differ from a start on a ridge between basins).
/// </para>
/// </remarks>
public sealed class Sandpit
{
    /// <summary>The side of the square: x, y ∈ [0, 6].</summary>
    public const double Size = 6;

    /// <summary>The course's <c>grad_length</c>: the arrow is −J times this (before a landscape's scale).</summary>
    public const double DefaultGradientLength = 1.0 / 5;

    /// <summary>The course's <c>grad_max_length</c>: the longest arrow.</summary>
    public const double MaxArrowLength = 1;

    /// <summary>The course's <c>tol</c>: how near the phone (or a local minimum) counts as there.</summary>
    public const double Tolerance = 0.15;

    /// <summary>The course's finite-difference step h.</summary>
    public const double DifferenceStep = 0.01;

    private readonly Func<double, double, double> _f;

    /// <summary>The sandpit of the course's landscape, with its arrow scale.</summary>
    public Sandpit(SandpitLandscape landscape)
        : this((landscape ?? throw new ArgumentNullException(nameof(landscape))).Function, DefaultGradientLength * landscape.ArrowScale)
    {
        Landscape = landscape;
    }

    /// <summary>The sandpit of any landscape f on [0, 6]² (the course's <c>Sandpit(f)</c>).</summary>
    /// <exception cref="ArgumentException">f is constant on the square (there are no depths to rescale), or the gradient length is not positive.</exception>
    public Sandpit(Func<double, double, double> f, double gradientLength = DefaultGradientLength)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!(gradientLength > 0) || !double.IsFinite(gradientLength))
            throw new ArgumentOutOfRangeException(nameof(gradientLength), gradientLength, "The gradient length must be a positive number.");
        _f = f;
        GradientLength = gradientLength;
        var (x0, y0, f0) = SquareGlobalMinimum.Find(f, 0, Size);
        var (x1, y1, minusF1) = SquareGlobalMinimum.Find((x, y) => -f(x, y), 0, Size);
        Phone = [x0, y0];
        Summit = [x1, y1];
        MinimumHeight = f0;
        MaximumHeight = -minusF1;
        if (!(MaximumHeight > MinimumHeight))
            throw new ArgumentException($"The landscape is flat on the square (from {MinimumHeight} to {MaximumHeight}): there are no depths.", nameof(f));
    }

    /// <summary>The course's landscape, when the sandpit was made from one.</summary>
    public SandpitLandscape? Landscape { get; }

    /// <summary>The arrow's scale: the arrow is −J times this.</summary>
    public double GradientLength { get; }

    /// <summary>x₀, where the phone lies: the global minimum of f on the square.</summary>
    public IReadOnlyList<double> Phone { get; }

    /// <summary>x₁, the global maximum of f on the square.</summary>
    public IReadOnlyList<double> Summit { get; }

    /// <summary>f₀ = f(x₀).</summary>
    public double MinimumHeight { get; }

    /// <summary>f₁ = f(x₁).</summary>
    public double MaximumHeight { get; }

    /// <summary>The landscape's height f(x, y), before rescaling.</summary>
    public double Height(double x, double y) => _f(x, y);

    /// <summary>The depth f̂(x, y) = 8·(f(x, y) − f₁)/(f₁ − f₀) − 1: −9 at the phone, −1 at the highest point.</summary>
    public double Depth(double x, double y) => (8 * (_f(x, y) - MaximumHeight) / (MaximumHeight - MinimumHeight)) - 1;

    /// <summary>Whether (x, y) lies in the square [0, 6]² (false for NaN).</summary>
    public static bool Contains(double x, double y) => x >= 0 && x <= Size && y >= 0 && y <= Size;

    /// <summary>The course's Jacobian: J = [f̂(x+h, y) − f̂(x−h, y), f̂(x, y+h) − f̂(x, y−h)]/(2h), h = 0.01.</summary>
    public double[] Jacobian(double x, double y)
    {
        const double h = DifferenceStep, twoH = 2 * DifferenceStep;
        return [(Depth(x + h, y) - Depth(x - h, y)) / twoH, (Depth(x, y + h) - Depth(x, y - h)) / twoH];
    }

    /// <summary>The course's Hessian: Hᵢⱼ = (Jᵢ(+h along j) − Jᵢ(−h along j))/(2h), h = 0.01.</summary>
    public Matrix Hessian(double x, double y)
    {
        const double h = DifferenceStep, twoH = 2 * DifferenceStep;
        double[] right = Jacobian(x + h, y), left = Jacobian(x - h, y), up = Jacobian(x, y + h), down = Jacobian(x, y - h);
        return Matrix.FromRows(
            [(right[0] - left[0]) / twoH, (up[0] - down[0]) / twoH],
            [(right[1] - left[1]) / twoH, (up[1] - down[1]) / twoH]);
    }

    /// <summary>
    /// The arrow the dip-stick shows: d = −J·<see cref="GradientLength"/>, scaled to length min(‖d‖, 1) (the course's
    /// <c>placeArrow</c>); zero where J is zero.
    /// </summary>
    public double[] Arrow(double x, double y)
    {
        var j = Jacobian(x, y);
        double dx = -j[0] * GradientLength, dy = -j[1] * GradientLength;
        double length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length == 0) return [0, 0];
        double scale = Math.Clamp(length, 0, MaxArrowLength) / length;
        return [dx * scale, dy * scale];
    }

    /// <summary>‖(x, y) − x₀‖ ≤ 0.15: the phone is found.</summary>
    public bool IsAtPhone(double x, double y) => Distance(Phone[0], Phone[1], x, y) <= Tolerance;

    /// <summary>
    /// Minimises the depth from (x, y) (<see cref="Bfgs"/>, SciPy's defaults) and says whether the minimum it ends in lies
    /// within 0.15 of (x, y): the player is stuck in a local minimum. Where f̂ falls without bound outside the square the
    /// search runs away, and the player is not stuck.
    /// </summary>
    public (double[] Minimum, bool Stuck) LocalMinimum(double x, double y)
    {
        var r = Bfgs.Minimize(p => Depth(p[0], p[1]), [x, y]);
        return (r.Minimum, Distance(r.Minimum[0], r.Minimum[1], x, y) <= Tolerance);
    }

    private static double Distance(double ax, double ay, double bx, double by)
    {
        double dx = ax - bx, dy = ay - by;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
