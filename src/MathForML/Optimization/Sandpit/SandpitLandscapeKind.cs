namespace MathForML.Optimization;

/// <summary>The landscapes of the course's sandpit notebook (its <c>sandpit_*</c> functions), all on [0, 6]².</summary>
public enum SandpitLandscapeKind
{
    /// <summary><c>sandpit_intro</c>: a bowl with a Gaussian pit, f = −((x−4.1)² + (y−0.9)²) − 30·exp(−((x−1.5)² + (y−3.7)²)/2.8). No randomness.</summary>
    Intro,
    /// <summary><c>sandpit_depth_only</c>: the intro's landscape, played with the depth only (no arrow).</summary>
    DepthOnly,
    /// <summary><c>sandpit_multiple_minima</c>: a rotated, shifted grid of sinc bumps and dips, one dip deeper; the arrow is half as long.</summary>
    MultipleMinima,
    /// <summary><c>sandpit_random</c> (and the graded <c>sandpit_gradient</c>): a random 4×4 cosine series in a rim; the arrow is 1.5 times as long.</summary>
    Random,
    /// <summary><c>sandpit_rocks</c>: the random landscape plus a small ten-times-faster cosine series (rocks).</summary>
    Rocks,
    /// <summary><c>sandpit_well</c>: the random landscape plus a narrow Gaussian well (σ = 0.2, depth 0.6) at a random place.</summary>
    Well,
}
