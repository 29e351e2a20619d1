using MathForML.Calculus;
using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.Optimization;

namespace MathForML.Tests.Optimization;

public class NonlinearLeastSquaresTests
{
    private static readonly Matrix X = Matrix.FromRows([1], [2], [3], [4], [5], [6]);
    private static readonly double[] Y = [2.9, 4.1, 5.2, 6.8, 8.1, 9.0];

    [Fact]
    public void FitsALineWithEveryMethodToTheSameAnswer()
    {
        var model = Expression.Parse("b1 + b2*x");
        var lm = NonlinearLeastSquares.Fit(model, ["x"], X, Y, ["b1", "b2"], [0, 0]);
        var gn = NonlinearLeastSquares.Fit(model, ["x"], X, Y, ["b1", "b2"], [0, 0], new() { Method = NonlinearLeastSquaresMethod.GaussNewton });
        var linear = LinearLeastSquares.Fit(X, Vector.Of(Y));
        Assert.True(lm.Converged && gn.Converged);
        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(linear.Coefficients[j], lm.Parameters[j], 12);
            Assert.Equal(linear.Coefficients[j], gn.Parameters[j], 12);
            Assert.Equal(linear.StandardErrors[j], lm.StandardErrors[j], 12);
        }
        Assert.Equal(linear.ResidualSumOfSquares, lm.ResidualSumOfSquares, 12);
        Assert.Equal(4, lm.DegreesOfFreedom);
        Assert.Equal(NonlinearLeastSquaresMethod.LevenbergMarquardt, lm.Method);
        Assert.True(lm.FunctionEvaluations >= lm.Iterations);
    }

    [Fact]
    public void CodeDefinedModelsUseFiniteDifferenceJacobians()
    {
        var model = RegressionModel.FromDelegate((x, b) => b[0] * Math.Exp(b[1] * x[0]), X, ["a", "k"]);
        var y = Enumerable.Range(1, 6).Select(i => 2 * Math.Exp(0.3 * i)).ToArray();
        var r = NonlinearLeastSquares.Fit(model, y, [1, 0.1]);
        Assert.True(r.Converged);
        Assert.Equal(2, r.Parameters[0], 8);
        Assert.Equal(0.3, r.Parameters[1], 8);
    }

    [Fact]
    public void SteepestDescentTakesTheFixedNumberOfSteps()
    {
        var r = NonlinearLeastSquares.Fit(Expression.Parse("b1 + b2*x"), ["x"], X, Y, ["b1", "b2"], [0, 0],
            new() { Method = NonlinearLeastSquaresMethod.SteepestDescent, Aggression = 0.005, MaxIterations = 200, RecordPath = true });
        Assert.Equal(200, r.Iterations);
        Assert.Equal(201, r.Path.Count);
        Assert.False(r.Converged);
        Assert.Equal(FitStopReason.MaxIterations, r.StopReason);
        Assert.True(r.PathResidualSumOfSquares[^1] < r.PathResidualSumOfSquares[0] / 10);
    }

    [Fact]
    public void RejectsBadInputBeforeIterating()
    {
        var model = Expression.Parse("b1/(x - b2)");
        var division = Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(model, ["x"], X, Y, ["b1", "b2"], [1, 3]));
        Assert.Contains("observation 3", division.Message);
        Assert.Contains("division by zero", division.Message);
        var few = Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(Expression.Parse("b1 + b2*x + b3*x^2"), ["x"], X.SliceRows(0..3), Y.AsSpan(0, 3), ["b1", "b2", "b3"], [0, 0, 0]));
        Assert.Contains("too few data points: 3 observations for 3 parameters", few.Message);
        Assert.Throws<DimensionMismatchException>(() => NonlinearLeastSquares.Fit(model, ["x"], X, Y, ["b1", "b2"], [1]));
        Assert.Throws<DimensionMismatchException>(() => NonlinearLeastSquares.Fit(model, ["x"], X, Y.AsSpan(1), ["b1", "b2"], [1, 0]));
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(model, ["x"], X, Y, ["b1", "b2"], [double.NaN, 0])).Message);
        Assert.Contains("unknown variable 'z'", Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(Expression.Parse("b1*z"), ["x"], X, Y, ["b1"], [1])).Message);
    }

    [Fact]
    public void ReportsNonConvergenceWithinTheIterationLimit()
    {
        var p = NistStrdProblem.Read(ReferenceData.PathOf("nist-strd", "MGH10.dat"));
        var r = NonlinearLeastSquares.Fit(p.Model, p.PredictorNames, p.Predictors, p.Response, p.ParameterNames, p.Start1, new() { MaxIterations = 3 });
        Assert.False(r.Converged);
        Assert.Equal(FitStopReason.MaxIterations, r.StopReason);
        Assert.Equal(3, r.Iterations);
    }
}

