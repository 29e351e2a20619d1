using MathForML.Calculus;
using MathForML.Graphs;
using MathForML.Optimization;

namespace MathForML.Tests.Numerics;

/// <summary>The settings records check each setting as it is set and name it, so a caller can map the name to its own.</summary>
public class SettingTests
{
    public static TheoryData<string, Action> BadSettings => new()
    {
        { "Tolerance", () => _ = new NewtonOptions { Tolerance = 0 } },
        { "StepTolerance", () => _ = new NewtonOptions { StepTolerance = -1 } },
        { "MaxIterations", () => _ = new NewtonOptions { MaxIterations = 0 } },
        { "GrowthLimit", () => _ = new NewtonOptions { GrowthLimit = 0 } },
        { "StepSize", () => _ = new GradientDescentOptions { StepSize = -0.1 } },
        { "StepSize", () => _ = new GradientDescentOptions { StepSize = double.PositiveInfinity } },
        { "MaxSteps", () => _ = new GradientDescentOptions { MaxSteps = 0 } },
        { "MaxIterations", () => _ = new NonlinearLeastSquaresOptions { MaxIterations = 0 } },
        { "Aggression", () => _ = new NonlinearLeastSquaresOptions { Aggression = double.NaN } },
        { "Damping", () => _ = new PageRankOptions { Damping = 2 } },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void ABadSettingIsRejectedByName(string name, Action set)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(set);
        Assert.Equal(name, e.ParamName);
        Assert.Contains(", got ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GoodSettingsAndUnsetOptionalOnesAreKept()
    {
        Assert.Null(new NonlinearLeastSquaresOptions { MaxIterations = null }.MaxIterations);
        Assert.Equal(3, new NonlinearLeastSquaresOptions { MaxIterations = 3 }.MaxIterations);
        Assert.Equal(0.0, new NewtonOptions { StepTolerance = 0 }.StepTolerance);
        Assert.Equal(1e-3, new GradientDescentOptions { StepSize = 1e-3 }.StepSize);
    }
}
