using System.Numerics.Tensors;
using MathForML.LinearAlgebra;

namespace MathForML.Numerics;

/// <summary>
/// The one check that an input holds only finite numbers, throwing <see cref="NonFiniteValueException"/> with the row
/// and column (or index) of the first NaN or ±∞. Every public entry point that needs finite data validates with it, so
/// the message has one form everywhere.
/// </summary>
/// <remarks>
/// The test is one vectorised pass, max |xᵢ| by <see cref="TensorPrimitives.MaxMagnitude{T}(ReadOnlySpan{T})"/>: NaN
/// propagates and ±∞ gives ∞, so the result is finite exactly when every value is. Only on failure is the span scanned
/// again for the culprit. Cost n comparisons; no allocation.
/// </remarks>
public static class Finite
{
    /// <summary>True when every value is finite (an empty span is).</summary>
    public static bool All(ReadOnlySpan<double> values) => values.IsEmpty || double.IsFinite(TensorPrimitives.MaxMagnitude(values));

    /// <summary>The index of the first NaN or ±∞, or −1 when all are finite.</summary>
    public static int IndexOfNonFinite(ReadOnlySpan<double> values)
    {
        if (All(values)) return -1;
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i])) return i;
        return -1;
    }

    /// <summary>
    /// Requires a row-major matrix of <paramref name="columns"/> columns held in <paramref name="values"/> to be finite.
    /// </summary>
    /// <exception cref="NonFiniteValueException">A value is NaN or ±∞; the message names its row and column.</exception>
    public static void Require(ReadOnlySpan<double> values, int columns, string paramName)
    {
        int i = IndexOfNonFinite(values);
        if (i >= 0) throw new NonFiniteValueException(paramName, i / columns, i % columns, values[i]);
    }

    /// <summary>Requires every entry of <paramref name="matrix"/> to be finite.</summary>
    /// <exception cref="NonFiniteValueException">An entry is NaN or ±∞; the message names its row and column.</exception>
    public static void Require(Matrix matrix, string paramName)
    {
        ArgumentNullException.ThrowIfNull(matrix, paramName);
        Require(matrix.AsSpan(), matrix.Columns, paramName);
    }

    /// <summary>Requires every value of a vector to be finite.</summary>
    /// <exception cref="NonFiniteValueException">A value is NaN or ±∞; the message names its index.</exception>
    public static void Require(ReadOnlySpan<double> values, string paramName)
    {
        int i = IndexOfNonFinite(values);
        if (i >= 0) throw new NonFiniteValueException(paramName, i, values[i]);
    }
}
