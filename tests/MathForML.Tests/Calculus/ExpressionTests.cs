using MathForML.Calculus;

namespace MathForML.Tests.Calculus;

public class ExpressionTests
{
    [Theory]
    [InlineData("x + y*z", "x + y*z")]
    [InlineData("(x + y)*z", "(x + y)*z")]
    [InlineData("x - (y - z)", "x - (y - z)")]
    [InlineData("x/(y*z)", "x/(y*z)")]
    [InlineData("x**2", "x^2")]
    [InlineData("(x^2)^3", "(x^2)^3")]
    [InlineData("x^2^3", "x^2^3")]
    [InlineData("-x^2", "-x^2")]
    [InlineData("(-x)^2", "(-x)^2")]
    [InlineData("exp[-b2*x]", "exp(-b2*x)")]
    [InlineData("2*pi*x", "2*pi*x")]
    [InlineData("arctan(x)", "arctan(x)")]
    [InlineData("ln(x)", "log(x)")]
    public void PrintsWithFewestParentheses(string formula, string printed) =>
        Assert.Equal(printed, Expression.Parse(formula).ToString());

    [Theory]
    [InlineData("x + 0", "x")]
    [InlineData("0 + x", "x")]
    [InlineData("1*x*1", "x")]
    [InlineData("0*x + y", "y")]
    [InlineData("x^1", "x")]
    [InlineData("x^0", "1")]
    [InlineData("x - x", "0")]
    [InlineData("x/x", "1")]
    [InlineData("x*x", "x^2")]
    [InlineData("x^2*x", "x^3")]
    [InlineData("2*(3*x)", "6*x")]
    [InlineData("--x", "x")]
    [InlineData("x + -y", "x - y")]
    [InlineData("2 + 3*4", "14")]
    [InlineData("log(exp(x))", "x")]
    [InlineData("1/0", "1/0")]
    [InlineData("2*x + 3*x", "5*x")]
    [InlineData("x^2*x^3", "x^5")]
    [InlineData("6*x^5/6", "x^5")]
    [InlineData("x*y*x", "x^2*y")]
    [InlineData("sin(x)*x*3", "3*x*sin(x)")]
    [InlineData("x - 2*x", "-x")]
    [InlineData("cos(x) + x*(-sin(x))", "-x*sin(x) + cos(x)")]
    [InlineData("x/2 + x/3", "5*x/6")]
    [InlineData("2*(x + 1)", "2*x + 2")]
    [InlineData("x^y/x", "x^y/x")]
    [InlineData("sqrt(x)*sqrt(x)", "x")]
    [InlineData("1/sqrt(2)", "sqrt(2)/2")]
    [InlineData("2*pi*x", "2*pi*x")]
    [InlineData("x^-2", "x^(-2)")]
    [InlineData("sin(-x) + cos(-x)", "-sin(x) + cos(x)")]
    [InlineData("2^2000*x", "2^2000*x")]
    [InlineData("(-1)^3 + 0^2", "-1")]
    public void Simplifies(string formula, string simplified) =>
        Assert.Equal(simplified, Expression.Parse(formula).Simplify().ToString());

    [Fact]
    public void OperatorsBuildSimplifiedTrees()
    {
        Expression x = Expression.Var("x");
        Assert.Equal("2*x", (x + x).ToString());
        Assert.Equal(Expression.Parse("x^2"), x * x);
    }

    [Fact]
    public void PrintedTreesParseBackToTheSameValues()
    {
        var random = new Random(7);
        string[] vars = ["x", "y"];
        for (int t = 0; t < 300; t++)
        {
            var e = RandomExpressions.Tree(random, 4, vars);
            var back = Expression.Parse(e.ToString());
            var point = new Dictionary<string, double> { ["x"] = 0.3 + random.NextDouble(), ["y"] = 0.3 + random.NextDouble() };
            double a = e.Evaluate(point), b = back.Evaluate(point), c = e.Simplify().Evaluate(point);
            if (!double.IsFinite(a)) continue;
            Assert.Equal(a, b, 1e-12 * Math.Max(1, Math.Abs(a)));
            Assert.True(Math.Abs(a - c) <= 1e-9 * Math.Max(1, Math.Abs(a)), $"{e} simplified to {e.Simplify()}: {a} vs {c}");
        }
    }

