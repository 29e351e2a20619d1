using MathForML.Randomness;

namespace MathForML.Optimization;

/// <summary>
/// A landscape f(x, y) of the course's sandpit (Multivariate Calculus, week 5, <c>sandpit_*</c> in its notebook) and the
/// arrow scale it is played with. <see cref="Create"/> draws the random landscapes from a <see cref="NumPyRandom"/> in
/// the course's order, so <c>Create(kind, new NumPyRandom(s))</c> is, to the last bits of its cosines, the function
/// the course gets after <c>np.random.seed(s)</c>. The generator is left where the course's global stream would be,
/// so clicks drawn from it next follow the course's draws.
/// </summary>
/// <remarks>
/// The landscapes (x, y ∈ [0, 6]):
/// <list type="bullet">
/// <item>Intro, DepthOnly: f = −((x − 4.1)² + (y − 0.9)²) − 30·exp(−((x − 1.5)² + (y − 3.7)²)/(2·1.4)).</item>
/// <item>MultipleMinima: θ = 2π·U, u₀ = choice(1, 3), v₀ = choice(1, 3), u₁ = (U − ½)·2/3, v₁ = (U − ½)·2/3 (in this
/// order); u = (x−3)cos θ + (y−3)sin θ + 2 + u₁, v = −(x−3)sin θ + (y−3)cos θ + 3 + v₁;
/// f = Σ sinc(u−a)·sinc(v−b) over (a, b) ∈ {0, 2, 4}×{0, 2, 4} ∪ {(0, 6), (2, 6)}
/// − Σ sinc(u−a)·sinc(v−b) over {1, 3}×{1, 3, 5} − sinc(u−u₀)·sinc(v−v₀), with NumPy's sinc t = sin(πt)/(πt).</item>
/// <item>Random: a = rand(4,4) ⊙ (nm)⁻², φx = 2π·rand(4,4), φy = 2π·rand(4,4) (indices 1-based in (nm)⁻², rows drawn
/// first); f = Σₙₘ aₙₘ·cos(πnx/6 + φxₙₘ)·cos(πmy/6 + φyₙₘ) + (1 − x(x−6)·y(y−6)/81)⁷/9 for n, m = 0…3.</item>
/// <item>Rocks: Random plus b = rand(4,4) ⊙ (nm)⁻², θx, θy = 2π·rand(4,4) (after φy) and
/// Σₙₘ bₙₘ/25·cos(10πnx/6 + θxₙₘ)·cos(10πmy/6 + θyₙₘ).</item>
/// <item>Well: Random, then x₀ = 6U, y₀ = 6U and the term −0.6·exp(−((x−x₀)² + (y−y₀)²)/(2·0.2²)).</item>
/// </list>
/// Sums are added in the course's order, so the values match NumPy's to rounding (tested to 1e-12 relative for seeds
/// 0, 1, 42: tests/MathForML.Tests/Reference/sandpit/make_sandpit.py).
/// </remarks>
public sealed class SandpitLandscape
{
    private readonly Func<double, double, double> _f;

    private SandpitLandscape(SandpitLandscapeKind kind, Func<double, double, double> f, double arrowScale)
    {
        Kind = kind;
        _f = f;
        ArrowScale = arrowScale;
    }

    /// <summary>Which of the course's landscapes this is.</summary>
    public SandpitLandscapeKind Kind { get; }

    /// <summary>
    /// The factor of the course's arrow length <c>grad_length</c> (1/5) for this landscape: ½ for MultipleMinima,
    /// 1.5 for Random, Rocks and Well, 1 otherwise.
    /// </summary>
    public double ArrowScale { get; }

    /// <summary>The course's game mode for the landscape: depth only for <see cref="SandpitLandscapeKind.DepthOnly"/>, the Jacobian otherwise.</summary>
    public SandpitMode DefaultMode => Kind == SandpitLandscapeKind.DepthOnly ? SandpitMode.DepthOnly : SandpitMode.Jacobian;

    /// <summary>f(x, y), the landscape's height (before the sandpit rescales it to depths).</summary>
    public double Evaluate(double x, double y) => _f(x, y);

    /// <summary>The landscape as a function, for <see cref="Sandpit"/>.</summary>
    public Func<double, double, double> Function => _f;

    /// <summary>
    /// The course's landscape <paramref name="kind"/>, drawing its random parameters from <paramref name="random"/>
    /// in the course's order (Intro and DepthOnly draw nothing).
    /// </summary>
    public static SandpitLandscape Create(SandpitLandscapeKind kind, NumPyRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return kind switch
        {
            SandpitLandscapeKind.Intro or SandpitLandscapeKind.DepthOnly => new(kind, Intro, 1),
            SandpitLandscapeKind.MultipleMinima => new(kind, SincGridLandscape.Draw(random).Evaluate, 0.5),
            SandpitLandscapeKind.Random => new(kind, CosineSeriesLandscape.Draw(random, rocks: false, well: false).Evaluate, 1.5),
            SandpitLandscapeKind.Rocks => new(kind, CosineSeriesLandscape.Draw(random, rocks: true, well: false).Evaluate, 1.5),
            SandpitLandscapeKind.Well => new(kind, CosineSeriesLandscape.Draw(random, rocks: false, well: true).Evaluate, 1.5),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not one of the sandpit's landscapes."),
        };
    }

    private static double Intro(double x, double y)
    {
        double dx = x - 4.1, dy = y - 0.9, px = x - 1.5, py = y - 3.7;
        return -((dx * dx) + (dy * dy)) - (30 * Math.Exp(-((px * px) + (py * py)) / (2 * 1.4)));
    }
}
