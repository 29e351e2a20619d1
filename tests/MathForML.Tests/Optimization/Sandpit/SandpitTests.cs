using MathForML.Optimization;
using MathForML.Randomness;

namespace MathForML.Tests.Optimization;

/// <summary>
/// <see cref="Sandpit"/> against the course's Sandpit in NumPy/SciPy (Reference/sandpit/make_sandpit.py): the extrema
/// against differential_evolution (polished), the rescaled depth, and the course's finite-difference Jacobian and Hessian.
/// </summary>
public class SandpitTests
{
    public static TheoryData<string, uint> Cases => SandpitReference.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExtremaAreScipysDifferentialEvolutions(string landscape, uint seed)
    {
        var sandpit = SandpitReference.Sandpit(landscape, seed);
        var c = SandpitReference.Case(landscape, seed);
        var min = c.GetProperty("minimum");
        var max = c.GetProperty("maximum");
        // SciPy's tightly polished positions are good to ~1e-8; ours agree to 3e-8 at worst (rocks, seed 0).
        AssertPoint(SandpitReference.Numbers(min.GetProperty("x")), sandpit.Phone, 1e-7, $"{landscape} {seed} minimum");
        AssertPoint(SandpitReference.Numbers(max.GetProperty("x")), sandpit.Summit, 1e-7, $"{landscape} {seed} maximum");
        // At an extremum f is flat, so its value agrees far better than the position.
        Assert.Equal(SandpitReference.Number(min.GetProperty("value")), sandpit.MinimumHeight, 1e-12);
        Assert.Equal(SandpitReference.Number(max.GetProperty("value")), sandpit.MaximumHeight, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DepthJacobianAndHessianAreTheCourses(string landscape, uint seed)
    {
        var sandpit = SandpitReference.Sandpit(landscape, seed);
        var c = SandpitReference.Case(landscape, seed);
        var depth = SandpitReference.Numbers(c.GetProperty("depth"));
        var jacobian = c.GetProperty("jacobian").EnumerateArray().Select(SandpitReference.Numbers).ToArray();
        var hessian = c.GetProperty("hessian").EnumerateArray().Select(h => h.EnumerateArray().Select(SandpitReference.Numbers).ToArray()).ToArray();
        var points = SandpitReference.Points;
        for (int k = 0; k < points.Length; k++)
        {
            double x = points[k][0], y = points[k][1];
            string where = $"{landscape} {seed} at ({x}, {y})";
            // f0 and f1 agree to ~1e-15 relative, so f̂ = 8(f − f1)/(f1 − f0) − 1 to ~1e-13 where |f̂| ≤ 9 (more far outside the rim).
            Assert.True(Math.Abs(sandpit.Depth(x, y) - depth[k]) <= 1e-12 * Math.Max(1, Math.Abs(depth[k])), $"{where}: depth {depth[k]:R} vs {sandpit.Depth(x, y):R}");
            // Each difference quotient divides rounding of ~1e-15·|f̂| by 0.02: ~1e-13 in J, ~1e-11 in H (times the scale of
            // f̂ near the edges); measured at most 3e-13 and 4e-11.
            var j = sandpit.Jacobian(x, y);
            var h = sandpit.Hessian(x, y);
            double scale = Math.Max(1, Math.Abs(depth[k]));
            for (int i = 0; i < 2; i++)
            {
                Assert.True(Math.Abs(j[i] - jacobian[k][i]) <= 1e-11 * scale, $"{where}: J[{i}] {jacobian[k][i]:R} vs {j[i]:R}");
                for (int m = 0; m < 2; m++)
                    Assert.True(Math.Abs(h[i, m] - hessian[k][i][m]) <= 1e-9 * scale, $"{where}: H[{i},{m}] {hessian[k][i][m]:R} vs {h[i, m]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DepthsRunFromMinusNineAtThePhoneToMinusOne(string landscape, uint seed)
    {
        var sandpit = SandpitReference.Sandpit(landscape, seed);
        Assert.Equal(-9, sandpit.Depth(sandpit.Phone[0], sandpit.Phone[1]), 1e-12);
        Assert.Equal(-1, sandpit.Depth(sandpit.Summit[0], sandpit.Summit[1]), 1e-12);
        for (int i = 0; i <= 60; i++)
            for (int k = 0; k <= 60; k++)
            {
                double d = sandpit.Depth(i * 0.1, k * 0.1);
                Assert.True(d >= -9 - 1e-12 && d <= -1 + 1e-12, $"depth {d} at ({i * 0.1}, {k * 0.1}) is outside [−9, −1]");
            }
    }

    [Fact]
    public void TheJacobianIsTheGradientOfTheDepth()
    {
        // The intro's f is a formula, so its gradient is known: central differences with h = 0.01 are O(h²) ≈ 1e-4 off.
        var sandpit = SandpitReference.Sandpit("intro", 0);
        double scale = 8 / (sandpit.MaximumHeight - sandpit.MinimumHeight);
        foreach (var (x, y) in new[] { (1.0, 1.0), (2.5, 4.0), (5.0, 0.5) })
        {
            double e = Math.Exp(-(((x - 1.5) * (x - 1.5)) + ((y - 3.7) * (y - 3.7))) / 2.8);
            double fx = (-2 * (x - 4.1)) + (30 * e * (x - 1.5) / 1.4), fy = (-2 * (y - 0.9)) + (30 * e * (y - 3.7) / 1.4);
            var j = sandpit.Jacobian(x, y);
            Assert.Equal(scale * fx, j[0], 1e-3);
            Assert.Equal(scale * fy, j[1], 1e-3);
            var h = sandpit.Hessian(x, y);
            Assert.Equal(h[0, 1], h[1, 0], 1e-9);
        }
    }

    [Fact]
    public void ThePhoneIsFoundWithin015()
    {
        var sandpit = SandpitReference.Sandpit("random", 0);
        double px = sandpit.Phone[0], py = sandpit.Phone[1];
        Assert.True(sandpit.IsAtPhone(px, py));
        Assert.True(sandpit.IsAtPhone(px + 0.149, py));
        Assert.True(sandpit.IsAtPhone(px + 0.1, py + 0.1));
        Assert.False(sandpit.IsAtPhone(px + 0.11, py + 0.11));
        Assert.False(sandpit.IsAtPhone(px, py + 0.151));
    }

    [Fact]
    public void ALocalMinimumHoldsTheClickAndTheRimDoesNot()
    {
        // Seed 0's random landscape: SciPy's BFGS ends at (5.127, 3.025) from (5.12, 3.117) and from (4.629, 0.509) at (4.549, 0.460).
        var sandpit = SandpitReference.Sandpit("random", 0);
        var (minimum, stuck) = sandpit.LocalMinimum(5.12, 3.117);
        Assert.True(stuck);
        Assert.Equal(5.127, minimum[0], 2e-3);
        Assert.Equal(3.025, minimum[1], 2e-3);
        (minimum, stuck) = sandpit.LocalMinimum(3.0, 1.5);
        Assert.False(stuck);
        Assert.Equal(sandpit.Phone[0], minimum[0], 1e-3);
        Assert.Equal(sandpit.Phone[1], minimum[1], 1e-3);
    }

    [Fact]
    public void TheArrowIsMinusJScaledAndAtMostOneLong()
    {
        var sandpit = SandpitReference.Sandpit("random", 0);
        Assert.Equal(0.2 * 1.5, sandpit.GradientLength, 1e-15);
        var j = sandpit.Jacobian(3, 1.5);
        var arrow = sandpit.Arrow(3, 1.5);
        double length = Math.Sqrt((j[0] * j[0]) + (j[1] * j[1])) * sandpit.GradientLength;
        Assert.True(length < 1);
        Assert.Equal(-j[0] * sandpit.GradientLength, arrow[0], 1e-15);
        // A steep wall: the arrow is clipped to length 1 along −J.
        var steep = new Sandpit((x, y) => (40 * x) + y, gradientLength: 5);
        var a = steep.Arrow(3, 3);
        Assert.Equal(1, Math.Sqrt((a[0] * a[0]) + (a[1] * a[1])), 1e-12);
        Assert.True(a[0] < 0 && a[1] < 0);
    }

    [Fact]
    public void AFlatLandscapeIsRejected() =>
        Assert.Throws<ArgumentException>(() => new Sandpit((_, _) => 1.0));

    [Fact]
    public void TheSameSeedHidesThePhoneInTheSamePlace()
    {
        var a = new Sandpit(SandpitLandscape.Create(SandpitLandscapeKind.Rocks, new NumPyRandom(5)));
        var b = new Sandpit(SandpitLandscape.Create(SandpitLandscapeKind.Rocks, new NumPyRandom(5)));
        Assert.Equal(a.Phone, b.Phone);
        Assert.Equal(a.Summit, b.Summit);
    }

    private static void AssertPoint(double[] expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        double distance = Math.Sqrt(Math.Pow(expected[0] - actual[0], 2) + Math.Pow(expected[1] - actual[1], 2));
        Assert.True(distance <= tolerance, $"{what}: SciPy ({expected[0]:R}, {expected[1]:R}), ours ({actual[0]:R}, {actual[1]:R}), {distance:E2} apart");
    }
}
