using System.Numerics.Tensors;
using MathForML.Kernels;

namespace MathForML.LinearAlgebra;

public sealed partial class Matrix
{
    /// <summary>Matrix product A·B (m×k times k×n), computed by the shared GEMM kernel.</summary>
    public static Matrix operator *(Matrix a, Matrix b)
    {
        if (a.Columns != b.Rows)
            throw new DimensionMismatchException($"Cannot multiply {a.Rows}×{a.Columns} by {b.Rows}×{b.Columns}: inner sizes differ.", nameof(b));
        var c = new Matrix(a.Rows, b.Columns);
        Gemm.Multiply<double>(a.Rows, b.Columns, a.Columns, a._data, b._data, c._data);
        return c;
    }

    /// <summary>Matrix-vector product A·x.</summary>
    public static Vector operator *(Matrix a, Vector x)
    {
        if (a.Columns != x.Length)
            throw new DimensionMismatchException($"Cannot multiply {a.Rows}×{a.Columns} by a vector of length {x.Length}.", nameof(x));
        var y = new double[a.Rows];
        Gemv.Multiply<double>(Op.None, a.Rows, a.Columns, 1.0, a._data, a.Columns, x.AsSpan(), 0.0, y);
        return Vector.Wrap(y);
    }

    /// <summary>Element-wise sum.</summary>
    public static Matrix operator +(Matrix a, Matrix b)
    {
        RequireSameShape(a, b);
        var r = new Matrix(a.Rows, a.Columns);
        TensorPrimitives.Add<double>(a._data, b._data, r._data);
        return r;
    }

    /// <summary>Element-wise difference.</summary>
    public static Matrix operator -(Matrix a, Matrix b)
    {
        RequireSameShape(a, b);
        var r = new Matrix(a.Rows, a.Columns);
        TensorPrimitives.Subtract<double>(a._data, b._data, r._data);
        return r;
    }

    /// <summary>Negation.</summary>
    public static Matrix operator -(Matrix a)
    {
        var r = new Matrix(a.Rows, a.Columns);
        TensorPrimitives.Negate<double>(a._data, r._data);
        return r;
    }

    /// <summary>Scaling by a number.</summary>
    public static Matrix operator *(double s, Matrix a)
    {
        var r = new Matrix(a.Rows, a.Columns);
        TensorPrimitives.Multiply<double>(a._data, s, r._data);
        return r;
    }

    /// <summary>Scaling by a number.</summary>
    public static Matrix operator *(Matrix a, double s) => s * a;

    /// <summary>Division by a number.</summary>
    public static Matrix operator /(Matrix a, double s) => (1.0 / s) * a;

    /// <summary>AᵀA (n×n for an m×n A) at half the cost of a general product, by the SYRK kernel.</summary>
    public Matrix TransposeTimesSelf()
    {
        var c = new Matrix(Columns, Columns);
        Syrk.Compute<double>(Columns, Rows, 1.0, _data, Columns, 0.0, c._data, Columns);
        return c;
    }

    /// <summary>Aᵀ·B without forming Aᵀ.</summary>
    public Matrix TransposeTimes(Matrix b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (Rows != b.Rows)
            throw new DimensionMismatchException($"Cannot multiply the transpose of {Rows}×{Columns} by {b.Rows}×{b.Columns}.", nameof(b));
        var c = new Matrix(Columns, b.Columns);
        Gemm.Multiply<double>(Op.Transpose, Op.None, Columns, b.Columns, Rows, 1.0, _data, Columns, b._data, b.Columns, 0.0, c._data, b.Columns);
        return c;
    }

    /// <summary>A·Bᵀ without forming Bᵀ.</summary>
    public Matrix TimesTranspose(Matrix b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (Columns != b.Columns)
            throw new DimensionMismatchException($"Cannot multiply {Rows}×{Columns} by the transpose of {b.Rows}×{b.Columns}.", nameof(b));
        var c = new Matrix(Rows, b.Rows);
        Gemm.Multiply<double>(Op.None, Op.Transpose, Rows, b.Rows, Columns, 1.0, _data, Columns, b._data, b.Columns, 0.0, c._data, b.Rows);
        return c;
    }

    private static void RequireSameShape(Matrix a, Matrix b)
    {
        if (a.Rows != b.Rows || a.Columns != b.Columns)
            throw new DimensionMismatchException($"Shapes differ: {a.Rows}×{a.Columns} and {b.Rows}×{b.Columns}.", nameof(b));
    }
}
