using MathForML.LinearAlgebra;

namespace MathForML.Kernels;

/// <summary>Argument checks shared by the BLAS-style kernels: sizes, leading dimensions and span lengths.</summary>
internal static class KernelArguments
{
    /// <summary>Checks that a row-major operand of <paramref name="rows"/>×<paramref name="columns"/> fits in a span of <paramref name="length"/> with leading dimension <paramref name="ld"/>.</summary>
    public static void Operand(string name, int rows, int columns, int ld, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows, name);
        ArgumentOutOfRangeException.ThrowIfNegative(columns, name);
        if (rows == 0 || columns == 0) return;
        if (ld < columns)
            throw new DimensionMismatchException($"Leading dimension of {name} is {ld}, less than its {columns} columns.", name);
        long needed = (long)(rows - 1) * ld + columns;
        if (length < needed)
            throw new DimensionMismatchException($"{name} is {rows}×{columns} with leading dimension {ld}: needs {needed} elements, span has {length}.", name);
    }
}
