using MathForML.Calculus;

namespace MathForML.Tests.Calculus;

public class DifferentiationTests
{
    /// <summary>The corpus: each expression is differentiated symbolically in x and in y and checked against finite differences.</summary>
    public static readonly string[] Corpus =
    [
        "x", "3*x + 2", "x^2", "x^3 - 2*x^2 + x - 7", "x^-1", "x^-2.5", "sqrt(x)", "x^0.5*y", "1/x", "1/(1 + x^2)",
        "exp(x)", "exp(-x^2)", "exp(x*y)", "log(x)", "ln(x^2 + 1)", "log(x*y)", "sin(x)", "cos(x)", "tan(x/3)", "sin(x)*cos(y)",
        "sin(x)^2 + cos(x)^2", "arctan(x)", "atan(x/y)", "sinh(x)", "cosh(x)", "tanh(x)", "abs(x - 3)", "x^y", "2^x", "y^x",
        "x^x", "exp(sin(x))", "sin(exp(x))", "log(sin(x) + 2)", "sqrt(1 + x^2)", "x/(x + y)", "(x - y)/(x + y)", "x*exp(-x)",
        "x^2*log(x)", "exp(-x)*sin(3*x)", "1/(1 + exp(-x))", "(1 + x)^10", "(x^2 + y^2)^1.5", "x*y^2 - y*x^2", "exp(x)/(1 + exp(x))",
        "arctan(x)/pi", "b1*(1 - exp(-y*x))", "exp(-(x - y)^2/(2*0.5^2))/(0.5*sqrt(2*pi))", "y*(x^2 + x*y)/(x^2 + x*2 + 3)",
        "y/((1 + exp(2 - y*x))^(1/3))", "(x + 2)^(-1/y)", "x*(1 - (1 + 2*y*x)^(-.5))", "sinh(x)/cosh(x) - tanh(x)",
        "log(cosh(x))", "sqrt(x*y + 1)/(x + 1)", "cos(2*pi*x/12)", "(x^2 - 1)/(x - 2)", "tan(x/2)^2", "x^3*y^2*exp(-x*y)",
        "-x^4 + 4*x^3/3", "x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30",
    ];

    public static TheoryData<string> CorpusData()
    {
        var data = new TheoryData<string>();
        foreach (var e in Corpus) data.Add(e);
        return data;
    }

    [Fact]
    public void TheCorpusHasAtLeastFiftyExpressions() => Assert.True(Corpus.Length >= 50, $"{Corpus.Length}");

    [Theory]
    [MemberData(nameof(CorpusData))]
    public void SymbolicDerivativesMatchFiniteDifferences(string formula)
    {
        var f = Expression.Parse(formula.Replace("b1", "1.7", StringComparison.Ordinal));
        string[] vars = ["x", "y"];
        var fc = f.Compile(vars);
        var random = new Random(formula.Length * 31 + formula[0]);
        foreach (var v in vars)
        {
            var df = f.Differentiate(v).Compile(vars);
            int index = Array.IndexOf(vars, v);
            for (int t = 0; t < 20; t++)
            {
                double[] p = [0.6 + 1.2 * random.NextDouble(), 0.6 + 1.2 * random.NextDouble()];
                if (formula.Contains("x - 2", StringComparison.Ordinal) && Math.Abs(p[0] - 2) < 0.1) continue;
                double symbolic = df(p);
                double numeric = FiniteDifferences.RichardsonDerivative(u =>
                {
                    var q = (double[])p.Clone();
                    q[index] = u;
                    return fc(q);
                }, p[index], 1e-3);
                Assert.True(Math.Abs(symbolic - numeric) <= 1e-7 * Math.Max(1, Math.Abs(symbolic)),
                    $"d/d{v} {formula} at ({p[0]}, {p[1]}): symbolic {symbolic} ({f.Differentiate(v)}), numeric {numeric}");
            }
        }
    }

