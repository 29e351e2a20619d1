using MathForML.Numerics;

namespace MathForML.Tests.Numerics;

public class WorkProgressTests
{
    [Fact]
    public void LogFractionRunsFromTheFirstChangeToTheTolerance()
    {
        Assert.Equal(0, WorkProgress.LogFraction(1, 1, 1e-10, 0));
        Assert.Equal(0.5, WorkProgress.LogFraction(1, 1e-5, 1e-10, 0), 12);
        Assert.Equal(1, WorkProgress.LogFraction(1, 1e-11, 1e-10, 0));
    }

    [Fact]
    public void LogFractionNeverFallsAndStaysInRange()
    {
        Assert.Equal(0.5, WorkProgress.LogFraction(1, 0.5, 1e-10, 0.5));
        Assert.Equal(0, WorkProgress.LogFraction(1, 10, 1e-10, 0));
        Assert.Equal(1, WorkProgress.LogFraction(1e-12, 1e-12, 1e-10, 0));
        Assert.Equal(0.25, WorkProgress.LogFraction(1, double.NaN, 1e-10, 0.25));
    }
}
