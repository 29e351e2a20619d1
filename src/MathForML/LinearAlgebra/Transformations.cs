namespace MathForML.LinearAlgebra;

/// <summary>
/// Changes of basis, rotations and reflections, with vectors as columns (a point p maps to Tp).
/// </summary>
/// <remarks>
/// A basis B = [b₀ … bₙ₋₁] given as the columns of an invertible matrix: a vector with coordinates c in that basis is
/// v = Bc, so c = B⁻¹v (solved by LU; for an orthonormal basis B⁻¹ = Bᵀ). The course's reflection: given a mirror
/// basis whose first n−1 columns span the mirror, E = GramSchmidt(basis) is orthonormal with its last column normal to
/// the mirror, T_E = diag(1, …, 1, −1) reflects in those coordinates, and T = E·T_E·Eᵀ in the standard basis;
/// T is symmetric, orthogonal and T² = I. Reference: the course's "Reflecting Bear" assignment; Strang §4.4.
/// </remarks>
public static class Transformations
{
    /// <summary>The coordinates c of <paramref name="v"/> in the basis whose vectors are the columns of <paramref name="basis"/>: Bc = v.</summary>
    /// <exception cref="SingularMatrixException">The columns of <paramref name="basis"/> are dependent: not a basis.</exception>
    public static Vector ToBasis(Matrix basis, Vector v)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(v);
        DimensionMismatchException.ThrowIfNotSquare(basis.Rows, basis.Columns, nameof(basis));
        return LuDecomposition.Decompose(basis).Solve(v);
    }

    /// <summary>The vector v = Bc whose coordinates in the basis B (columns) are <paramref name="coordinates"/>.</summary>
    public static Vector FromBasis(Matrix basis, Vector coordinates)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(coordinates);
        return basis * coordinates;
    }

    /// <summary>The 2×2 matrix rotating the plane anticlockwise by θ radians: [[cos θ, −sin θ], [sin θ, cos θ]].</summary>
    public static Matrix Rotation2D(double theta)
    {
        double c = Math.Cos(theta), s = Math.Sin(theta);
        return Matrix.FromRows([c, -s], [s, c]);
    }

    /// <summary>The n×n rotation by θ in the plane of coordinates i and j (a Givens rotation), the identity elsewhere.</summary>
    public static Matrix Rotation(int n, int i, int j, double theta)
    {
        if (i == j || (uint)i >= (uint)n || (uint)j >= (uint)n)
            throw new ArgumentOutOfRangeException(nameof(i), $"Need two different axes below {n}, got {i} and {j}.");
        var r = Matrix.Identity(n);
        double c = Math.Cos(theta), s = Math.Sin(theta);
        r[i, i] = c; r[j, j] = c; r[i, j] = -s; r[j, i] = s;
        return r;
    }

    /// <summary>
    /// The reflection T = E·T_E·Eᵀ through the mirror spanned by the first n−1 columns of <paramref name="mirrorBasis"/>
    /// (n×n; in 2-D, the first column lies in the mirror). Throws when the columns are dependent.
    /// </summary>
    /// <remarks>
    /// E comes from <see cref="GramSchmidt.OrthonormalizeStable"/>, which judges dependence relative to each column's
    /// norm, so the result does not depend on the basis' scale (a basis of 1e-80-sized vectors is as good as any).
    /// </remarks>
    public static Matrix Reflection(Matrix mirrorBasis)
    {
        ArgumentNullException.ThrowIfNull(mirrorBasis);
        DimensionMismatchException.ThrowIfNotSquare(mirrorBasis.Rows, mirrorBasis.Columns, nameof(mirrorBasis));
        int n = mirrorBasis.Rows;
        var gs = GramSchmidt.OrthonormalizeStable(mirrorBasis);
        if (gs.Dimension < n)
            throw new ArgumentException($"The mirror basis has dependent columns (dimension {gs.Dimension} of {n}).", nameof(mirrorBasis));
        var e = gs.Basis;
        var te = Matrix.Identity(n);
        te[n - 1, n - 1] = -1;
        return e * te * e.Transpose();
    }

    /// <summary>Applies a transformation to points given as the columns of <paramref name="points"/>: returns T·P.</summary>
    /// <exception cref="DimensionMismatchException">P does not have as many rows as T has columns.</exception>
    public static Matrix Apply(Matrix transformation, Matrix points)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Rows != transformation.Columns)
            throw new DimensionMismatchException($"Points must have {transformation.Columns} rows (one point per column); found {points.Rows}×{points.Columns}.", nameof(points));
        return transformation * points;
    }
}
