using MathForML.Data;
using MathForML.Optimization;
using Xunit.Abstractions;

namespace MathForML.Tests.Optimization;

/// <summary>
/// The 27 NIST StRD non-linear regression problems from both start points with the default method and no tuning:
/// every fit must match the certified parameters and residual sum of squares to at least 6 significant digits (LRE ≥ 6).
/// </summary>
public class NistStrdTests(ITestOutputHelper output)
{
    private static IEnumerable<NistStrdProblem> Problems() =>
        Directory.GetFiles(ReferenceData.PathOf("nist-strd"), "*.dat").Order(StringComparer.Ordinal).Select(NistStrdProblem.Read);

    [Fact]
    public void ReadsAllTwentySevenProblems()
    {
        var problems = Problems().ToArray();
        Assert.Equal(27, problems.Length);
        var mgh09 = problems.Single(p => p.Name == "MGH09");
        Assert.Equal("b1*(x**2+x*b2) / (x**2+x*b3+b4)", mgh09.Formula);
        Assert.Equal([25, 39, 41.5, 39], mgh09.Start1);
        Assert.Equal([0.25, 0.39, 0.415, 0.39], mgh09.Start2);
        Assert.Equal(1.9280693458E-01, mgh09.CertifiedValues[0]);
        Assert.Equal(3.0750560385E-04, mgh09.CertifiedResidualSumOfSquares);
        Assert.Equal(11, mgh09.Response.Length);
        Assert.Equal("Higher", mgh09.Difficulty);
        var nelson = problems.Single(p => p.Name == "Nelson");
        Assert.Equal(["x1", "x2"], nelson.PredictorNames);
        Assert.Equal("log[y]", nelson.ResponseFormula);
        Assert.Equal(Math.Log(15.0), nelson.Response[0], 15);
        Assert.Equal(128, nelson.Predictors.Rows);
        Assert.Contains("pi", problems.Single(p => p.Name == "Roszman1").Model.ToString());
        Assert.Equal(9, problems.Single(p => p.Name == "ENSO").ParameterNames.Count);
    }

    [Fact]
    public void AllFiftyFourFitsMatchTheCertifiedValuesToSixDigits()
    {
        var failures = new List<string>();
        double worstParameters = 15, worstRss = 15;
        string worstParametersAt = "", worstRssAt = "";
        int parametersOk = 0, rssOk = 0;
        foreach (var p in Problems())
        {
            for (int start = 1; start <= 2; start++)
            {
                var r = p.Fit(start);
                double lre = r.Parameters.Select((b, j) => NistStrdProblem.LogRelativeError(b, p.CertifiedValues[j])).Min();
                double lreRss = NistStrdProblem.LogRelativeError(r.ResidualSumOfSquares, p.CertifiedResidualSumOfSquares);
                double lreSe = r.StandardErrors.Select((s, j) => NistStrdProblem.LogRelativeError(s, p.CertifiedStandardDeviations[j])).Min();
                output.WriteLine($"{p.Name,-9} start {start}: LRE parameters {lre,5:F1}  RSS {lreRss,5:F1}  std errors {lreSe,5:F1}  iterations {r.Iterations,4}  {r.StopReason}");
                if (lre >= 6) parametersOk++;
                if (lreRss >= 6) rssOk++;
                if (lre < 6 || lreRss < 6 || !r.Converged) failures.Add($"{p.Name}#{start} (parameters {lre:F1}, RSS {lreRss:F1}, {r.StopReason})");
                if (lre < worstParameters) (worstParameters, worstParametersAt) = (lre, $"{p.Name}#{start}");
                if (lreRss < worstRss) (worstRss, worstRssAt) = (lreRss, $"{p.Name}#{start}");
            }
        }
        output.WriteLine($"parameters: {parametersOk}/54 with LRE >= 6, worst {worstParameters:F2} digits ({worstParametersAt})");
        output.WriteLine($"RSS: {rssOk}/54 with LRE >= 6, worst {worstRss:F2} digits ({worstRssAt})");
        Console.WriteLine($"NIST StRD: parameters {parametersOk}/54 (worst {worstParameters:F2} digits, {worstParametersAt}), RSS {rssOk}/54 (worst {worstRss:F2} digits, {worstRssAt})");
        Assert.True(failures.Count == 0, "fits below 6 digits: " + string.Join("; ", failures));
    }

    [Fact]
    public void InPlainDoubleEveryParameterStillMatches()
    {
        // Without the double-double polish the parameters still match everywhere; only Lanczos1's S (≈ 1.4e-25, below the
        // rounding level of its data) needs the extra precision.
        foreach (var p in Problems())
            for (int start = 1; start <= 2; start++)
            {
                var r = p.Fit(start, new NonlinearLeastSquaresOptions { ExtendedPrecisionPolish = false });
                Assert.True(r.Parameters.Select((b, j) => NistStrdProblem.LogRelativeError(b, p.CertifiedValues[j])).Min() >= 6, $"{p.Name}#{start}");
                if (p.Name != "Lanczos1")
                    Assert.True(NistStrdProblem.LogRelativeError(r.ResidualSumOfSquares, p.CertifiedResidualSumOfSquares) >= 6, $"{p.Name}#{start} RSS");
            }
    }

    [Fact]
    public void StandardErrorsMatchTheCertifiedOnes()
    {
        foreach (var p in Problems())
        {
            var r = p.Fit(2);
            for (int j = 0; j < p.ParameterNames.Count; j++)
                Assert.True(NistStrdProblem.LogRelativeError(r.StandardErrors[j], p.CertifiedStandardDeviations[j]) >= 4,
                    $"{p.Name} {p.ParameterNames[j]}: {r.StandardErrors[j]} vs {p.CertifiedStandardDeviations[j]}");
        }
    }

    [Fact]
    public void GaussNewtonSolvesTheEasyProblemsFromTheCloseStart()
    {
        foreach (var name in new[] { "Misra1a", "Chwirut2", "DanWood", "Gauss1", "Kirby2" })
        {
            var p = NistStrdProblem.Read(ReferenceData.PathOf("nist-strd", name + ".dat"));
            var r = NonlinearLeastSquares.Fit(p.Model, p.PredictorNames, p.Predictors, p.Response, p.ParameterNames, p.Start2,
                new NonlinearLeastSquaresOptions { Method = NonlinearLeastSquaresMethod.GaussNewton });
            Assert.True(r.Converged, $"{name}: {r.StopReason}");
            Assert.True(r.Parameters.Select((b, j) => NistStrdProblem.LogRelativeError(b, p.CertifiedValues[j])).Min() >= 6, name);
        }
    }

    [Theory]
    [InlineData("b1 =", "b99999999999 =", "parameter b99999999999 out of order (expected b1)")]   // was an OverflowException
    [InlineData("b1 =", "b\u0661 =", "parameter b2 out of order (expected b1)")]   // Arabic-Indic one: not a parameter line
    [InlineData("      10.07E0", "      0.0E99999", "exponent beyond")]                   // double parses 0; the exact parse used to loop
    public void MalformedFilesFailWithTheLine(string find, string replace, string message)
    {
        var lines = File.ReadAllLines(ReferenceData.PathOf("nist-strd", "Misra1a.dat"));
        int i = Array.FindIndex(lines, l => l.Contains(find, StringComparison.Ordinal));
        Assert.True(i >= 0, find);
        lines[i] = lines[i].Replace(find, System.Text.RegularExpressions.Regex.Unescape(replace), StringComparison.Ordinal);
        var e = Assert.Throws<DataFileException>(() => NistStrdProblem.Read(lines, "bad.dat"));
        Assert.Contains(message, e.Message);
    }
}
