using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Geometry;

/// <summary>
/// Orthogonal projections in ℝᴰ (column vectors). Onto the line spanned by b: π(x) = (bᵀx / bᵀb)·b with projection
/// matrix P = b·bᵀ / (bᵀb). Onto the column space of B (D×M, independent columns): π(x) = B·λ with coordinates
/// λ = (BᵀB)⁻¹·Bᵀx and P = B·(BᵀB)⁻¹·Bᵀ. Every P is symmetric (Pᵀ = P) and idempotent (P² = P), and the residual
/// x − π(x) is orthogonal to the subspace: Bᵀ(x − π(x)) = 0.
/// </summary>
/// <remarks>
/// (BᵀB)⁻¹ is applied by LU solves, never formed; BᵀB is M×M, so the cost is 2DM² + M³ flops for P's factor and
/// 2DM per projected point. A B with dependent columns has a singular BᵀB and is rejected.
/// </remarks>
public static class Projection
{
    /// <summary>P = b·bᵀ / (bᵀb), the D×D projection onto the line spanned by b.</summary>
    /// <exception cref="ArgumentException">b is the zero vector.</exception>
    public static Matrix OntoLineMatrix(Vector b)
    {
        double bb = RequireNonZero(b);
        int d = b.Length;
        var p = new Matrix(d, d);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                p[i, j] = b[i] * b[j] / bb;
        return p;
    }

    /// <summary>π(x) = (bᵀx / bᵀb)·b, the point on the line spanned by b closest to x.</summary>
    public static Vector OntoLine(Vector x, Vector b)
    {
        ArgumentNullException.ThrowIfNull(x);
        double bb = RequireNonZero(b);
        if (x.Length != b.Length) throw new DimensionMismatchException($"x has {x.Length} elements, b has {b.Length}.", nameof(x));
        return b.Dot(x) / bb * b;
    }

    /// <summary>P = B·(BᵀB)⁻¹·Bᵀ, the D×D projection onto the column space of B.</summary>
    /// <exception cref="SingularMatrixException">B's columns are linearly dependent.</exception>
    public static Matrix OntoSubspaceMatrix(Matrix b)
    {
        var lu = Gram(b);
        var coefficients = lu.Solve(b.Transpose());   // (BᵀB)⁻¹Bᵀ, M×D
        return b * coefficients;
    }

    /// <summary>The coordinates λ = (BᵀB)⁻¹·Bᵀx of the projection of x in the basis of B's columns.</summary>
    /// <exception cref="SingularMatrixException">B's columns are linearly dependent.</exception>
    public static Vector Coordinates(Vector x, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(x);
        var lu = Gram(b);
        if (x.Length != b.Rows) throw new DimensionMismatchException($"x has {x.Length} elements, B has {b.Rows} rows.", nameof(x));
        return lu.Solve(b.Transpose() * x);
    }

    /// <summary>π(x) = B·λ, the point of the column space of B closest to x.</summary>
    /// <exception cref="SingularMatrixException">B's columns are linearly dependent.</exception>
    public static Vector OntoSubspace(Vector x, Matrix b) => b * Coordinates(x, b);

    /// <summary>Projects every row of <paramref name="x"/> (N×D) onto the column space of B: X·P (P is symmetric).</summary>
    /// <exception cref="SingularMatrixException">B's columns are linearly dependent.</exception>
    public static Matrix RowsOntoSubspace(Matrix x, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(x);
        var lu = Gram(b);
        if (x.Columns != b.Rows) throw new DimensionMismatchException($"Rows of X have {x.Columns} elements, B has {b.Rows} rows.", nameof(x));
        var coordinates = lu.Solve(b.TransposeTimes(x.Transpose()));   // M×N
        return coordinates.TransposeTimes(b.Transpose());               // N×D
    }

    /// <summary>
    /// The reconstruction error J = Σᵢ ‖xᵢ − π(xᵢ)‖² of the rows xᵢ of <paramref name="x"/> (N×D) projected onto the
    /// column space of B: the sum of squared distances PCA minimises over the subspace (PCA course, weeks 3 and 4;
    /// Deisenroth, Faisal and Ong, Mathematics for Machine Learning, §10.3). For a line pass B = b as one column.
    /// </summary>
    /// <exception cref="SingularMatrixException">B's columns are linearly dependent.</exception>
    public static double SquaredReconstructionError(Matrix x, Matrix b)
    {
        var residual = x - RowsOntoSubspace(x, b);
        double norm = residual.FrobeniusNorm();
        return norm * norm;
    }

    private static LuDecomposition Gram(Matrix b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.Columns == 0) throw new ArgumentException("B has no columns: there is no subspace to project onto.", nameof(b));
        Finite.Require(b, nameof(b));
        var lu = LuDecomposition.Decompose(b.TransposeTimesSelf());
        if (lu.IsSingular || lu.IsNearlySingular)
            throw new SingularMatrixException("BᵀB is singular: the columns of B are linearly dependent, so they are not a basis.");
        return lu;
    }

    private static double RequireNonZero(Vector b)
    {
        ArgumentNullException.ThrowIfNull(b);
        double bb = b.Dot(b);
        if (!(bb > 0)) throw new ArgumentException("b is the zero vector: it spans no line.", nameof(b));
        return bb;
    }
}
