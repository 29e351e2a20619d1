using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// A dense matrix of doubles in row-major order: element (i, j) lives at index i·Columns + j of one contiguous array.
/// Algorithms (elimination, decompositions) live in their own types; this type holds storage, shape,
/// element access, slicing and the arithmetic operators. Products run on the shared kernels in <see cref="Kernels"/>.
/// </summary>
public sealed partial class Matrix : IEquatable<Matrix>, IFormattable
{
    private readonly double[] _data;

    /// <summary>Creates a zero matrix with the given shape.</summary>
    public Matrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        long elements = (long)rows * columns;
        if (elements > 1 << 24)
            MemoryBudget.Require(elements * (double)sizeof(double), elements, nameof(rows), $"A {rows:N0}×{columns:N0} matrix");
        Rows = rows;
        Columns = columns;
        _data = LargeArray.Zeroed<double>((int)elements);
    }

    /// <summary>Creates a matrix holding a copy of <paramref name="rowMajor"/>, whose length must be rows·columns.</summary>
    public Matrix(int rows, int columns, ReadOnlySpan<double> rowMajor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (rowMajor.Length != checked(rows * columns))
            throw new DimensionMismatchException($"Expected {rows}×{columns} = {rows * columns} values, found {rowMajor.Length}.", nameof(rowMajor));
        Rows = rows;
        Columns = columns;
        _data = LargeArray.CopyOf(rowMajor);
    }

    private Matrix(int rows, int columns, double[] data)
    {
        Rows = rows;
        Columns = columns;
        _data = data;
    }

    /// <summary>The row-major array behind the matrix (Rows·Columns values), for code that works in place.</summary>
    internal double[] Storage => _data;

    /// <summary>Wraps a row-major array without copying; the matrix then shares it.</summary>
    internal static Matrix Wrap(int rows, int columns, double[] data)
    {
        if (data.Length != rows * columns)
            throw new DimensionMismatchException($"Expected {rows * columns} values, found {data.Length}.", nameof(data));
        return new Matrix(rows, columns, data);
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>True when Rows == Columns.</summary>
    public bool IsSquare => Rows == Columns;

    /// <summary>Element in row <paramref name="row"/>, column <paramref name="column"/> (both 0-based).</summary>
    public double this[int row, int column]
    {
        get
        {
            CheckIndex(row, column);
            return _data[row * Columns + column];
        }
        set
        {
            CheckIndex(row, column);
            _data[row * Columns + column] = value;
        }
    }

    /// <summary>All elements in row-major order as a writable span.</summary>
    public Span<double> AsSpan() => _data;

    /// <summary>Row <paramref name="row"/> as a writable span of length <see cref="Columns"/>.</summary>
    public Span<double> RowSpan(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return _data.AsSpan(row * Columns, Columns);
    }

    /// <summary>A copy of row <paramref name="row"/>.</summary>
    public Vector Row(int row) => new(RowSpan(row));

    /// <summary>A copy of column <paramref name="column"/>.</summary>
    public Vector Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        var v = new double[Rows];
        for (int i = 0; i < Rows; i++) v[i] = _data[i * Columns + column];
        return Vector.Wrap(v);
    }

    /// <summary>Overwrites column <paramref name="column"/> with <paramref name="values"/>.</summary>
    public void SetColumn(int column, Vector values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        if (values.Length != Rows)
            throw new DimensionMismatchException($"Column needs {Rows} values, found {values.Length}.", nameof(values));
        for (int i = 0; i < Rows; i++) _data[i * Columns + column] = values[i];
    }

    /// <summary>A copy of the rows in <paramref name="rows"/> and the columns in <paramref name="columns"/>.</summary>
    public Matrix Slice(Range rows, Range columns)
    {
        var (r0, rn) = rows.GetOffsetAndLength(Rows);
        var (c0, cn) = columns.GetOffsetAndLength(Columns);
        var m = new Matrix(rn, cn);
        for (int i = 0; i < rn; i++)
            _data.AsSpan((r0 + i) * Columns + c0, cn).CopyTo(m._data.AsSpan(i * cn, cn));
        return m;
    }

    /// <summary>A copy of the rows in <paramref name="rows"/> (all columns).</summary>
    public Matrix SliceRows(Range rows) => Slice(rows, Range.All);

    /// <summary>A copy of the columns in <paramref name="columns"/> (all rows).</summary>
    public Matrix SliceColumns(Range columns) => Slice(Range.All, columns);

    /// <summary>A deep copy.</summary>
    public Matrix Clone() => new(Rows, Columns, LargeArray.CopyOf<double>(_data));

    /// <summary>A copy of the elements as a row-major array.</summary>
    public double[] ToArray() => (double[])_data.Clone();

    /// <summary>The elements as a jagged array of rows.</summary>
    public double[][] ToRowArrays()
    {
        var rows = new double[Rows][];
        for (int i = 0; i < Rows; i++) rows[i] = RowSpan(i).ToArray();
        return rows;
    }

    /// <summary>The transpose Aᵀ, with (Aᵀ)ᵢⱼ = Aⱼᵢ. Blocked so that both reads and writes stay in cache.</summary>
    public Matrix Transpose()
    {
        var t = new Matrix(Columns, Rows);
        TransposeKernel.Transpose<double>(_data, Rows, Columns, t._data);
        return t;
    }

    /// <summary>The n×n identity matrix I.</summary>
    public static Matrix Identity(int n)
    {
        var m = new Matrix(n, n);
        for (int i = 0; i < n; i++) m._data[i * n + i] = 1.0;
        return m;
    }

    /// <summary>A square matrix with <paramref name="diagonal"/> on its diagonal and zeros elsewhere.</summary>
    public static Matrix Diagonal(params double[] diagonal)
    {
        ArgumentNullException.ThrowIfNull(diagonal);
        int n = diagonal.Length;
        var m = new Matrix(n, n);
        for (int i = 0; i < n; i++) m._data[i * n + i] = diagonal[i];
        return m;
    }

    /// <summary>Builds a matrix from rows given as arrays; all rows must have the same length.</summary>
    public static Matrix FromRows(params double[][] rows)
    {
        if (rows.Length == 0) return new Matrix(0, 0);
        int c = rows[0].Length;
        var m = new Matrix(rows.Length, c);
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i].Length != c)
                throw new DimensionMismatchException($"Row {i} has {rows[i].Length} values; row 0 has {c}.", nameof(rows));
            rows[i].CopyTo(m._data, i * c);
        }
        return m;
    }

    /// <summary>Builds a matrix from a rectangular array (a copy), Aᵢⱼ = values[i, j].</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static Matrix FromArray(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int r = values.GetLength(0), c = values.GetLength(1);
        var m = new Matrix(r, c);
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++)
                m._data[i * c + j] = values[i, j];
        return m;
    }

    /// <summary>Builds a matrix whose columns are the given vectors.</summary>
    public static Matrix FromColumns(params Vector[] columns)
    {
        if (columns.Length == 0) return new Matrix(0, 0);
        int r = columns[0].Length;
        var m = new Matrix(r, columns.Length);
        for (int j = 0; j < columns.Length; j++) m.SetColumn(j, columns[j]);
        return m;
    }

    /// <summary>The trace Σ Aᵢᵢ of a square matrix.</summary>
    public double Trace()
    {
        DimensionMismatchException.ThrowIfNotSquare(Rows, Columns, "this");
        double s = 0;
        for (int i = 0; i < Rows; i++) s += _data[i * Columns + i];
        return s;
    }

    /// <summary>The Frobenius norm √(Σ Aᵢⱼ²).</summary>
    public double FrobeniusNorm() => TensorPrimitives.Norm<double>(_data);

    /// <summary>The largest absolute element max |Aᵢⱼ|.</summary>
    public double MaxAbs() => _data.Length == 0 ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude<double>(_data));

    /// <summary>True when every element is a finite number (no NaN, no ±∞).</summary>
    public bool IsFinite() => Finite.All(_data);

    /// <summary>True when the matrix is square and |Aᵢⱼ − Aⱼᵢ| ≤ tolerance·max(1, max|A|) for all i, j.</summary>
    public bool IsSymmetric(double tolerance = 1e-12)
    {
        if (!IsSquare) return false;
        double scale = Math.Max(1.0, MaxAbs());
        for (int i = 0; i < Rows; i++)
            for (int j = i + 1; j < Columns; j++)
                if (!(Math.Abs(_data[i * Columns + j] - _data[j * Columns + i]) <= tolerance * scale)) return false;
        return true;
    }

    /// <summary>True when the shapes agree and every pair of elements differs by at most <paramref name="tolerance"/>.</summary>
    public bool ApproximatelyEquals(Matrix other, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Rows != Rows || other.Columns != Columns) return false;
        for (int i = 0; i < _data.Length; i++)
            if (!(Math.Abs(_data[i] - other._data[i]) <= tolerance)) return false;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Matrix? other) =>
        other is not null && other.Rows == Rows && other.Columns == Columns && _data.AsSpan().SequenceEqual(other._data);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Matrix);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Rows);
        h.Add(Columns);
        foreach (var x in _data) h.Add(x);
        return h.ToHashCode();
    }

    /// <summary>
    /// Formats the matrix as aligned rows, e.g. <c>[[1, 2], [3, 4]]</c> laid out one row a line.
    /// Large matrices show their first and last rows and columns with "…" between.
    /// </summary>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        const int edge = 4;
        var f = format ?? "G6";
        var p = formatProvider ?? CultureInfo.InvariantCulture;
        var rowIdx = Shown(Rows, edge);
        var colIdx = Shown(Columns, edge);
        var cells = rowIdx.Select(i => colIdx.Select(j => j < 0 || i < 0 ? "…" : this[i, j].ToString(f, p)).ToArray()).ToArray();
        int width = cells.Length == 0 ? 0 : cells.Max(r => r.Length == 0 ? 0 : r.Max(c => c.Length));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Matrix {Rows}×{Columns}");
        foreach (var row in cells)
        {
            sb.AppendLine();
            sb.Append("  [");
            sb.Append(string.Join(", ", row.Select(c => c.PadLeft(width))));
            sb.Append(']');
        }
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToString(null, null);

    private static int[] Shown(int count, int edge) =>
        count <= 2 * edge
            ? Enumerable.Range(0, count).ToArray()
            : [.. Enumerable.Range(0, edge), -1, .. Enumerable.Range(count - edge, edge)];

    private void CheckIndex(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
            throw new ArgumentOutOfRangeException(nameof(row), $"Index ({row}, {column}) is outside a {Rows}×{Columns} matrix.");
    }
}
