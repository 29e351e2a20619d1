using MathForML.Optimization;
using MathForML.Randomness;

namespace MathForML.Tests.Optimization;

/// <summary>
/// The course's landscapes drawn from <see cref="NumPyRandom"/> equal NumPy's after np.random.seed(s)
/// (Reference/sandpit/make_sandpit.py, seeds 0, 1, 42) on a 10×10 grid of points including the square's edges.
/// </summary>
public class SandpitLandscapeTests
{
    public static TheoryData<string, uint> Cases => SandpitReference.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesAreNumPys(string landscape, uint seed)
    {
        var f = SandpitReference.Landscape(landscape, seed);
        var expected = SandpitReference.Numbers(SandpitReference.Case(landscape, seed).GetProperty("values"));
        var points = SandpitReference.Points;
        for (int k = 0; k < points.Length; k++)
        {
            double actual = f.Evaluate(points[k][0], points[k][1]);
            // 1e-12 relative; the sums cancel to near zero at a few points, where the scale is the sum's largest term (~1).
            Assert.True(Math.Abs(actual - expected[k]) <= 1e-12 * Math.Max(Math.Abs(expected[k]), 1),
                $"{landscape} seed {seed} at ({points[k][0]}, {points[k][1]}): NumPy {expected[k]:R}, ours {actual:R}");
        }
    }

    [Fact]
    public void DifferentSeedsGiveDifferentLandscapes()
    {
        double a = SandpitReference.Landscape("random", 0).Evaluate(2, 3), b = SandpitReference.Landscape("random", 1).Evaluate(2, 3);
        Assert.NotEqual(a, b);
        Assert.Equal(a, SandpitReference.Landscape("random", 0).Evaluate(2, 3));
    }

    [Fact]
    public void TheDrawsLeaveTheStreamWhereTheCoursesIs()
    {
        // random draws a, φx, φy: 3×16 uniforms; the well then x₀ and y₀: 50 in all.
        var random = new NumPyRandom(7);
        SandpitLandscape.Create(SandpitLandscapeKind.Random, random);
        var reference = new NumPyRandom(7);
        reference.Rand(48);
        Assert.Equal(reference.RandomSample(), random.RandomSample());
        random = new NumPyRandom(7);
        SandpitLandscape.Create(SandpitLandscapeKind.Well, random);
        reference = new NumPyRandom(7);
        reference.Rand(50);
        Assert.Equal(reference.RandomSample(), random.RandomSample());
    }

    [Theory]
    [InlineData(SandpitLandscapeKind.Intro, 1.0)]
    [InlineData(SandpitLandscapeKind.DepthOnly, 1.0)]
    [InlineData(SandpitLandscapeKind.MultipleMinima, 0.5)]
    [InlineData(SandpitLandscapeKind.Random, 1.5)]
    [InlineData(SandpitLandscapeKind.Rocks, 1.5)]
    [InlineData(SandpitLandscapeKind.Well, 1.5)]
    public void ArrowScalesAreTheCourses(SandpitLandscapeKind kind, double scale) =>
        Assert.Equal(scale, SandpitLandscape.Create(kind, new NumPyRandom(0)).ArrowScale);

    [Fact]
    public void NumPysSincIsOneAtZero()
    {
        Assert.Equal(1.0, SincGridLandscape.Sinc(0));
        Assert.Equal(Math.Sin(Math.PI * 0.5) / (Math.PI * 0.5), SincGridLandscape.Sinc(0.5));
        Assert.True(Math.Abs(SincGridLandscape.Sinc(1)) < 1e-16);
    }
}