    [Theory]
    [InlineData("x^2", "x", "2*x")]
    [InlineData("3*x^3", "x", "9*x^2")]
    [InlineData("sin(x)", "x", "cos(x)")]
    [InlineData("exp(2*x)", "x", "2*exp(2*x)")]
    [InlineData("log(x)", "x", "1/x")]
    [InlineData("x*y", "y", "x")]
    [InlineData("x^2 + y^2", "y", "2*y")]
    [InlineData("5", "x", "0")]
    [InlineData("1/x", "x", "-1/x^2")]
    [InlineData("2^x", "x", "2^x*log(2)")]
    [InlineData("x^2*x^3", "x", "5*x^4")]
    [InlineData("x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30", "x", "x^5 - 12*x^3 - 2*x^2 + 27*x + 18")]
    [InlineData("x/(x + y)", "x", "-x/(x + y)^2 + 1/(x + y)")]
    [InlineData("sqrt(1 + x^2)", "x", "x/sqrt(x^2 + 1)")]
    [InlineData("cos(2*pi*x/12)", "x", "-pi*sin(pi*x/6)/6")]
    [InlineData("x^(1/3)", "x", "1/(3*x^(2/3))")]
    [InlineData("-1/x", "x", "x^(-2)")]
    public void KnownDerivatives(string formula, string variable, string expected) =>
        Assert.Equal(expected, Expression.Parse(formula).Differentiate(variable).ToString());

    [Fact]
    public void HigherOrders()
    {
        var sin = Expression.Parse("sin(x)");
        Assert.Equal("-cos(x)", sin.Differentiate("x", 3).ToString());
        Assert.Equal("sin(x)", sin.Differentiate("x", 4).ToString());
        Assert.Equal("0", Expression.Parse("x^3").Differentiate("x", 4).ToString());
        Assert.Equal("6", Expression.Parse("x^3").Differentiate("x", 3).ToString());
        Assert.Equal("sin(x)", sin.Differentiate("x", 0).ToString());
        var mixed = Expression.Parse("x^2*y^3").Differentiate("x").Differentiate("y");
        Assert.Equal(6 * 2 * 9, mixed.Evaluate(new Dictionary<string, double> { ["x"] = 2, ["y"] = 3 }), 12);
    }

    [Fact]
    public void TheCoursesGaussianDerivativesMatchFiniteDifferences()
    {
        // f(x; μ, σ) = exp(−(x − μ)²/(2σ²))/(σ√(2π)); the learner writes ∂f/∂μ = f·(x − μ)/σ² and ∂f/∂σ = f·((x − μ)²/σ³ − 1/σ).
        var f = MathForML.Data.HeightData.Gaussian;
        string[] vars = ["x", "mu", "sigma"];
        var fc = f.Compile(vars);
        var dmu = f.Differentiate("mu").Compile(vars);
        var dsigma = f.Differentiate("sigma").Compile(vars);
        foreach (var x in new[] { 140.0, 150, 155, 160, 170, 185 })
        {
            double mu = 155, sigma = 6, value = fc([x, mu, sigma]);
            Assert.Equal(value * (x - mu) / (sigma * sigma), dmu([x, mu, sigma]), 1e-15);
            Assert.Equal(value * ((x - mu) * (x - mu) / (sigma * sigma * sigma) - 1 / sigma), dsigma([x, mu, sigma]), 1e-15);
            double fdMu = FiniteDifferences.Derivative(m => fc([x, m, sigma]), mu);
            double fdSigma = FiniteDifferences.Derivative(s => fc([x, mu, s]), sigma);
            Assert.True(Math.Abs(dmu([x, mu, sigma]) - fdMu) <= 1e-7 * Math.Max(Math.Abs(fdMu), 1e-6), $"∂f/∂μ at {x}");
            Assert.True(Math.Abs(dsigma([x, mu, sigma]) - fdSigma) <= 1e-7 * Math.Max(Math.Abs(fdSigma), 1e-6), $"∂f/∂σ at {x}");
        }
    }

    [Fact]
    public void GradientAndHessian()
    {
        var f = Expression.Parse("x^2*y + exp(x*y)");
        var g = f.Gradient(["x", "y"]);
        var h = f.Hessian(["x", "y"]);
        var p = new Dictionary<string, double> { ["x"] = 0.5, ["y"] = 2 };
        double e = Math.Exp(1);
        Assert.Equal(2 * 0.5 * 2 + 2 * e, g[0].Evaluate(p), 12);
        Assert.Equal(0.25 + 0.5 * e, g[1].Evaluate(p), 12);
        Assert.Equal(2 * 2 + 4 * e, h[0, 0].Evaluate(p), 12);
        Assert.Equal(h[0, 1].Evaluate(p), h[1, 0].Evaluate(p));
        Assert.Equal(2 * 0.5 + e + 1 * e, h[0, 1].Evaluate(p), 12);
        Assert.Equal(0.25 * e, h[1, 1].Evaluate(p), 12);
    }
}
