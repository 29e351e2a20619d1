using System.Globalization;
using System.Text;
using MathForML.Data;

namespace MathForML.Tests.Data;

/// <summary>
/// The fast number parser of text matrices against .NET's (the reference): whenever it takes a cell, the value has the
/// same bits as <see cref="double.Parse(string, NumberStyles, IFormatProvider?)"/>'s; it takes only cells .NET accepts.
/// </summary>
public class PlainNumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+7")]
    [InlineData("255")]
    [InlineData("999999999999999")]
    [InlineData("9999999999999999")]
    [InlineData("9007199254740993")]
    [InlineData("0.1")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("-.25e+2")]
    [InlineData("1E5")]
    [InlineData("2.2250738585072014e-308")]
    [InlineData("2.2250738585072011e-308")]
    [InlineData("4.9406564584124654e-324")]
    [InlineData("2.4703282292062328e-324")]
    [InlineData("2.4703282292062327e-324")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("1.7976931348623159e308")]
    [InlineData("1e400")]
    [InlineData("1e-400")]
    [InlineData("9007199254740993.0000000000000000000000000001")]
    [InlineData("0.30000000000000004")]
    [InlineData("123456789012345678901234567890e-10")]
    [InlineData("00000000000000000000000000001.5")]
    public void TakenCellsHaveDotNetsBits(string cell)
    {
        Assert.True(PlainNumber.TryParse(Encoding.ASCII.GetBytes(cell), out double fast), cell);
        double reference = double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.Equal(BitConverter.DoubleToInt64Bits(reference), BitConverter.DoubleToInt64Bits(fast));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("e5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-inf")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    [InlineData("١")]
    [InlineData("1_000")]
    [InlineData("++1")]
    public void OtherCellsAreLeftToDotNet(string cell) =>
        Assert.False(PlainNumber.TryParse(Encoding.UTF8.GetBytes(cell), out _), cell);

    [Fact]
    public void RandomPlainNumbersHaveDotNetsBits()
    {
        var rng = new Random(2026);
        var sb = new StringBuilder();
        for (int trial = 0; trial < 200_000; trial++)
        {
            sb.Clear();
            if (rng.Next(3) == 0) sb.Append(rng.Next(2) == 0 ? '-' : '+');
            int intDigits = rng.Next(0, 25), fracDigits = rng.Next(0, 25);
            if (intDigits + fracDigits == 0) intDigits = 1;
            for (int i = 0; i < intDigits; i++) sb.Append((char)('0' + rng.Next(10)));
            if (fracDigits > 0 || rng.Next(4) == 0) sb.Append('.');
            for (int i = 0; i < fracDigits; i++) sb.Append((char)('0' + rng.Next(10)));
            if (rng.Next(2) == 0) sb.Append(rng.Next(2) == 0 ? 'e' : 'E').Append(rng.Next(3) switch { 0 => "-", 1 => "+", _ => "" }).Append(rng.Next(0, 340));
            string cell = sb.ToString();
            Assert.True(PlainNumber.TryParse(Encoding.ASCII.GetBytes(cell), out double fast), cell);
            double reference = double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.DoubleToInt64Bits(reference) == BitConverter.DoubleToInt64Bits(fast), $"{cell}: .NET {reference:R}, fast {fast:R}");
        }
    }

    [Fact]
    public void RoundTrippedDoublesHaveTheirOwnBits()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 100_000; trial++)
        {
            double x = BitConverter.Int64BitsToDouble(rng.NextInt64());
            if (!double.IsFinite(x)) continue;
            string cell = x.ToString(trial % 2 == 0 ? "R" : "E16", CultureInfo.InvariantCulture);
            Assert.True(PlainNumber.TryParse(Encoding.ASCII.GetBytes(cell), out double fast), cell);
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(cell, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(fast));
        }
    }
}
