using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Geometry;

/// <summary>
/// An inner product on ℝᴰ, ⟨x, y⟩ = xᵀ·A·y for a symmetric positive definite A (the dot product when A = I), and the
/// geometry it induces: length ‖x‖ = √⟨x, x⟩, distance d(x, y) = ‖x − y‖ and angle ω with cos ω = ⟨x, y⟩ / (‖x‖·‖y‖).
/// </summary>
/// <remarks>
/// A must be symmetric (⟨x, y⟩ = ⟨y, x⟩) and positive definite (⟨x, x⟩ &gt; 0 for x ≠ 0); <see cref="FromMatrix"/>
/// checks both, the second by a Cholesky factorisation. Cost: 2D² flops per product (D for the dot product).
/// </remarks>
public sealed class InnerProduct
{
    private readonly Matrix? _a;

    private InnerProduct(Matrix? a) => _a = a;

    /// <summary>The dot product ⟨x, y⟩ = xᵀy.</summary>
    public static InnerProduct Dot { get; } = new(null);

    /// <summary>The matrix A of ⟨x, y⟩ = xᵀAy (null for the dot product).</summary>
    public Matrix? Matrix => _a?.Clone();

    /// <summary>The inner product xᵀ·A·y.</summary>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="ArgumentException">A is not symmetric, not positive definite, or holds NaN or ±∞.</exception>
    public static InnerProduct FromMatrix(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        DimensionMismatchException.ThrowIfNotSquare(a.Rows, a.Columns, nameof(a));
        Finite.Require(a, nameof(a));
        if (!a.IsSymmetric()) throw new ArgumentException("An inner product needs a symmetric matrix; A ≠ Aᵀ.", nameof(a));
        var work = a.ToArray();
        if (!CholeskyFactorization.TryFactor(work, a.Rows))
            throw new ArgumentException("An inner product needs a positive definite matrix; xᵀAx ≤ 0 for some x ≠ 0.", nameof(a));
        return new InnerProduct(a.Clone());
    }

    /// <summary>⟨x, y⟩.</summary>
    public double Of(Vector x, Vector y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
            throw new DimensionMismatchException($"Vectors have lengths {x.Length} and {y.Length}.", nameof(y));
        if (_a is null) return x.Dot(y);
        if (_a.Rows != x.Length)
            throw new DimensionMismatchException($"The inner product is on ℝ^{_a.Rows}, the vectors have {x.Length} elements.", nameof(x));
        return x.Dot(_a * y);
    }

    /// <summary>‖x‖ = √⟨x, x⟩.</summary>
    public double Length(Vector x) => Math.Sqrt(Of(x, x));

    /// <summary>d(x, y) = ‖x − y‖.</summary>
    public double Distance(Vector x, Vector y) => Length(x - y);

    /// <summary>The angle ω ∈ [0, π] between x and y, in radians.</summary>
    /// <exception cref="ArgumentException">x or y is the zero vector (its angle is undefined).</exception>
    public double Angle(Vector x, Vector y)
    {
        double lx = Length(x), ly = Length(y);
        if (lx == 0 || ly == 0) throw new ArgumentException("The angle with the zero vector is undefined.", lx == 0 ? nameof(x) : nameof(y));
        return Math.Acos(Math.Clamp(Of(x, y) / (lx * ly), -1.0, 1.0));
    }
}
