using MathForML.Calculus;

namespace MathForML.Tests.Calculus;

public class DoubleDoubleTests
{
    // e = 2.71828182845904523536028747135266…, ln 2 = 0.693147180559945309417232121458176…
    private static readonly DoubleDouble E = new(2.718281828459045, 1.4456468917292502e-16);

    private static void Close(DoubleDouble expected, DoubleDouble actual, double relative)
    {
        var diff = actual - expected;
        Assert.True(Math.Abs(diff.Hi) <= relative * Math.Abs(expected.Hi), $"{actual} vs {expected}: {diff.Hi:E3}");
    }

    [Fact]
    public void ArithmeticKeepsAbout32Digits()
    {
        var third = (DoubleDouble)1 / 3;
        Close(1, third * 3, 1e-31);
        Close(1, (third + third + third), 1e-31);
        var tiny = (DoubleDouble)1 + 1e-20;
        Assert.Equal(1e-20, (tiny - 1).Hi, 1e-35);
    }

    [Fact]
    public void ExpLogAndSqrt()
    {
        Close(E, DoubleDouble.Exp(1), 1e-28);
        Close(new DoubleDouble(0.6931471805599453, 2.3190468138462996e-17), DoubleDouble.Log(2), 1e-28);
        Close(1, DoubleDouble.Log(DoubleDouble.Exp(1)), 1e-28);
        Close(2, DoubleDouble.Sqrt(2) * DoubleDouble.Sqrt(2), 1e-31);
        Close(1024, DoubleDouble.Pow(2, 10), 1e-32);
        Close(E * E * E, DoubleDouble.Exp(3), 1e-28);
        Close(1 / (E * E), DoubleDouble.Pow(E, -2), 1e-28);
    }

    [Theory]
    [InlineData("0e2000000000")]      // used to loop 2·10⁹ times
    [InlineData("1e-99999999999")]    // used to overflow int.Parse
    [InlineData("1e1001")]
    public void RejectsExponentsFarBeyondDouble(string text) =>
        Assert.Throws<FormatException>(() => DoubleDouble.Parse(text));

    [Fact]
    public void ParsesDecimalsBeyondDouble()
    {
        var tenth = DoubleDouble.Parse("1.000000000000E-01");
        Close(1, tenth * 10, 1e-31);
        Assert.NotEqual(0, (tenth - 0.1).Hi);   // 0.1 is not a double: the low part holds the difference
        Close(-34.834702, DoubleDouble.Parse("-34.834702E0"), 1e-16);
        Assert.Equal(2.5, DoubleDouble.Parse("2.5").Hi);
        Assert.Throws<FormatException>(() => DoubleDouble.Parse("x1"));
    }

    [Fact]
    public void EvaluatesExpressions()
    {
        var e = Expression.Parse("b1*exp(-b2*x) + x^2/3");
        var slots = new Dictionary<string, int> { ["x"] = 0, ["b1"] = 1, ["b2"] = 2 };
        var value = DoubleDouble.Evaluate(e, slots, [DoubleDouble.Parse("0.1"), 2, 1]);
        var expected = (DoubleDouble)2 * DoubleDouble.Exp(-DoubleDouble.Parse("0.1")) + DoubleDouble.Parse("0.01") / 3;
        Close(expected, value, 1e-30);
    }
}
