using MathForML.Calculus;

namespace MathForML.Tests.Calculus;

/// <summary>
/// <see cref="Expression.MaxDepth"/>: formulas too deep for the recursive operations are refused by the parser with an
/// <see cref="ExpressionParseException"/>, on any thread (a stack overflow would end the process, uncatchably), and
/// the deepest allowed formula still differentiates, prints, compiles and evaluates on a thread-pool thread.
/// </summary>
public class ExpressionDepthTests
{
    private static string Nested(string open, int depth, string inner = "x") => string.Concat(Enumerable.Repeat(open, depth)) + inner + new string(')', depth);

    [Fact]
    public async Task Thirteen_thousand_brackets_are_refused_on_a_thread_pool_thread()
    {
        var e = await Task.Run(() => Assert.Throws<ExpressionParseException>(() => Expression.Parse(Nested("(", 13_000))));
        Assert.Contains("nested more than 1,000 deep", e.Message);
    }

    [Fact]
    public void The_message_quotes_a_long_formula_only_around_the_problem()
    {
        var e = Assert.Throws<ExpressionParseException>(() => Expression.Parse(Nested("(", 13_000)));
        Assert.True(e.Message.Length < 300, $"{e.Message.Length} characters");
        Assert.Contains("…", e.Message);
        Assert.Equal(26_001, e.Formula.Length);
    }

    [Theory]
    [InlineData("sin(")]
    [InlineData("-(")]
    [InlineData("2^(")]
    public void Every_kind_of_nesting_counts(string open)
    {
        Assert.Throws<ExpressionParseException>(() => Expression.Parse(Nested(open, 1_001)));
    }

    [Fact]
    public void Chains_of_signs_and_exponents_count()
    {
        Assert.Throws<ExpressionParseException>(() => Expression.Parse(new string('-', 5_000) + "x"));
        Assert.Throws<ExpressionParseException>(() => Expression.Parse(string.Join("^", Enumerable.Repeat("x", 5_000))));
    }

    [Fact]
    public void A_long_chain_is_as_deep_as_its_terms()
    {
        var e = Assert.Throws<ExpressionParseException>(() => Expression.Parse(string.Join("+", Enumerable.Repeat("x", 3_000))));
        Assert.Contains("nests 3,000 operations deep", e.Message);
        Assert.Equal(1000.0, Expression.Parse(string.Join("+", Enumerable.Repeat("x", 1_000))).Evaluate("x", 1));
    }

    [Theory]
    [InlineData("sum")]
    [InlineData("product")]
    [InlineData("negations")]
    public async Task The_deepest_formulas_allowed_work_everywhere_on_a_thread_pool_thread(string shape)
    {
        // Trees as deep as the parser accepts: a chain of 1,000 terms, 1,000 factors, and 499 nested −( … ).
        var (text, value, slope) = shape switch
        {
            "sum" => (string.Join("+", Enumerable.Repeat("x", Expression.MaxDepth)), 500.0, 1000.0),
            "product" => (string.Join("*", Enumerable.Repeat("x", Expression.MaxDepth)), Math.Pow(0.5, 1000), 1000 * Math.Pow(0.5, 999)),
            _ => (Nested("-(", 499), -0.5, -1.0),
        };
        var (f, d, compiled, printed) = await Task.Run(() =>
        {
            var f = Expression.Parse(text);
            var d = f.Differentiate("x");
            return (f.Evaluate("x", 0.5), d.Evaluate("x", 0.5), d.Compile(["x"])([0.5]), f.ToString().Length);
        });
        Assert.Equal(value, f, Math.Abs(value) * 1e-14);
        Assert.Equal(slope, d, Math.Abs(slope) * 1e-12);
        Assert.Equal(slope, compiled, Math.Abs(slope) * 1e-12);
        Assert.True(printed > 0);
    }

    [Fact]
    public void Derivatives_that_blow_up_stop_with_a_clear_error_before_the_work()
    {
        // x^x^x^x^x: 65, 315, 1,735, 8,142, 33,642 nodes for orders 1–5, so order 10 is refused once order 5 is reached.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<ExpressionTooLargeException>(() => Expression.Parse("x^x^x^x^x").Differentiate("x", 10));
        Assert.Contains("Derivative 5 has more than 20,000", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"{watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(Expression.MaxDerivativeInput, e.Limit);
    }

    [Fact]
    public void A_symbolic_hessian_over_too_many_variables_is_refused()
    {
        var names = Enumerable.Range(0, 2_000).Select(i => $"v{i}").ToArray();
        var f = Expression.Parse(string.Join("+", names.Take(900)));
        Assert.Throws<ArgumentOutOfRangeException>(() => f.Hessian(names));
    }
}
