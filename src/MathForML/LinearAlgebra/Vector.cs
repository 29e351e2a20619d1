using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// A dense column vector of doubles, stored contiguously. Element access is by index and by span;
/// level-1 operations (dot, norms, axpy) delegate to <see cref="TensorPrimitives"/>.
/// </summary>
/// <remarks>
/// Vectors are mutable through their indexer and <see cref="AsSpan"/>; operators return new vectors. A vector is an
/// <see cref="IReadOnlyList{T}"/> of its elements: <c>foreach</c> runs on a struct <see cref="Enumerator"/> without
/// allocating, and LINQ works; <see cref="AsSpan"/> stays the fast path.
/// </remarks>
public sealed partial class Vector : IEquatable<Vector>, IFormattable, IReadOnlyList<double>
{
    private readonly double[] _data;

    /// <summary>Creates a zero vector of the given length.</summary>
    public Vector(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length > 1 << 24) MemoryBudget.Require(length * (double)sizeof(double), length, nameof(length), $"A vector of {length:N0} entries");
        _data = new double[length];
    }

    /// <summary>Creates a vector holding a copy of <paramref name="values"/>.</summary>
    public Vector(ReadOnlySpan<double> values) => _data = values.ToArray();

    private Vector(double[] data, bool _) => _data = data;

    /// <summary>Wraps <paramref name="data"/> without copying (the vector then shares the array).</summary>
    internal static Vector Wrap(double[] data) => new(data, true);

    /// <summary>Creates a vector from the given values.</summary>
    public static Vector Of(params double[] values) => new(values.AsSpan());

    /// <summary>Creates a vector of <paramref name="length"/> copies of <paramref name="value"/>.</summary>
    public static Vector Filled(int length, double value)
    {
        var v = new Vector(length);
        v._data.AsSpan().Fill(value);
        return v;
    }

    /// <summary>The i-th unit vector eᵢ of the given length.</summary>
    public static Vector Unit(int length, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, length);
        var v = new Vector(length);
        v._data[index] = 1.0;
        return v;
    }

    /// <summary>Number of elements.</summary>
    public int Length => _data.Length;

    /// <summary>Number of elements (the same as <see cref="Length"/>).</summary>
    public int Count => _data.Length;

    /// <summary>Element <paramref name="index"/> (0-based).</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside 0 … Length − 1.</exception>
    public double this[int index]
    {
        get => _data[index];
        set => _data[index] = value;
    }

    /// <summary>The elements as a writable span.</summary>
    public Span<double> AsSpan() => _data;

    /// <summary>A copy of the elements.</summary>
    public double[] ToArray() => (double[])_data.Clone();

    /// <summary>A deep copy of this vector.</summary>
    public Vector Clone() => Wrap(ToArray());

    /// <summary>Dot product xᵀy = Σ xᵢyᵢ.</summary>
    public double Dot(Vector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequireSameLength(other);
        return TensorPrimitives.Dot<double>(_data, other._data);
    }

    /// <summary>Euclidean norm ‖x‖₂ = √(xᵀx).</summary>
    public double Norm() => TensorPrimitives.Norm<double>(_data);

    /// <summary>The L1 norm Σ|xᵢ|.</summary>
    public double NormL1() => TensorPrimitives.SumOfMagnitudes<double>(_data);

    /// <summary>The largest absolute element, ‖x‖∞.</summary>
    public double NormInfinity() => _data.Length == 0 ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude<double>(_data));

    /// <summary>Sum of the elements.</summary>
    public double Sum() => TensorPrimitives.Sum<double>(_data);

    /// <summary>x / ‖x‖₂. Throws when the vector is zero.</summary>
    /// <exception cref="InvalidOperationException">The vector is zero (or empty): it has no direction.</exception>
    public Vector Normalize()
    {
        var n = Norm();
        if (n == 0) throw new InvalidOperationException("Cannot normalise the zero vector.");
        return this / n;
    }

    /// <summary>Element-wise sum.</summary>
    public static Vector operator +(Vector a, Vector b)
    {
        a.RequireSameLength(b);
        var r = new double[a.Length];
        TensorPrimitives.Add<double>(a._data, b._data, r);
        return Wrap(r);
    }

    /// <summary>Element-wise difference.</summary>
    public static Vector operator -(Vector a, Vector b)
    {
        a.RequireSameLength(b);
        var r = new double[a.Length];
        TensorPrimitives.Subtract<double>(a._data, b._data, r);
        return Wrap(r);
    }

    /// <summary>Negation.</summary>
    public static Vector operator -(Vector a)
    {
        var r = new double[a.Length];
        TensorPrimitives.Negate<double>(a._data, r);
        return Wrap(r);
    }

    /// <summary>Scaling by a number.</summary>
    public static Vector operator *(double s, Vector a)
    {
        var r = new double[a.Length];
        TensorPrimitives.Multiply<double>(a._data, s, r);
        return Wrap(r);
    }

    /// <summary>Scaling by a number.</summary>
    public static Vector operator *(Vector a, double s) => s * a;

    /// <summary>Division by a number.</summary>
    public static Vector operator /(Vector a, double s) => (1.0 / s) * a;

    /// <summary>True when both have the same length and every pair of elements differs by at most <paramref name="tolerance"/>.</summary>
    public bool ApproximatelyEquals(Vector other, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Length != Length) return false;
        for (int i = 0; i < _data.Length; i++)
            if (!(Math.Abs(_data[i] - other._data[i]) <= tolerance)) return false;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Vector? other) => other is not null && _data.AsSpan().SequenceEqual(other._data);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Vector);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var x in _data) h.Add(x);
        return h.ToHashCode();
    }

    /// <summary>Formats as <c>[1, 2.5, -3]</c> with the given numeric format (default "G6").</summary>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var f = format ?? "G6";
        var p = formatProvider ?? CultureInfo.InvariantCulture;
        var sb = new StringBuilder("[");
        for (int i = 0; i < _data.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(_data[i].ToString(f, p));
        }
        return sb.Append(']').ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToString(null, null);

    private void RequireSameLength(Vector other)
    {
        if (other.Length != Length)
            throw new DimensionMismatchException($"Vector lengths differ: {Length} and {other.Length}.", nameof(other));
    }
}
