using MathForML.Data;

namespace MathForML.Tests.Data;

/// <summary>The 27 NIST StRD problems built into MathForML.Data are the files NIST publishes, read the same way.</summary>
public class BuiltInNistStrdTests
{
    [Fact]
    public void All27ProblemsAreBuiltIn()
    {
        Assert.Equal(27, NistStrdProblem.BuiltInNames.Count);
        Assert.Contains("Thurber", NistStrdProblem.BuiltInNames);
        Assert.Equal(NistStrdProblem.BuiltInNames.Order(StringComparer.Ordinal), NistStrdProblem.BuiltInNames);
    }

    [Fact]
    public void TheFitStopsForACancelledTokenAndReportsEachIteration()
    {
        var thurber = NistStrdProblem.Load("Thurber");
        Assert.Throws<OperationCanceledException>(() => thurber.Fit(1, cancellationToken: new CancellationToken(true)));
        var progress = new Numerics.RecordingProgress();
        var result = thurber.Fit(1, progress: progress);
        var steps = progress.Reports.Select(p => p.Step).ToList();
        Assert.NotEmpty(steps);
        Assert.Equal(steps.Order(), steps);
        Assert.True(result.Iterations >= steps[^1], $"{result.Iterations} iterations, last report at step {steps[^1]}");
    }

    [Theory]
    [InlineData("Thurber")]
    [InlineData("Misra1a")]
    [InlineData("Nelson")]
    public void ABuiltInProblemEqualsTheFile(string name)
    {
        var builtIn = NistStrdProblem.Load(name);
        var file = NistStrdProblem.Read(ReferenceData.PathOf("nist-strd", name + ".dat"));
        Assert.Equal(file.Name, builtIn.Name);
        Assert.Equal(file.Formula, builtIn.Formula);
        Assert.Equal(file.CertifiedValues, builtIn.CertifiedValues);
        Assert.Equal(file.Response, builtIn.Response);
        Assert.Equal(file.Predictors.ToArray(), builtIn.Predictors.ToArray());
    }

    [Fact]
    public void AnUnknownNameListsTheProblems()
    {
        var e = Assert.Throws<ArgumentException>(() => NistStrdProblem.Load("Longley"));
        Assert.Equal("name", e.ParamName);
        Assert.Contains("Bennett5", e.Message, StringComparison.Ordinal);
    }
}
