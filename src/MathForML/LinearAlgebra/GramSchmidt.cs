using System.Numerics.Tensors;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// Gram–Schmidt orthonormalisation of the columns of a matrix.
/// </summary>
/// <remarks>
/// <see cref="Orthonormalize"/> is the course's procedure: take the columns b₀, b₁, … of A in order; from each subtract
/// its projection (bᵢ·eⱼ)eⱼ onto every earlier column eⱼ (j &lt; i, already orthonormal), using the updated bᵢ each time;
/// then normalise it if its norm exceeds the tolerance (1e-14 by default), otherwise set it to the zero vector, which
/// marks a column that depends on the earlier ones. The result has A's shape; <see cref="GramSchmidtResult.Dimension"/>
/// counts the non-zero columns, the dimension of A's column space.
/// <see cref="OrthonormalizeStable"/> does the same with a second orthogonalisation pass per column ("twice is enough":
/// Giraud, Langou, Rozložník, Computers &amp; Mathematics with Applications 50, 2005), which keeps the basis orthonormal to
/// machine precision even for nearly dependent columns, and judges dependence relative to the column's original norm.
/// Both work on rows of Aᵀ so every inner product runs over contiguous memory. Cost 2mnr for the r vectors kept (r ≤ min(m, n) up to rounding; 4mnr for the stable one).
/// Norms are taken with <see cref="SafeNorm"/>, so columns of any finite scale (1e200, 1e-200) are normalised, not lost
/// to an overflowing or underflowing sum of squares.
/// </remarks>
public static partial class GramSchmidt
{
    /// <summary>The course's tolerance: a column whose remaining norm is at most this is treated as dependent.</summary>
    public const double DefaultTolerance = 1e-14;

    /// <summary>The course's Gram–Schmidt procedure on the columns of <paramref name="a"/>.</summary>
    public static GramSchmidtResult Orthonormalize(Matrix a, double tolerance = DefaultTolerance) =>
        Run(a, tolerance, passes: 1, relative: false);

    /// <summary>Gram–Schmidt with re-orthogonalisation; columns with norm ≤ tolerance·(original norm) become zero.</summary>
    public static GramSchmidtResult OrthonormalizeStable(Matrix a, double tolerance = 1e-12) =>
        Run(a, tolerance, passes: 2, relative: true);

    private static GramSchmidtResult Run(Matrix a, double tolerance, int passes, bool relative)
    {
        if (!(tolerance >= 0 && double.IsFinite(tolerance)))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, $"The tolerance must be a finite number ≥ 0, got {tolerance}.");
        Finite.Require(a, nameof(a));
        var basis = a.Transpose();                 // row i of basis is column i of A
        int dimension = 0;
        // Only the unit vectors kept so far take part (zeroed, dependent columns project to nothing): about min(m, n)
        // of them, so n columns in ℝᵐ cost O(n·m·r), not O(n²·m) (1×40,000 took 3 s).
        var kept = new int[basis.Rows];
        for (int i = 0; i < basis.Rows; i++)
        {
            var bi = basis.RowSpan(i);
            double original = SafeNorm.Of(bi);
            for (int pass = 0; pass < passes; pass++)
                foreach (int j in kept.AsSpan(0, dimension))
                {
                    var ej = basis.RowSpan(j);
                    double projection = TensorPrimitives.Dot<double>(bi, ej);
                    if (projection != 0) TensorPrimitives.MultiplyAdd(ej, -projection, bi, bi);
                }
            double norm = SafeNorm.Of(bi);
            if (norm > (relative ? tolerance * original : tolerance) && norm > 0)
            {
                TensorPrimitives.Divide(bi, norm, bi);
                kept[dimension++] = i;
            }
            else bi.Clear();
        }
        return new GramSchmidtResult(basis.Transpose(), dimension);
    }
}

/// <summary>The result of Gram–Schmidt: an orthonormal basis as columns (dependent columns zero) and its dimension.</summary>
/// <param name="Basis">Same shape as the input; each column is a unit vector orthogonal to the others, or zero.</param>
/// <param name="Dimension">The number of non-zero columns: the dimension of the column space.</param>
public sealed record GramSchmidtResult(Matrix Basis, int Dimension);
