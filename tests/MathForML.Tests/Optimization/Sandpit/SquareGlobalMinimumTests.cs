using MathForML.Optimization;

namespace MathForML.Tests.Optimization;

/// <summary><see cref="SquareGlobalMinimum"/> on functions whose global minimum on the square is known: inside, on an edge, at a corner.</summary>
public class SquareGlobalMinimumTests
{
    [Fact]
    public void InsideTheSquare()
    {
        // Two wells; the deeper one (at (4.5, 1.2)) wins although the grid starts nearer the other.
        var (x, y, v) = SquareGlobalMinimum.Find((x, y) => -Math.Exp(-(Math.Pow(x - 1, 2) + Math.Pow(y - 1, 2))) - (1.2 * Math.Exp(-(Math.Pow(x - 4.5, 2) + Math.Pow(y - 1.2, 2)) / 0.5)), 0, 6);
        Assert.Equal(4.5, x, 1e-3);
        Assert.Equal(1.2, y, 1e-3);
        Assert.True(v < -1.2);
    }

    [Fact]
    public void OnAnEdgeAndAtACorner()
    {
        // (x + 1)² + (y − 2.3)²: the unconstrained minimum (−1, 2.3) lies outside, so the square's is (0, 2.3).
        var (x, y, _) = SquareGlobalMinimum.Find((x, y) => Math.Pow(x + 1, 2) + Math.Pow(y - 2.3, 2) + (0.1 * Math.Sin(3 * y)), 0, 6);
        Assert.Equal(0, x);
        double dy = 2 * (y - 2.3) + (0.3 * Math.Cos(3 * y));
        Assert.True(Math.Abs(dy) < 1e-8, $"∂f/∂y = {dy} at the edge's minimum");
        // x − y falls towards the corner (0, 6).
        var corner = SquareGlobalMinimum.Find((x, y) => x - y, 0, 6);
        Assert.Equal((0.0, 6.0), (corner.X, corner.Y));
    }

    [Fact]
    public void ABadSquareIsRejected() =>
        Assert.Throws<ArgumentException>(() => SquareGlobalMinimum.Find((x, y) => x, 6, 0));
}
