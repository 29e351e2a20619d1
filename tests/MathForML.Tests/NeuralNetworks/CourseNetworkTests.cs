using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;

namespace MathForML.Tests.NeuralNetworks;

public class CourseNetworkTests
{
    private static readonly (Matrix X, Matrix Y) Data = CurveData.Heart(40);

    /// <summary>Central differences of the cost with respect to every entry of one parameter matrix.</summary>
    private static Matrix NumericJacobian(CourseNetwork net, Matrix parameter)
    {
        const double h = 1e-5;
        var j = new Matrix(parameter.Rows, parameter.Columns);
        for (int r = 0; r < parameter.Rows; r++)
        {
            for (int c = 0; c < parameter.Columns; c++)
            {
                double saved = parameter[r, c];
                parameter[r, c] = saved + h;
                double up = net.Cost(Data.X, Data.Y);
                parameter[r, c] = saved - h;
                double down = net.Cost(Data.X, Data.Y);
                parameter[r, c] = saved;
                j[r, c] = (up - down) / (2 * h);
            }
        }
        return j;
    }

    private static void AssertRelativelyClose(Matrix expected, Matrix actual, double tolerance)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Columns, actual.Columns);
        double scale = Math.Max(expected.MaxAbs(), 1e-12);
        Assert.True((expected - actual).MaxAbs() <= tolerance * scale, $"max error {(expected - actual).MaxAbs():E2} against scale {scale:E2}");
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(7UL)]
    public void EveryJacobianMatchesFiniteDifferences(ulong seed)
    {
        var net = new CourseNetwork(seed);
        var (x, y) = Data;
        AssertRelativelyClose(NumericJacobian(net, net.W3), net.JW3(x, y), 1e-6);
        AssertRelativelyClose(NumericJacobian(net, net.B3), net.Jb3(x, y), 1e-6);
        AssertRelativelyClose(NumericJacobian(net, net.W2), net.JW2(x, y), 1e-6);
        AssertRelativelyClose(NumericJacobian(net, net.B2), net.Jb2(x, y), 1e-6);
        AssertRelativelyClose(NumericJacobian(net, net.W1), net.JW1(x, y), 1e-6);
        AssertRelativelyClose(NumericJacobian(net, net.B1), net.Jb1(x, y), 1e-6);
    }

    [Fact]
    public void OnePassGradientsEqualTheCourseFunctions()
    {
        var net = new CourseNetwork(3);
        var (x, y) = Data;
        var g = net.Gradients(x, y);
        Assert.True(g.W1.ApproximatelyEquals(net.JW1(x, y), 1e-15));
        Assert.True(g.B1.ApproximatelyEquals(net.Jb1(x, y), 1e-15));
        Assert.True(g.W2.ApproximatelyEquals(net.JW2(x, y), 1e-15));
        Assert.True(g.B2.ApproximatelyEquals(net.Jb2(x, y), 1e-15));
        Assert.True(g.W3.ApproximatelyEquals(net.JW3(x, y), 1e-15));
        Assert.True(g.B3.ApproximatelyEquals(net.Jb3(x, y), 1e-15));
    }

    [Theory]
    [InlineData(-30.0)]
    [InlineData(-2.5)]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(12.0)]
    public void DSigmaIsSigmaTimesOneMinusSigma(double z)
    {
        double s = CourseNetwork.Sigma(z);
        Assert.Equal(s * (1 - s), CourseNetwork.DSigma(z), 1e-15);
    }

    [Fact]
    public void SteepestDescentLearnsTheHeartInFiftyThousandSteps()
    {
        var (x, y) = CurveData.Heart();
        var net = new CourseNetwork(1);
        var training = net.Train(x, y, iterations: 50_000, aggression: 7, recordEvery: 5000);
        Assert.True(training.Costs[0].Cost > 0.1);
        Assert.True(training.FinalCost < 0.005, $"cost {training.FinalCost}");
        Assert.Equal(50_000, training.Costs[^1].Iteration);
        Assert.Equal(training.FinalCost, net.Cost(x, y), 15);
    }

    [Fact]
    public void TrainingIsDeterministicForASeed()
    {
        var (x, y) = CurveData.Lissajous(30);
        var a = new CourseNetwork(5);
        var b = new CourseNetwork(5);
        a.Train(x, y, 500, noise: 0.1, seed: 9);
        b.Train(x, y, 500, noise: 0.1, seed: 9);
        Assert.Equal(a.W1, b.W1);
        Assert.Equal(a.B3, b.B3);
        var c = new CourseNetwork(5);
        c.Train(x, y, 500, noise: 0.1, seed: 10);
        Assert.NotEqual(a.W1, c.W1);
    }

    [Fact]
    public void BadDataIsRejected()
    {
        var net = new CourseNetwork();
        Assert.Throws<DimensionMismatchException>(() => net.Cost(new Matrix(2, 5), new Matrix(2, 5)));
        Assert.Throws<DimensionMismatchException>(() => net.Cost(new Matrix(1, 5), new Matrix(2, 4)));
        Assert.Throws<DimensionMismatchException>(() => net.JW1(new Matrix(1, 5), new Matrix(3, 5)));
        Assert.Throws<ArgumentException>(() => net.Cost(new Matrix(1, 0), new Matrix(2, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => net.Train(Data.X, Data.Y, 10, aggression: 0));
    }

    [Fact]
    public void CurvesAreScaledIntoTheSigmoidRange()
    {
        foreach (var (x, y) in new[] { CurveData.Heart(), CurveData.Lissajous() })
        {
            Assert.Equal(0, x[0, 0]);
            Assert.Equal(1, x[0, x.Columns - 1]);
            Assert.All(y.AsSpan().ToArray(), v => Assert.InRange(v, 0.1 - 1e-12, 0.9 + 1e-12));
            Assert.Equal(y[0, 0], y[0, y.Columns - 1], 12);   // closed curves
            Assert.Equal(y[1, 0], y[1, y.Columns - 1], 12);
        }
    }
}
