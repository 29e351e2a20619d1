using csFastFloat;

namespace MathForML.Data;

/// <summary>
/// Parses the numbers of text matrices from UTF-8 bytes, fast: a cell in the plain decimal form
/// <c>[+-] digits [. digits] [(e|E) [+-] digits]</c> (at least one mantissa digit) is converted by csFastFloat
/// (Lemire, "Number Parsing at a Gigabyte per Second", Software: Practice and Experience 51(8), 2021), correctly
/// rounded as <see cref="double.Parse(string, System.Globalization.NumberStyles, IFormatProvider?)"/> is since .NET
/// Core 3.0, so both give the same bits; any other cell is left to the caller (false), which asks
/// <see cref="double.TryParse(ReadOnlySpan{byte}, System.Globalization.NumberStyles, IFormatProvider?, out double)"/>,
/// so the set of accepted cells and the values are exactly .NET's.
/// </summary>
internal static class PlainNumber
{
    /// <summary>True and the value when <paramref name="cell"/> is a plain decimal number; false otherwise (not an error).</summary>
    public static bool TryParse(ReadOnlySpan<byte> cell, out double value)
    {
        if (TryParseSmallInteger(cell, out value)) return true;
        if (!IsPlainDecimal(cell)) return false;
        return FastDoubleParser.TryParseDouble(cell, out int consumed, out value) && consumed == cell.Length;
    }

    /// <summary>
    /// An optionally signed integer of 1–15 digits (image pixels, counts, labels), exact in a double (below 2⁵³):
    /// converted directly; "-0" gives −0, as .NET's parser does.
    /// </summary>
    internal static bool TryParseSmallInteger(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        bool negative = false;
        if (!s.IsEmpty && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s.IsEmpty || s.Length > 15) return false;
        long v = 0;
        foreach (byte b in s)
        {
            if (!IsDigit(b)) return false;
            v = v * 10 + (b - '0');
        }
        value = negative ? -(double)v : v;
        return true;
    }

    /// <summary>The plain decimal form of the type's summary.</summary>
    internal static bool IsPlainDecimal(ReadOnlySpan<byte> s)
    {
        int i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
        int digits = 0;
        while (i < s.Length && IsDigit(s[i])) { i++; digits++; }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && IsDigit(s[i])) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
            int exponentDigits = 0;
            while (i < s.Length && IsDigit(s[i])) { i++; exponentDigits++; }
            if (exponentDigits == 0) return false;
        }
        return i == s.Length;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
