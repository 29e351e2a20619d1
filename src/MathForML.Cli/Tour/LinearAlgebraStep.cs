using System.Diagnostics;
using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using MathForML.Randomness;

namespace MathForML.Cli.Tour;

/// <summary>
/// The Linear Algebra course's smaller assignments: identifying special (singular) matrices, Gram–Schmidt, the
/// reflecting bear (T = E·diag(1, −1)·E⁻¹ in the mirror's basis) and eigenvalues by power iteration against the
/// symmetric eigensolver.
/// </summary>
internal sealed class LinearAlgebraStep : ITourStep
{
    public string Name => "linear-algebra";

    public string Title => "Linear Algebra: special matrices, Gram-Schmidt, the reflecting bear, eigenvalues";

    public object Run(TourStepContext c)
    {
        var regular = Matrix.FromRows([2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 4], [0, 0, 5, 5]);
        var invertible = Matrix.FromRows([0, 7, -5, 3], [2, 8, 0, 4], [3, 12, 0, 5], [1, 3, 1, 3]);
        bool s1 = SingularityTest.IsSingular(regular), s2 = SingularityTest.IsSingular(invertible);
        c.Say($"[[2,0,0,0],[0,3,0,0],[0,0,4,4],[0,0,5,5]] singular: {s1}");
        c.Say($"[[0,7,-5,3],[2,8,0,4],[3,12,0,5],[1,3,1,3]] singular: {s2} (det = {LuDecomposition.Decompose(invertible).Determinant:G6})");

        var gs = GramSchmidt.Orthonormalize(Matrix.FromRows([1, 0, 2, 6], [0, 1, 8, 2], [2, 8, 3, 1], [1, -6, 2, 3]));
        var gsDependent = GramSchmidt.Orthonormalize(Matrix.FromRows([1, 2, 3], [4, 5, 9], [7, 8, 15]));
        c.Say($"Gram-Schmidt: 4 vectors in R⁴ span dimension {gs.Dimension}; [1,4,7], [2,5,8], [3,9,15] span dimension {gsDependent.Dimension}");

        var mirror = Matrix.FromRows([1, -1], [1.5, 2]); // the course's bearBasis
        var reflection = Transformations.Reflection(mirror);
        ReflectionPlot.Create(Bear.Parts(), reflection, mirror.Column(0)).Save(c.Plot("reflecting-bear.png"));
        c.Say($"reflection in the mirror spanned by (1, 1.5), the course's bearBasis: T = [[{reflection[0, 0]:G3}, {reflection[0, 1]:G3}], [{reflection[1, 0]:G3}, {reflection[1, 1]:G3}]]");

        int n = c.Quick ? 50 : 400;
        var rng = new SeededRandom(7);
        var x = new Matrix(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) x[i, j] = x[j, i] = rng.NextDouble();
        var power = PowerIteration.Dominant(x);
        var watch = Stopwatch.StartNew();
        var all = SymmetricEigen.Decompose(x, cancellationToken: c.Cancellation);
        double eigenSeconds = watch.Elapsed.TotalSeconds;
        c.Say($"random symmetric {n}×{n}: power iteration λ₁ = {power.Eigenvalue:G10} in {power.Iterations} iterations; all {n} eigenpairs ({eigenSeconds * 1000:F0} ms) give λ₁ = {all.Eigenvalues[0]:G10}");

        return new
        {
            singular = new[] { s1, s2 },
            gram_schmidt_dimensions = new[] { gs.Dimension, gsDependent.Dimension },
            reflection,
            dominant_eigenvalue = power.Eigenvalue,
            eigensolver_dominant_eigenvalue = all.Eigenvalues[0],
        };
    }
}
