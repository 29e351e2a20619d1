using MathForML.Calculus;

namespace MathForML.Tests.Calculus;

public class ExpressionParserTests
{
    private static double Eval(string formula, params (string Name, double Value)[] values) =>
        Expression.Parse(formula).Evaluate(values.ToDictionary(v => v.Name, v => v.Value));

    [Theory]
    [InlineData("1 + 2*3", 7)]
    [InlineData("2^3^2", 512)]
    [InlineData("2**3**2", 512)]
    [InlineData("-2^2", -4)]
    [InlineData("(-2)^2", 4)]
    [InlineData("2^-1", 0.5)]
    [InlineData("8/4/2", 1)]
    [InlineData("8-4-2", 2)]
    [InlineData("2*-3", -6)]
    [InlineData("--3", 3)]
    [InlineData("+3", 3)]
    [InlineData("[1 + 2]*(3)", 9)]
    [InlineData("exp[0] + ln(e) + log(1)", 2)]
    [InlineData("1.5E-3*1000", 1.5)]
    [InlineData("1.5e+2", 150)]
    [InlineData(".5*4", 2)]
    [InlineData("sqrt(16) + abs(-2)", 6)]
    [InlineData("arctan(1)*4 - pi", 0)]
    [InlineData("atan(1) - arctan(1)", 0)]
    [InlineData("sin(0) + cos(0) + tan(0)", 1)]
    [InlineData("sinh(0) + cosh(0) + tanh(0)", 1)]
    [InlineData("  2  *  ( 3 + 4 )  ", 14)]
    public void EvaluatesConstants(string formula, double expected) =>
        Assert.Equal(expected, Eval(formula), 12);

    [Fact]
    public void ReadsVariableNames()
    {
        var e = Expression.Parse("b1*x1 + b10*x2 + mu/sigma + _t");
        Assert.Equal(["_t", "b1", "b10", "mu", "sigma", "x1", "x2"], e.Variables.OrderBy(v => v, StringComparer.Ordinal));
        Assert.Equal(["_t", "b1", "b10", "mu", "sigma", "x1", "x2"], e.Variables);   // natural order: b1 < b10
        Assert.Equal(["b1", "b2", "b10"], Expression.Parse("b10 + b2 + b1").Variables);
    }

    [Fact]
    public void ReadsTheNistModels()
    {
        foreach (var path in Directory.GetFiles(ReferenceData.PathOf("nist-strd"), "*.dat"))
        {
            var p = MathForML.Data.NistStrdProblem.Read(path);
            Assert.All(p.Model.Variables, v => Assert.True(v.StartsWith('b') || v.StartsWith('x'), v));
            var printed = Expression.Parse(p.Model.ToString());
            var values = p.ParameterNames.Select((n, j) => (n, p.CertifiedValues[j])).Concat(p.PredictorNames.Select((n, j) => (n, p.Predictors[0, j])))
                .ToDictionary(t => t.n, t => t.Item2);
            Assert.Equal(p.Model.Evaluate(values), printed.Evaluate(values), 12);
        }
    }

    public static TheoryData<string, int, string> Errors => new()
    {
        { "", 1, "empty" },
        { "   ", 4, "empty" },
        { "1 +", 4, "ends" },
        { "b1*(x", 6, "missing ')' to close the '(' at position 4" },
        { "exp[x)", 6, "')' does not match the '['" },
        { "x)", 2, "unmatched ')'" },
        { "2x", 2, "write 2*x" },
        { "x y", 3, "expected an operator, found 'y'" },
        { "foo(x)", 1, "unknown function 'foo'" },
        { "1 + sin", 8, "needs an argument" },
        { "3 * / 4", 5, "operator '/'" },
        { "x $ 2", 3, "expected an operator, found '$'" },
        { "()", 2, "empty '()'" },
        { "1e999", 1, "not a finite number" },
        { "#", 1, "unexpected character '#'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void ReportsWhereItFails(string formula, int column, string problem)
    {
        var e = Assert.Throws<ExpressionParseException>(() => Expression.Parse(formula));
        Assert.Equal(column, e.Column);
        Assert.Contains(problem, e.Message);
        Assert.Contains($"position {column}", e.Message);
        Assert.Equal(formula, e.Formula);
    }

    [Fact]
    public void RejectsUnknownVariablesAtTheirPosition()
    {
        var e = Assert.Throws<ExpressionParseException>(() => Expression.Parse("b1*exp(-b2*z)", ["x", "b1", "b2"]));
        Assert.Equal(12, e.Column);
        Assert.Contains("unknown variable 'z'", e.Message);
        Assert.Contains("allowed: b1, b2, x", e.Message);
    }

    [Fact]
    public void EvaluateNamesAMissingVariable()
    {
        var e = Assert.Throws<ArgumentException>(() => Expression.Parse("x + y").Evaluate("x", 1));
        Assert.Contains("unknown variable 'y'", e.Message);
    }
}
