using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// The Linear Algebra course's test for singular matrices ("Identifying special matrices"), written the way the
/// course teaches it and generalised from 4×4 to n×n. It turns A into row echelon form with ones on the diagonal:
/// for each row i in turn,
/// <list type="number">
/// <item>clear the entries left of the diagonal by subtracting aᵢⱼ times each (already normalised) row j &lt; i;</item>
/// <item>if the diagonal element aᵢᵢ is zero, add the rows below it one after another (clearing the left entries again
/// after each) until it is not; if none helps, the matrix is singular;</item>
/// <item>divide the row by its diagonal element.</item>
/// </list>
/// Zero means exactly zero, as in the course: in exact arithmetic the procedure fails exactly for singular matrices,
/// but in floating point a singular matrix whose elimination leaves a rounding residue can pass as regular. Use <see cref="LuDecomposition"/> for a test with pivoting and a tolerance.
/// Cost O(n³).
/// </summary>
public static partial class SingularityTest
{
    /// <summary>True exactly when the course's procedure fails to put a non-zero on some diagonal position.</summary>
    public static bool IsSingular(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return !TryRowEchelon(a, out _);
    }

    /// <summary>
    /// Runs the course's procedure; on success <paramref name="echelon"/> holds the upper-triangular result
    /// with unit diagonal, on failure it holds the matrix as it was when the procedure stopped.
    /// </summary>
    public static bool TryRowEchelon(Matrix a, out Matrix echelon)
    {
        DimensionMismatchException.ThrowIfNotSquare(a.Rows, a.Columns, nameof(a));
        Finite.Require(a, nameof(a));
        var m = a.Clone();
        echelon = m;
        int n = m.Rows;
        for (int i = 0; i < n; i++)
        {
            ClearLeftOfDiagonal(m, i);
            for (int below = i + 1; m[i, i] == 0 && below < n; below++)
            {
                AddRow(m, from: below, to: i);
                ClearLeftOfDiagonal(m, i);
            }
            if (m[i, i] == 0) return false;
            DivideRow(m, i, m[i, i]);
        }
        return true;
    }

    /// <summary>Row i ← row i − aᵢⱼ · row j for every j &lt; i (rows above already have a unit diagonal).</summary>
    private static void ClearLeftOfDiagonal(Matrix m, int i)
    {
        for (int j = 0; j < i; j++)
        {
            double f = m[i, j];
            if (f == 0) continue;
            for (int c = 0; c < m.Columns; c++) m[i, c] -= f * m[j, c];
        }
    }

    private static void AddRow(Matrix m, int from, int to)
    {
        for (int c = 0; c < m.Columns; c++) m[to, c] += m[from, c];
    }

    private static void DivideRow(Matrix m, int i, double d)
    {
        for (int c = 0; c < m.Columns; c++) m[i, c] /= d;
    }
}