    [Fact]
    public void CompiledDelegatesMatchTheInterpreter()
    {
        var random = new Random(11);
        string[] vars = ["x", "y"];
        for (int t = 0; t < 200; t++)
        {
            var e = RandomExpressions.Tree(random, 4, vars);
            var f = e.Compile(vars);
            double x = 0.3 + random.NextDouble(), y = 0.3 + random.NextDouble();
            double a = e.Evaluate(new Dictionary<string, double> { ["x"] = x, ["y"] = y }), b = f([x, y]);
            if (double.IsFinite(a)) Assert.True(Math.Abs(a - b) <= 1e-13 * Math.Max(1, Math.Abs(a)), $"{e}: {a} vs {b}");
        }
    }

    [Fact]
    public void EvaluatesOverRows()
    {
        var e = Expression.Parse("x^2 + y");
        var points = MathForML.LinearAlgebra.Matrix.FromRows([1, 2], [3, 4], [0.5, -1]);
        var results = new double[3];
        e.EvaluateRows(["x", "y"], points, results);
        Assert.Equal([3, 13, -0.75], results);
    }

    [Fact]
    public void CompileRejectsUnlistedVariables()
    {
        var ex = Assert.Throws<ArgumentException>(() => Expression.Parse("x + z").Compile(["x"]));
        Assert.Contains("unknown variable 'z'", ex.Message);
    }

    [Fact]
    public void ListsVariablesAsWrittenOrInNaturalOrder()
    {
        var e = Expression.Parse("y*b10 + x^2*b2 + y");
        Assert.Equal(["y", "b10", "x", "b2"], e.VariablesAsWritten);
        Assert.Equal(["b2", "b10", "x", "y"], e.Variables);
    }

    [Fact]
    public void SubstitutesVariables()
    {
        var e = Expression.Parse("x^2 + y").Substitute(new Dictionary<string, Expression> { ["x"] = Expression.Parse("t + 1") });
        Assert.Equal("(t + 1)^2 + y", e.ToString());
    }
}

/// <summary>Seeded random expression trees over a few variables (values kept in a safe domain by the callers' points).</summary>
internal static class RandomExpressions
{
    private static readonly MathFunction[] Safe = [MathFunction.Sin, MathFunction.Cos, MathFunction.Atan, MathFunction.Tanh, MathFunction.Exp];

    public static Expression Tree(Random r, int depth, string[] vars)
    {
        if (depth == 0 || r.Next(4) == 0)
            return r.Next(3) == 0 ? new Constant(Math.Round(r.NextDouble() * 4 - 2, 2)) : new Variable(vars[r.Next(vars.Length)]);
        return r.Next(8) switch
        {
            0 => new Sum(Tree(r, depth - 1, vars), Tree(r, depth - 1, vars)),
            1 => new Difference(Tree(r, depth - 1, vars), Tree(r, depth - 1, vars)),
            2 => new Product(Tree(r, depth - 1, vars), Tree(r, depth - 1, vars)),
            3 => new Quotient(Tree(r, depth - 1, vars), new Sum(new Constant(2), new FunctionCall(MathFunction.Sin, Tree(r, depth - 1, vars)))),
            4 => new Power(new Sum(new Constant(1.5), new FunctionCall(MathFunction.Cos, Tree(r, depth - 1, vars))), new Constant(r.Next(-2, 4))),
            5 => new Negation(Tree(r, depth - 1, vars)),
            6 => new FunctionCall(Safe[r.Next(Safe.Length)], Tree(r, depth - 1, vars)),
            _ => new FunctionCall(MathFunction.Tanh, Tree(r, depth - 1, vars)),
        };
    }
}
