namespace MathForML.LinearAlgebra;

/// <summary>
/// Row and column enumeration as in Math.NET Numerics (<c>EnumerateRows</c>, <c>EnumerateColumns</c>): each item is a
/// copy, so LINQ over rows is safe while the matrix changes. <see cref="RowSpan"/> and <see cref="AsSpan"/> stay the
/// fast path (no copies).
/// </summary>
public sealed partial class Matrix
{
    /// <summary>The rows, top to bottom, each a copy as a <see cref="Vector"/> of length <see cref="Columns"/>.</summary>
    public IEnumerable<Vector> EnumerateRows()
    {
        for (int i = 0; i < Rows; i++) yield return Row(i);
    }

    /// <summary>The columns, left to right, each a copy as a <see cref="Vector"/> of length <see cref="Rows"/>.</summary>
    public IEnumerable<Vector> EnumerateColumns()
    {
        for (int j = 0; j < Columns; j++) yield return Column(j);
    }
}
