using System.Numerics.Tensors;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

public static partial class GramSchmidt
{
    /// <summary>
    /// The course's Gram–Schmidt procedure (<see cref="Orthonormalize"/>) one operation at a time, for showing it:
    /// for each column bᵢ in order, one step per earlier column eⱼ subtracting its projection, bᵢ ← bᵢ − (bᵢ·eⱼ)eⱼ,
    /// then one step dividing bᵢ by its norm, or setting it to zero when the norm is at most <paramref name="tolerance"/>.
    /// </summary>
    /// <remarks>
    /// The arithmetic is that of <see cref="Orthonormalize"/> (the same inner products, updates and norms in the same
    /// order), so the last step's <see cref="GramSchmidtStep.Basis"/> is its basis. A column made zero still takes its
    /// (zero) subtraction steps when it is an earlier column of a later one, as in the course's <c>gsBasis</c>.
    /// Reference: Imperial College, Mathematics for Machine Learning: Linear Algebra, week 4, "Gram-Schmidt process".
    /// Cost 2mn² plus a copy of the m×n matrix per step.
    /// </remarks>
    public static IReadOnlyList<GramSchmidtStep> Steps(Matrix a, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!(tolerance >= 0 && double.IsFinite(tolerance)))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, $"The tolerance must be a finite number ≥ 0, got {tolerance}.");
        Finite.Require(a, nameof(a));
        var basis = a.Transpose();                 // row i of basis is column i of A
        var steps = new List<GramSchmidtStep>();
        for (int i = 0; i < basis.Rows; i++)
        {
            for (int j = 0; j < i; j++)
            {
                var before = basis.Row(i);
                var ej = basis.RowSpan(j);
                double projection = TensorPrimitives.Dot<double>(basis.RowSpan(i), ej);
                if (projection != 0) TensorPrimitives.MultiplyAdd(ej, -projection, basis.RowSpan(i), basis.RowSpan(i));
                steps.Add(new GramSchmidtStep(GramSchmidtStepKind.Subtract, i, j, projection, before,
                    projection * new Vector(ej), basis.Row(i), basis.Transpose()));
            }

            var last = basis.Row(i);
            var bi = basis.RowSpan(i);
            double norm = SafeNorm.Of(bi);
            bool independent = norm > tolerance && norm > 0;
            if (independent) TensorPrimitives.Divide(bi, norm, bi);
            else bi.Clear();
            steps.Add(new GramSchmidtStep(independent ? GramSchmidtStepKind.Normalise : GramSchmidtStepKind.Zero, i, -1, norm,
                last, new Vector(basis.Columns), basis.Row(i), basis.Transpose()));
        }
        return steps;
    }
}

/// <summary>What one step of the course's Gram–Schmidt did to the column it works on.</summary>
public enum GramSchmidtStepKind
{
    /// <summary>Subtracted the projection (bᵢ·eⱼ)eⱼ onto an earlier unit vector eⱼ.</summary>
    Subtract,

    /// <summary>Divided the column by its norm (it adds a dimension).</summary>
    Normalise,

    /// <summary>Set the column to zero: its norm was at most the tolerance (it depends on the earlier columns).</summary>
    Zero,
}

/// <summary>One step of <see cref="GramSchmidt.Steps"/>.</summary>
/// <param name="Kind">Subtract, normalise or zero.</param>
/// <param name="Column">i: the column being worked on.</param>
/// <param name="Against">j, the earlier column eⱼ whose projection was subtracted; −1 for a normalise or zero step.</param>
/// <param name="Coefficient">bᵢ·eⱼ for a subtraction; the norm ‖bᵢ‖ for a normalise or zero step.</param>
/// <param name="Before">bᵢ before the step.</param>
/// <param name="Removed">The projection (bᵢ·eⱼ)eⱼ subtracted; the zero vector for a normalise or zero step.</param>
/// <param name="After">bᵢ after the step.</param>
/// <param name="Basis">Every column after the step: those before i finished, column i as <paramref name="After"/>, the later ones as given.</param>
public sealed record GramSchmidtStep(GramSchmidtStepKind Kind, int Column, int Against, double Coefficient,
    Vector Before, Vector Removed, Vector After, Matrix Basis);
