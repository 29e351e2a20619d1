using System.Numerics.Tensors;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// Reduced row echelon form by Gauss–Jordan elimination with partial pivoting.
/// </summary>
/// <remarks>
/// For each column in turn, the row with the largest absolute entry at or below the current row becomes the pivot
/// row (swapped up), is divided by its pivot, and the column is cleared above and below it. A column whose largest
/// candidate is at most the tolerance τ = max(m, n)·ε·‖A‖∞ (ε machine epsilon) has no pivot: it depends on the
/// pivot columns before it. The number of pivots is the rank. Cost O(m·n·min(m, n)).
/// Reference: Strang, Introduction to Linear Algebra, §3.3; Golub &amp; Van Loan, Matrix Computations §3.4.
/// </remarks>
public static class RowEchelon
{
    /// <summary>The reduced row echelon form of <paramref name="a"/>, its rank and pivot columns.</summary>
    /// <param name="a">Any m×n matrix of finite numbers.</param>
    /// <param name="tolerance">Entries at most this size count as zero; default max(m, n)·ε·‖A‖∞.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative or not finite.</exception>
    public static RowEchelonForm Reduce(Matrix a, double? tolerance = null)
    {
        if (tolerance is { } t && !(t >= 0 && double.IsFinite(t)))
            throw new ArgumentOutOfRangeException(nameof(tolerance), t, $"The tolerance must be a finite number ≥ 0, got {t}.");
        Finite.Require(a, nameof(a));
        var r = a.Clone();
        int m = r.Rows, n = r.Columns;
        double tol = tolerance ?? DefaultTolerance(a);
        var pivots = new List<int>();
        int row = 0;
        for (int col = 0; col < n && row < m; col++)
        {
            int best = row;
            double bestAbs = Math.Abs(r[row, col]);
            for (int i = row + 1; i < m; i++)
            {
                double v = Math.Abs(r[i, col]);
                if (v > bestAbs) { best = i; bestAbs = v; }
            }
            if (bestAbs <= tol)
            {
                for (int i = row; i < m; i++) r[i, col] = 0;
                continue;
            }
            SwapRows(r, row, best);
            var pivotRow = r.RowSpan(row);
            TensorPrimitives.Multiply(pivotRow, 1.0 / pivotRow[col], pivotRow);
            pivotRow[col] = 1.0;
            for (int i = 0; i < m; i++)
            {
                if (i == row) continue;
                var target = r.RowSpan(i);
                double f = target[col];
                if (f == 0) continue;
                TensorPrimitives.MultiplyAdd(pivotRow, -f, target, target);
                target[col] = 0;
            }
            pivots.Add(col);
            row++;
        }
        // Entries that elimination left at rounding level are cleaned to exact zeros.
        var s = r.AsSpan();
        for (int i = 0; i < s.Length; i++)
            if (Math.Abs(s[i]) <= tol) s[i] = 0;
        return new RowEchelonForm(r, pivots.Count, pivots.ToArray());
    }

    /// <summary>The rank of <paramref name="a"/>: the number of pivots in its row echelon form.</summary>
    public static int Rank(Matrix a, double? tolerance = null) => Reduce(a, tolerance).Rank;

    /// <summary>The default zero tolerance max(m, n)·ε·‖A‖∞, with ‖A‖∞ the largest absolute row sum.</summary>
    public static double DefaultTolerance(Matrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        double norm = 0;
        for (int i = 0; i < a.Rows; i++) norm = Math.Max(norm, TensorPrimitives.SumOfMagnitudes<double>(a.RowSpan(i)));
        return Math.Max(a.Rows, a.Columns) * MachineEpsilon.Double * norm;
    }

    internal static void SwapRows(Matrix a, int i, int j)
    {
        if (i == j) return;
        var ri = a.RowSpan(i);
        var rj = a.RowSpan(j);
        Span<double> tmp = ri.Length <= 512 ? stackalloc double[ri.Length] : new double[ri.Length];
        ri.CopyTo(tmp);
        rj.CopyTo(ri);
        tmp.CopyTo(rj);
    }
}

/// <summary>The result of <see cref="RowEchelon.Reduce"/>.</summary>
/// <param name="Reduced">The reduced row echelon form: each pivot is 1 and the only non-zero in its column.</param>
/// <param name="Rank">The number of pivots.</param>
/// <param name="PivotColumns">The 0-based columns that hold a pivot, in increasing order.</param>
public sealed record RowEchelonForm(Matrix Reduced, int Rank, int[] PivotColumns);
