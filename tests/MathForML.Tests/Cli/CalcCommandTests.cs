namespace MathForML.Tests.Cli;

public class CalcCommandTests
{
    [Fact]
    public void DiffPrintsTheDerivative()
    {
        Assert.Equal("x^3*cos(x) + 3*x^2*sin(x)", CliRunner.Json("calc", "diff", "x^3*sin(x)", "--wrt", "x").GetProperty("derivative").GetString());
        Assert.Equal("-x*sin(x) + 2*cos(x)", CliRunner.Json("calc", "diff", "sin(x)*x", "--wrt", "x", "--order", "2").GetProperty("derivative").GetString());
        Assert.Equal("5*x^4", CliRunner.Json("calc", "diff", "x^2*x^3", "--wrt", "x").GetProperty("derivative").GetString());
        Assert.Equal("5*x^4", CliRunner.Json("calc", "diff", "6*x^5/6", "--wrt", "x").GetProperty("derivative").GetString());
        Assert.Equal("6*x", CliRunner.Json("calc", "diff", "x^3", "--wrt", "x", "--order", "2").GetProperty("derivative").GetString());
        var (code, output, _) = CliRunner.Run("calc", "diff", "exp(2*x)", "--wrt", "x");
        Assert.Equal(0, code);
        Assert.Equal("2*exp(2*x)", output.Trim());
    }

    [Fact]
    public void SecantFindsTheQuizsRoot()
    {
        var r = CliRunner.Json("calc", "secant", "x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30", "--x0", "3.1");
        Assert.Equal(1.063070629709697, r.GetProperty("root").GetDouble(), 1e-15);
        Assert.Equal(14, r.GetProperty("iterations").GetInt32());
        Assert.True(r.GetProperty("converged").GetBoolean());
        var (code, _, _) = CliRunner.Run("calc", "secant", "x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30", "--x0", "1.99");
        Assert.Equal(1, code);
    }

    [Fact]
    public void LagrangeFindsTheExtremeOnTheCircle()
    {
        var r = CliRunner.Json("calc", "lagrange", "x + y", "--constraint", "x^2 + y^2 = 1", "--start", "x=0.5,y=0.5");
        Assert.Equal(Math.Sqrt(0.5), r.GetProperty("point").GetProperty("x").GetDouble(), 1e-15);
        Assert.Equal(Math.Sqrt(0.5), r.GetProperty("lambda").GetDouble(), 1e-15);
        Assert.Equal(Math.Sqrt(2), r.GetProperty("objective").GetDouble(), 1e-15);
        Assert.Equal("x + y - λ*(x^2 + y^2 - 1)", r.GetProperty("lagrangian").GetString());
        var (code, output, _) = CliRunner.Run("calc", "lagrange", "x + y", "--constraint", "x^2 + y^2 = 1", "--start", "-0.5,-0.5");
        Assert.Equal(0, code);
        Assert.Contains("x = -0.7071067812, y = -0.7071067812", output);
    }

    [Fact]
    public void GradAndHessian()
    {
        var g = CliRunner.Json("calc", "grad", "x^2*y + exp(y)");
        Assert.Equal(["2*x*y", "x^2 + exp(y)"], g.GetProperty("gradient").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["x", "y"], g.GetProperty("variables").EnumerateArray().Select(e => e.GetString()));
        var written = CliRunner.Json("calc", "grad", "y*x^2 + z");
        Assert.Equal(["y", "x", "z"], written.GetProperty("variables").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["x^2", "2*x*y", "1"], written.GetProperty("gradient").EnumerateArray().Select(e => e.GetString()));
        var h = CliRunner.Json("calc", "hessian", "x^2*y", "--vars", "y,x").GetProperty("hessian");
        Assert.Equal("0", h[0][0].GetString());
        Assert.Equal("2*x", h[0][1].GetString());
        Assert.Equal("2*y", h[1][1].GetString());
    }

    [Fact]
    public void TaylorSeries()
    {
        var t = CliRunner.Json("calc", "taylor", "exp(x)", "--at", "0", "--order", "3");
        Assert.Equal("1 + x + 0.5*x^2 + 0.16666666666666666*x^3", t.GetProperty("series").GetString());
        Assert.Equal(4, t.GetProperty("coefficients").GetArrayLength());
        Assert.Contains("(t - 1)", CliRunner.Json("calc", "taylor", "log(t)", "--at", "1", "--order", "2").GetProperty("series").GetString());
    }

    [Fact]
    public void NewtonFindsRootsAndSystems()
    {
        var r = CliRunner.Json("calc", "newton", "x^2 - 2", "--start", "1");
        Assert.Equal(Math.Sqrt(2), r.GetProperty("root").GetDouble(), 15);
        Assert.True(r.GetProperty("converged").GetBoolean());
        Assert.Equal(r.GetProperty("iterations").GetInt32() + 1, r.GetProperty("path").GetArrayLength());
        var s = CliRunner.Json("calc", "newton", "x^2 + y^2 - 4; x*y - 1", "--start", "x=2,y=0.5");
        double x = s.GetProperty("root").GetProperty("x").GetDouble(), y = s.GetProperty("root").GetProperty("y").GetDouble();
        Assert.Equal(1, x * y, 12);
    }

    [Fact]
    public void NewtonThatCannotConvergeExitsOneWithTheResult()
    {
        var (code, output, error) = CliRunner.Run("calc", "newton", "x^2 + 1", "--start", "0", "--json");
        Assert.Equal(1, code);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        Assert.False(doc.RootElement.GetProperty("converged").GetBoolean());
        Assert.Equal("ZeroDerivative", doc.RootElement.GetProperty("stop_reason").GetString());
        Assert.Contains("did not converge", error);
    }

    [Theory]
    [InlineData("gd")]
    [InlineData("newton")]
    [InlineData("hybrid")]
    public void MinimizeWithEachMethod(string method)
    {
        var r = CliRunner.Json("calc", "minimize", "(x - 1)^2 + 2*(y + 0.5)^2", "--start", "x=0,y=0", "--method", method);
        Assert.Equal(1, r.GetProperty("minimum").GetProperty("x").GetDouble(), 8);
        Assert.Equal(-0.5, r.GetProperty("minimum").GetProperty("y").GetDouble(), 8);
        Assert.True(r.GetProperty("path").GetArrayLength() >= 2);
        Assert.Equal(method, r.GetProperty("method").GetString());
    }

    [Fact]
    public void MinimizeThatRunsOutOfStepsExitsOne()
    {
        var (code, output, _) = CliRunner.Run("calc", "minimize", "x^2 + y^2", "--start", "3,4", "--method", "gd", "--step", "0.001", "--max-iter", "5");
        Assert.Equal(1, code);
        Assert.Contains("last point", output);
    }
}
