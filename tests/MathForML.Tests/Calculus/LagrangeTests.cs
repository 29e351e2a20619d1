using System.Globalization;
using MathForML.Calculus;

namespace MathForML.Tests.Calculus;

public class LagrangeTests
{
    private static double D(System.Text.Json.JsonElement e) => double.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public void FindsTheStationaryPointsScipyFinds()
    {
        var cases = ReferenceData.Json("lagrange", "lagrange.json").GetProperty("cases").EnumerateArray().ToList();
        Assert.True(cases.Count >= 5);
        foreach (var c in cases)
        {
            string f = c.GetProperty("f").GetString()!, g = c.GetProperty("g").GetString()!;
            var start = c.GetProperty("start").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            var r = Lagrange.Solve(f, g, start);
            var expected = c.GetProperty("point").EnumerateArray().Select(D).ToArray();
            Assert.True(r.Converged, $"{f} on {g} = 0: {r.StopReason} after {r.Iterations}");
            Assert.Equal(c.GetProperty("variables").EnumerateArray().Select(v => v.GetString()!), r.Variables);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], r.Point[i], 1e-12);
            Assert.Equal(D(c.GetProperty("lambda")), r.Lambda, 1e-12);
            Assert.Equal(D(c.GetProperty("objective")), r.Objective, 1e-12);
            Assert.True(Math.Abs(r.Constraint) <= 1e-12, $"g = {r.Constraint}");
        }
    }

    [Fact]
    public void TheCoursesWorkedExample()
    {
        // f(x, y) = exp(−(2x² + y² − xy)/2) on x² + 3(y + 1)² = 1, from (x, y, λ) = (−1, −1, 0) as the course's notebook starts.
        var r = Lagrange.Solve("exp(-(2*x^2 + y^2 - x*y)/2)", "x^2 + 3*(y + 1)^2 = 1", [-1, -1, 0]);
        Assert.Equal(-0.9589625388383235, r.Point[0], 1e-13);
        Assert.Equal(-1.1636977388407843, r.Point[1], 1e-13);
        Assert.Equal(-0.24653756763420845, r.Lambda, 1e-13);
        Assert.Equal("-λ*(x^2 + 3*(y + 1)^2 - 1) + exp(-x^2 + x*y/2 - y^2/2)", r.Lagrangian.Simplify().ToString());   // as SymPy prints it
    }

    [Theory]
    [InlineData(0.5, 0.5, 1)]
    [InlineData(-0.5, -0.5, -1)]
    public void ExtremesOfXPlusYOnTheUnitCircle(double x0, double y0, double sign)
    {
        // ∇(x + y) = λ∇(x² + y² − 1): (1, 1) = 2λ(x, y), so x = y = ±1/√2, λ = ±1/√2, f = ±√2. λ₀ from least squares.
        var r = Lagrange.Solve("x + y", "x^2 + y^2 = 1", [x0, y0]);
        Assert.True(r.Converged);
        Assert.Equal(sign / Math.Sqrt(2), r.Point[0], 1e-15);
        Assert.Equal(sign / Math.Sqrt(2), r.Point[1], 1e-15);
        Assert.Equal(sign / Math.Sqrt(2), r.Lambda, 1e-15);
        Assert.Equal(sign * Math.Sqrt(2), r.Objective, 1e-15);
        Assert.Equal(["-2*x*λ + 1", "-2*y*λ + 1", "-x^2 - y^2 + 1"], r.Gradient.Select(e => e.ToString()));
    }

    [Fact]
    public void AConstraintThatIsNotAFormulaIsRejectedWithItsPosition()
    {
        var e = Assert.Throws<ExpressionParseException>(() => Lagrange.Solve("x + y", "x^2 + = 1", [1, 1]));
        Assert.Equal("x^2 + = 1", e.Formula);
        Assert.Equal(6, e.Position);
        Assert.Throws<ExpressionParseException>(() => Lagrange.Solve("x + y", "= 1", [1, 1]));
        Assert.Throws<ExpressionParseException>(() => Lagrange.Solve("x + y", "", [1, 1]));
        Assert.Throws<ExpressionParseException>(() => Lagrange.Solve("x + ", "x = 1", [1, 1]));
        Assert.Contains("several '='", Assert.Throws<ArgumentException>(() => Lagrange.Solve("x + y", "x = y = 1", [1, 1])).Message);
        Assert.Contains("no variable", Assert.Throws<ArgumentException>(() => Lagrange.Solve("x + y", "2 = 1", [1, 1])).Message);
        Assert.Contains("2 variables", Assert.Throws<ArgumentException>(() => Lagrange.Solve("x + y", "x^2 + y^2 = 1", [1])).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => Lagrange.Solve("x + y", "x^2 + y^2 = 1", [1, 1, 0], lambda: 1)).Message);
        Assert.Throws<ArgumentException>(() => Lagrange.Solve("x + y", "x^2 + y^2 = 1", [1, double.NaN]));
        Assert.Contains("not among", Assert.Throws<ArgumentException>(() =>
            Lagrange.Solve(Expression.Parse("x + z"), Expression.Parse("x^2 - 1"), ["x"], [1])).Message);
    }
}
