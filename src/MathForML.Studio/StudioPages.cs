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
        new("special-matrices", "Identifying special matrices", LinearAlgebra, "Your 4×4 matrix through the course's fixRowZero … fixRowThree, one row operation at a time: singular or not, and why."),
        new("gram-schmidt", "Gram-Schmidt", LinearAlgebra, "Your vectors made orthonormal one projection at a time; dependent vectors become zero; the course's test matrices."),
        new("reflecting-bear", "Reflecting bear", LinearAlgebra, "Drag the mirror's basis vectors: E from Gram-Schmidt, T = E·T_E·E⁻¹, the bear and its reflection."),
        new("eigenvectors", "Eigenvectors", LinearAlgebra, "A 2×2 matrix on the grid and the unit circle, its eigenvectors (or complex eigenvalues), the power method step by step."),
        new("pagerank", "PageRank", LinearAlgebra, "Surfers on the micro-internet, the damping factor, Geoff's self-linking page, a generated internet."),
        new("backpropagation", "Backpropagation", Calculus, "The course's 1-6-7-2 network learning the heart live: start, pause, step; aggression, noise, the Jacobians."),
        new("taylor", "Taylor series", Calculus, "A function and its Taylor polynomial about a point you drag, order 0 to 10, with the coefficients."),
        new("newton-raphson", "Newton-Raphson and the secant method", Calculus, "Tangents and chords down to the axis from a start you drag; the iterates, and starts where Newton fails."),
        new("sandpit", "The Sandpit", Calculus, "Dip for the lost phone: the depth and −J at a click, the course's landscapes and game modes, the descent strategies' paths."),
        new("fitting", "Fitting the heights", Calculus, "The course's heights histogram fitted with a Gaussian: steepest descent on χ² from a start you click, beside Levenberg–Marquardt."),
        new("mean-covariance", "Mean and covariance", Pca, "A data set's mean and covariance ellipse, moved by an affine map you set."),
        new("knn", "Distances, angles and kNN", Pca, "The iris decision regions as k changes; the MNIST digits nearest to one you pick."),
        new("projections", "Projections", Pca, "Points projected onto a line you turn: the projection matrix, the reconstruction error, the assignment's tests."),
        new("pca-mnist", "PCA of MNIST", Pca, "Reconstructions from K components, the spectrum, the eigen-images, the digits in 2-D; the N < D trick."),
    ];
}
