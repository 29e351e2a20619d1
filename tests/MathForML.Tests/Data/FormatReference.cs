using System.Globalization;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Data;

/// <summary>The values of Reference/formats/expected.txt (made by make_reference.py beside it), to the bit.</summary>
internal static class FormatReference
{
    /// <summary>The array <paramref name="name"/> as a matrix: each float64 from its 16 hex digits of IEEE bits.</summary>
    public static Matrix Expected(string name)
    {
        foreach (var line in File.ReadLines(ReferenceData.PathOf("formats", "expected.txt")))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts[0] != name) continue;
            int rows = int.Parse(parts[1], CultureInfo.InvariantCulture), cols = int.Parse(parts[2], CultureInfo.InvariantCulture);
            var values = parts[3..].Select(h => BitConverter.UInt64BitsToDouble(ulong.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))).ToArray();
            return Matrix.Wrap(rows, cols, values);
        }
        throw new KeyNotFoundException(name);
    }

    /// <summary>Asserts that two matrices are equal bit for bit.</summary>
    public static void BitEqual(Matrix expected, Matrix actual)
    {
        Assert.Equal((expected.Rows, expected.Columns), (actual.Rows, actual.Columns));
        Assert.Equal(expected.ToArray().Select(BitConverter.DoubleToUInt64Bits), actual.ToArray().Select(BitConverter.DoubleToUInt64Bits));
    }
}