public class LinearLeastSquaresTests
{
    [Fact]
    public void MatchesNumpy()
    {
        var reference = ReferenceData.Json("least-squares", "reference.json");
        var x = reference.GetProperty("x").ToMatrix();
        var y = reference.GetProperty("y").ToVector();
        var r = LinearLeastSquares.Fit(x, y);
        var coefficients = reference.GetProperty("coefficients").ToVector();
        var se = reference.GetProperty("standard_errors").ToVector();
        var cov = reference.GetProperty("covariance").ToMatrix();
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(coefficients[j], r.Coefficients[j], 1e-12);
            Assert.Equal(se[j], r.StandardErrors[j], 1e-12);
            for (int k = 0; k < 3; k++) Assert.Equal(cov[j, k], r.Covariance[j, k], 1e-14);
        }
        Assert.Equal(reference.GetProperty("rss").GetDouble(), r.ResidualSumOfSquares, 1e-12);
        Assert.Equal(reference.GetProperty("r_squared").GetDouble(), r.RSquared, 1e-13);
        Assert.Equal(37, r.DegreesOfFreedom);
    }

    [Fact]
    public void GradientDescentReachesTheSameLine()
    {
        var reference = ReferenceData.Json("least-squares", "reference.json");
        var x = reference.GetProperty("x").ToMatrix().SliceColumns(0..1);
        var y = reference.GetProperty("y").ToVector();
        var exact = LinearLeastSquares.Fit(x, y);
        var (beta, loss) = LinearLeastSquares.FitByGradientDescent(x, y, learningRate: 0.01, steps: 20000);
        Assert.Equal(exact.Coefficients[0], beta[0], 1e-6);
        Assert.Equal(exact.Coefficients[1], beta[1], 1e-6);
        for (int k = 1; k < loss.Length; k++) Assert.True(loss[k] <= loss[k - 1] * (1 + 1e-12), $"step {k}: {loss[k]} after {loss[k - 1]}");
    }

    [Fact]
    public void RejectsDependentColumnsAndTooFewRows()
    {
        var dependent = Matrix.FromRows([1, 2], [2, 4], [3, 6], [4, 8]);
        Assert.Contains("linearly dependent", Assert.Throws<ArgumentException>(() => LinearLeastSquares.Fit(dependent, Vector.Of(1, 2, 3, 4))).Message);
        Assert.Contains("too few data points", Assert.Throws<ArgumentException>(() => LinearLeastSquares.Fit(Matrix.FromRows([1], [2]), Vector.Of(1, 2))).Message);
    }
}

public class GradientDescentTests
{
    // A sandpit with a minimum at (1, −0.5): f = (x − 1)² + 2(y + 0.5)² + 0.3·sin(x)·sin(y)… kept convex near the minimum.
    private static readonly Expression Sandpit = Expression.Parse("(x - 1)^2 + 2*(y + 0.5)^2 + 0.5*x^2*y^2");

    [Theory]
    [InlineData(DescentStrategy.Gradient)]
    [InlineData(DescentStrategy.Newton)]
    [InlineData(DescentStrategy.Hybrid)]
    public void EveryStrategyReachesTheMinimum(DescentStrategy strategy)
    {
        var r = GradientDescent.Minimize(Sandpit, ["x", "y"], [-1, 1], new GradientDescentOptions { Strategy = strategy, StepSize = 0.1 });
        Assert.True(r.Converged, $"{strategy}: {r.StopReason}");
        var g = Sandpit.Gradient(["x", "y"]);
        var point = new Dictionary<string, double> { ["x"] = r.Minimum[0], ["y"] = r.Minimum[1] };
        Assert.True(Math.Abs(g[0].Evaluate(point)) < 1e-9 && Math.Abs(g[1].Evaluate(point)) < 1e-9);
        Assert.Equal(r.Steps + 1, r.Path.Count);
        Assert.Equal([-1.0, 1.0], r.Path[0]);
    }

    [Fact]
    public void NewtonIsFasterAndTheHybridUsesBoth()
    {
        var options = new GradientDescentOptions { StepSize = 0.1 };
        var gd = GradientDescent.Minimize(Sandpit, ["x", "y"], [-1, 1], options with { Strategy = DescentStrategy.Gradient });
        var newton = GradientDescent.Minimize(Sandpit, ["x", "y"], [-1, 1], options with { Strategy = DescentStrategy.Newton });
        var hybrid = GradientDescent.Minimize(Sandpit, ["x", "y"], [-3, 3], options with { Strategy = DescentStrategy.Hybrid });
        Assert.True(newton.Steps < gd.Steps / 5, $"newton {newton.Steps}, gradient {gd.Steps}");
        Assert.Equal(newton.Steps, newton.NewtonSteps);
        Assert.Equal(0, gd.NewtonSteps);
        Assert.True(hybrid.NewtonSteps > 0 && hybrid.NewtonSteps < hybrid.Steps, $"{hybrid.NewtonSteps} of {hybrid.Steps}");
    }

    [Fact]
    public void NewtonAloneClimbsToAMaximumWhereTheHybridDescends()
    {
        // f = −x² + x⁴/4 has a maximum at 0 and minima at ±√2: from 0.3 Newton jumps to the maximum.
        var f = Expression.Parse("-x^2 + x^4/4 + y^2");
        var newton = GradientDescent.Minimize(f, ["x", "y"], [0.3, 0.2], new GradientDescentOptions { Strategy = DescentStrategy.Newton });
        var hybrid = GradientDescent.Minimize(f, ["x", "y"], [0.3, 0.2], new GradientDescentOptions { Strategy = DescentStrategy.Hybrid });
        Assert.Equal(0, newton.Minimum[0], 8);
        Assert.Equal(Math.Sqrt(2), hybrid.Minimum[0], 8);
    }

    [Fact]
    public void NeedsAHessianForNewton() =>
        Assert.Throws<ArgumentException>(() => GradientDescent.Minimize(p => p[0] * p[0], p => [2 * p[0]], null, [1], new GradientDescentOptions { Strategy = DescentStrategy.Newton }));
}
