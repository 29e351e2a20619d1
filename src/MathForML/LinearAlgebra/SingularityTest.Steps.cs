using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

public static partial class SingularityTest
{
    /// <summary>
    /// The course's procedure (<see cref="TryRowEchelon"/>) one row operation at a time, for showing it: the
    /// assignment's <c>fixRowZero</c>, <c>fixRowOne</c>, … in order, each made of the operations it performs:
    /// rowᵢ ← rowᵢ − aᵢⱼ·rowⱼ for each j &lt; i with aᵢⱼ ≠ 0; rowᵢ ← rowᵢ + rowₖ for the next row k below while aᵢᵢ = 0
    /// (clearing the left entries again after each); rowᵢ ← rowᵢ / aᵢᵢ. When no row below makes aᵢᵢ non-zero the last
    /// operation is <see cref="RowOperationKind.Singular"/> and the procedure stops, as the course's
    /// <c>raise MatrixIsSingular()</c>.
    /// </summary>
    /// <remarks>
    /// The arithmetic is that of <see cref="TryRowEchelon"/>, operation for operation, so the last operation's
    /// <see cref="RowOperation.After"/> is its echelon matrix and a <see cref="RowOperationKind.Singular"/> end happens
    /// exactly when <see cref="IsSingular"/> is true. Reference: Imperial College, Mathematics for Machine Learning:
    /// Linear Algebra, week 2, "Identifying special matrices". Cost O(n³) plus a copy of the matrix per operation.
    /// </remarks>
    public static IReadOnlyList<RowOperation> Steps(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        DimensionMismatchException.ThrowIfNotSquare(a.Rows, a.Columns, nameof(a));
        Finite.Require(a, nameof(a));
        var m = a.Clone();
        var steps = new List<RowOperation>();
        int n = m.Rows;
        for (int i = 0; i < n; i++)
        {
            Clear(m, i, steps);
            for (int below = i + 1; m[i, i] == 0 && below < n; below++)
            {
                AddRow(m, from: below, to: i);
                steps.Add(new RowOperation(RowOperationKind.AddRowBelow, i, below, 1, m.Clone()));
                Clear(m, i, steps);
            }
            if (m[i, i] == 0)
            {
                steps.Add(new RowOperation(RowOperationKind.Singular, i, -1, 0, m.Clone()));
                return steps;
            }
            double d = m[i, i];
            DivideRow(m, i, d);
            steps.Add(new RowOperation(RowOperationKind.Divide, i, -1, d, m.Clone()));
        }
        return steps;
    }

    /// <summary><see cref="ClearLeftOfDiagonal"/> with one operation recorded per row subtracted.</summary>
    private static void Clear(Matrix m, int i, List<RowOperation> steps)
    {
        for (int j = 0; j < i; j++)
        {
            double f = m[i, j];
            if (f == 0) continue;
            for (int c = 0; c < m.Columns; c++) m[i, c] -= f * m[j, c];
            steps.Add(new RowOperation(RowOperationKind.Subtract, i, j, f, m.Clone()));
        }
    }
}

/// <summary>What one operation of <see cref="SingularityTest.Steps"/> did.</summary>
public enum RowOperationKind
{
    /// <summary>rowᵢ ← rowᵢ − f·rowⱼ, clearing the entry (i, j) left of the diagonal.</summary>
    Subtract,

    /// <summary>rowᵢ ← rowᵢ + rowₖ, a row below, because the diagonal entry aᵢᵢ was zero.</summary>
    AddRowBelow,

    /// <summary>rowᵢ ← rowᵢ / aᵢᵢ, a one on the diagonal.</summary>
    Divide,

    /// <summary>aᵢᵢ is still zero and no row below is left to add: the matrix is singular (nothing changed).</summary>
    Singular,
}

/// <summary>One row operation of the course's singularity test.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="Row">i: the row changed (the course's <c>fixRow</c> number).</param>
/// <param name="OtherRow">j for a subtraction, k for an addition; −1 otherwise.</param>
/// <param name="Factor">f for a subtraction, 1 for an addition, the divisor aᵢᵢ for a division, 0 for the singular end.</param>
/// <param name="After">The whole matrix after the operation.</param>
public sealed record RowOperation(RowOperationKind Kind, int Row, int OtherRow, double Factor, Matrix After);
