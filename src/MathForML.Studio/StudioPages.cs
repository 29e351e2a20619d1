namespace MathForML.Studio;

/// <summary>One page of the Studio: where it lives, what it is called and which course and week it belongs to.</summary>
/// <param name="Route">The page's address, e.g. <c>pagerank</c>.</param>
/// <param name="Title">The course item's name.</param>
/// <param name="Course">Linear Algebra, Multivariate Calculus or PCA.</param>
/// <param name="Summary">One line: what the learner does on the page.</param>
public sealed record StudioPage(string Route, string Title, string Course, string Summary);

/// <summary>The Studio's pages in the courses' order: the navigation and the home page list them from here.</summary>
public static class StudioPages
{
    /// <summary>The first course.</summary>
    public const string LinearAlgebra = "Linear Algebra";

    /// <summary>The second course.</summary>
    public const string Calculus = "Multivariate Calculus";

    /// <summary>The third course.</summary>
    public const string Pca = "PCA";

    /// <summary>Every page, in the courses' order.</summary>
    public static IReadOnlyList<StudioPage> All { get; } =
    [
        new("pagerank", "PageRank", LinearAlgebra, "Surfers on the micro-internet, the damping factor, Geoff's self-linking page, a generated internet."),
        new("taylor", "Taylor series", Calculus, "A function and its Taylor polynomial about a point you drag, order 0 to 10, with the coefficients."),
        new("newton-raphson", "Newton-Raphson and the secant method", Calculus, "Tangents and chords down to the axis from a start you drag; the iterates, and starts where Newton fails."),
        new("sandpit", "The Sandpit", Calculus, "Dip for the lost phone: the depth and −J at a click, the course's landscapes and game modes, the descent strategies' paths."),
        new("fitting", "Fitting the heights", Calculus, "The course's heights histogram fitted with a Gaussian: steepest descent on χ² from a start you click, beside Levenberg–Marquardt."),
    ];
}
