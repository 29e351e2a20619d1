using MathForML.LinearAlgebra;
using MathForML.Optimization;
using MathForML.Randomness;

namespace MathForML.Tests.Optimization;

/// <summary>
/// Steepest-descent mode with the graded next_step (−0.5·J) plays the course's loop: the same points as a NumPy
/// re-implementation of the course's onclick (Reference/sandpit/make_sandpit.py, eight clicks on the random landscape
/// for seeds 0, 1, 42), and the same ending. The local-minimum check is SciPy's BFGS there and <see cref="Bfgs"/> here;
/// on these 24 clicks they agree on every check.
/// </summary>
public class SandpitDescentTests
{
    public static TheoryData<uint, int> Clicks()
    {
        var data = new TheoryData<uint, int>();
        foreach (uint seed in new uint[] { 0, 1, 42 })
            for (int k = 0; k < SandpitReference.Case("random", seed).GetProperty("paths").GetArrayLength(); k++) data.Add(seed, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Clicks))]
    public void GradientStepsFollowTheCoursesPath(uint seed, int click)
    {
        var sandpit = SandpitReference.Sandpit("random", seed);
        var stored = SandpitReference.Case("random", seed).GetProperty("paths")[click];
        var points = stored.GetProperty("points").EnumerateArray().Select(SandpitReference.Numbers).ToArray();
        string stop = stored.GetProperty("stop").GetString()!;
        var play = SandpitDescent.Play(sandpit, points[0][0], points[0][1], SandpitStrategies.Gradient(0.5));
        Assert.Equal(points.Length, play.Points.Count);
        for (int i = 0; i < points.Length; i++)
        {
            Assert.True(Math.Abs(points[i][0] - play.Points[i][0]) <= 1e-9 && Math.Abs(points[i][1] - play.Points[i][1]) <= 1e-9,
                $"seed {seed} click {click} point {i}: course ({points[i][0]:R}, {points[i][1]:R}), ours ({play.Points[i][0]:R}, {play.Points[i][1]:R})");
        }
        var expected = stop switch
        {
            "phone" => SandpitOutcome.FoundPhone,
            "local_minimum" => SandpitOutcome.StuckInLocalMinimum,
            "left" => SandpitOutcome.LeftSandpit,
            _ => SandpitOutcome.Searching,
        };
        Assert.Equal(expected, play.Outcome);
        if (expected == SandpitOutcome.StuckInLocalMinimum)
        {
            // SciPy's BFGS stops at ‖g‖∞ ≤ 1e-5 and so does ours, by other iterates: the same minimum to ~1e-4.
            var scipy = SandpitReference.Numbers(stored.GetProperty("local_minima").EnumerateArray().Last());
            Assert.Equal(scipy[0], play.LocalMinimum![0], 1e-3);
            Assert.Equal(scipy[1], play.LocalMinimum[1], 1e-3);
        }
    }

    [Fact]
    public void AClickOutsideTheSquareIsRejected()
    {
        var sandpit = SandpitReference.Sandpit("random", 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => SandpitDescent.Play(sandpit, 6.01, 1, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => SandpitDescent.Play(sandpit, 1, double.NaN, null));
    }

    [Fact]
    public void AStepThatLeavesTheSquareEndsThePlay()
    {
        var sandpit = SandpitReference.Sandpit("random", 0);
        var play = SandpitDescent.Play(sandpit, 3, 1.5, (_, _, _) => [4.0, 0.0]);
        Assert.Equal(SandpitOutcome.LeftSandpit, play.Outcome);
        Assert.Equal([[3, 1.5], [7, 1.5]], play.Points);
    }

    [Fact]
    public void TheStepFunctionSeesTheDepthJacobianAndHessian()
    {
        var sandpit = SandpitReference.Sandpit("random", 1);
        var seen = new List<(double F, double[] J, Matrix H)>();
        SandpitDescent.Play(sandpit, 1, 1, (f, j, h) => { seen.Add((f, j, h)); return [0.01, 0.01]; });
        Assert.Equal(SandpitDescent.MaxSteps, seen.Count);
        Assert.Equal(sandpit.Depth(1, 1), seen[0].F);
        Assert.Equal(sandpit.Jacobian(1, 1), seen[0].J);
        Assert.Equal(sandpit.Hessian(1 + 0.01, 1 + 0.01).ToArray(), seen[1].H.ToArray());
    }

    [Fact]
    public void ABadStepFunctionIsReported()
    {
        var sandpit = SandpitReference.Sandpit("random", 1);
        Assert.Throws<ArgumentException>(() => SandpitDescent.Play(sandpit, 1, 1, (_, _, _) => [1.0]));
    }
}
