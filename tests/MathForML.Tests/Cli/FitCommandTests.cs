namespace MathForML.Tests.Cli;

public class FitCommandTests
{
    [Fact]
    public void FitsANistFileFromBothStarts()
    {
        foreach (var start in new[] { "1", "2" })
        {
            var r = CliRunner.Json("fit", "--data", ReferenceData.PathOf("nist-strd", "MGH09.dat"), "--start", start);
            Assert.True(r.GetProperty("converged").GetBoolean());
            Assert.Equal(1.9280693458E-01, r.GetProperty("parameters").GetProperty("b1").GetDouble(), 1e-9);
            Assert.Equal(3.0750560385E-04, r.GetProperty("residual_sum_of_squares").GetDouble(), 1e-13);
            Assert.Equal("lm", r.GetProperty("method").GetString());
            Assert.True(r.GetProperty("certified").GetProperty("digits").GetDouble() >= 6);
            Assert.Equal(4, r.GetProperty("standard_errors").EnumerateObject().Count());
        }
    }

    [Fact]
    public void FitsColumnsOfACsvFile()
    {
        using var dir = new TempDirectory();
        var lines = Enumerable.Range(1, 12).Select(i => $"{i},{3 * (1 - Math.Exp(-0.4 * i)) + 0.01 * Math.Sin(i):R}");
        var path = dir.Write("data.csv", "t,signal\n" + string.Join("\n", lines) + "\n");
        var r = CliRunner.Json("fit", "--data", path, "--model", "b1*(1 - exp(-b2*x))", "--start", "b1=1,b2=1");
        Assert.Equal(3, r.GetProperty("parameters").GetProperty("b1").GetDouble(), 1);
        Assert.Equal(0.4, r.GetProperty("parameters").GetProperty("b2").GetDouble(), 1);
        var byName = CliRunner.Json("fit", "--data", path, "--model", "b1*(1 - exp(-b2*x))", "--start", "b1=1,b2=1", "--x", "t", "--y", "signal");
        Assert.Equal(r.GetProperty("parameters").GetProperty("b1").GetDouble(), byName.GetProperty("parameters").GetProperty("b1").GetDouble());
        var gn = CliRunner.Json("fit", "--data", path, "--model", "b1*(1 - exp(-b2*x))", "--start", "b1=2,b2=0.5", "--method", "gauss-newton");
        Assert.Equal(r.GetProperty("parameters").GetProperty("b2").GetDouble(), gn.GetProperty("parameters").GetProperty("b2").GetDouble(), 9);
    }

    [Fact]
    public void SeveralPredictorsBecomeX1X2()
    {
        using var dir = new TempDirectory();
        var lines = Enumerable.Range(0, 15).Select(i => $"{i * 0.5} {Math.Cos(i)} {1 + 2 * i * 0.5 - 3 * Math.Cos(i) + 0.001 * Math.Sin(7 * i):R}");
        var path = dir.Write("data.txt", string.Join("\n", lines) + "\n");
        var r = CliRunner.Json("fit", "--data", path, "--model", "a + b*x1 + c*x2", "--start", "a=0,b=0,c=0");
        Assert.Equal(2, r.GetProperty("parameters").GetProperty("b").GetDouble(), 2);
        Assert.Equal(-3, r.GetProperty("parameters").GetProperty("c").GetDouble(), 2);
    }

    [Fact]
    public void SteepestDescentThatDoesNotConvergeExitsOneAndStillPrints()
    {
        var (code, output, error) = CliRunner.Run("fit", "--data", ReferenceData.PathOf("nist-strd", "Misra1a.dat"), "--start", "2", "--method", "steepest", "--aggression", "1e-12", "--json");
        Assert.Equal(1, code);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        Assert.False(doc.RootElement.GetProperty("converged").GetBoolean());
        Assert.Equal("steepest", doc.RootElement.GetProperty("method").GetString());
        Assert.Contains("did not converge", error);
    }

    [Fact]
    public void HumanOutputShowsTheTable()
    {
        var (code, output, _) = CliRunner.Run("fit", "--data", ReferenceData.PathOf("nist-strd", "Misra1a.dat"), "--start", "2");
        Assert.Equal(0, code);
        Assert.Contains("b1", output);
        Assert.Contains("residual sum of squares", output);
        Assert.Contains("significant digits", output);
    }

    [Fact]
    public void UndefinedStandardErrorsAreSaidNeverPrintedAsNaN()
    {
        // b2 does not change the model: J has a zero column, (JᵀJ)⁻¹ does not exist. It printed "NaN" with exit 0.
        using var dir = new TempDirectory();
        var csv = dir.Write("lin.csv", "x,y\n1,2\n2,4.1\n3,5.9\n4,8.2\n");
        string[] args = ["fit", "--data", csv, "--model", "b1*x + 0*b2", "--x", "x", "--y", "y", "--start", "b1=1,b2=1"];
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(0, code);
        Assert.DoesNotContain("NaN", output, StringComparison.Ordinal);
        Assert.Contains("undefined", output, StringComparison.Ordinal);
        Assert.StartsWith("mml: warning: the standard errors of b1, b2 are undefined", error, StringComparison.Ordinal);
        var json = CliRunner.Json(args);
        Assert.Equal(2.0233333333333334, json.GetProperty("parameters").GetProperty("b1").GetDouble(), 12);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("standard_errors").GetProperty("b2").ValueKind);
    }
}
