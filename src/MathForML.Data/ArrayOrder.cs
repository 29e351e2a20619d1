namespace MathForML.Data;

/// <summary>
/// Reorders the elements of an n-dimensional array between Fortran (column-major: the first index varies fastest) and
/// C (row-major: the last index varies fastest) order. For a shape (d₀, …, dₖ₋₁) the element (i₀, …, iₖ₋₁) sits at
/// i₀ + d₀·(i₁ + d₁·(i₂ + …)) in Fortran order and at ((i₀·d₁ + i₁)·d₂ + …) + iₖ₋₁ in C order. O(N) time, one new array.
/// </summary>
internal static class ArrayOrder
{
    /// <summary>The elements of the Fortran-order <paramref name="source"/> with shape <paramref name="shape"/>, in C order.</summary>
    public static T[] FortranToC<T>(T[] source, IReadOnlyList<long> shape)
    {
        int k = shape.Count;
        if (k < 2 || source.Length == 0) return source;
        var result = new T[source.Length];
        if (k == 2)
        {
            int rows = (int)shape[0], cols = (int)shape[1];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                    result[i * cols + j] = source[j * rows + i];
            return result;
        }

        // Walk the destination in C order with an odometer over the indices, keeping the Fortran offset in step.
        var stride = new long[k];
        stride[0] = 1;
        for (int a = 1; a < k; a++) stride[a] = stride[a - 1] * shape[a - 1];
        var index = new long[k];
        long offset = 0;
        for (int n = 0; n < result.Length; n++)
        {
            result[n] = source[offset];
            for (int a = k - 1; a >= 0; a--)
            {
                if (++index[a] < shape[a])
                {
                    offset += stride[a];
                    break;
                }
                offset -= stride[a] * (shape[a] - 1);
                index[a] = 0;
            }
        }
        return result;
    }
}
