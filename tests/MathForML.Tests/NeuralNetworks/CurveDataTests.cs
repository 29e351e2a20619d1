using MathForML.Data;
using MathForML.NeuralNetworks;

namespace MathForML.Tests.NeuralNetworks;

public class CurveDataTests
{
    [Fact]
    public void CourseTrainingDataHasTheCoursesCheckValues()
    {
        var (x, y) = CurveData.CourseTrainingData();
        Assert.Equal((1, 100), (x.Rows, x.Columns));
        Assert.Equal((2, 100), (y.Rows, y.Columns));
        Assert.Equal(0, x[0, 0]);
        Assert.Equal(0.99, x[0, 99]);
        // The course's checks: y[:,0] = [0.5, 0.625] exactly, y[:,25] = [0.9, 0.6] (cos(π/2) is 6e-17, not 0).
        Assert.Equal(0.5, y[0, 0]);
        Assert.Equal(0.625, y[1, 0]);
        Assert.Equal(0.9, y[0, 25], 1e-15);
        Assert.Equal(0.6, y[1, 25], 1e-15);
    }

    [Fact]
    public void CourseTrainingDataEqualsNumPys()
    {
        // NumPy's training_data() (Reference/heart/make_reference.py). t = 0.01·k is NumPy's arange to the bit. The targets
        // cannot be: NumPy 1.24 evaluates sin and cos with its own SIMD kernels, which differ from the C library's (that
        // .NET calls) by an ulp or so in 65 of 100 arguments; through 16·sin³ and the scaling that is at most 2.8e-16
        // here. Allowed: 5e-16 absolute on values in [0, 1] (about 2 ulps of 1); about two thirds are equal to the bit.
        var (x, y) = CurveData.CourseTrainingData();
        var expectedX = NpyFile.Read<double>(ReferenceData.PathOf("heart", "x.npy")).Data;
        var (shape, expectedY) = NpyFile.Read<double>(ReferenceData.PathOf("heart", "y.npy"));
        Assert.Equal([2, 100], shape);
        Assert.Equal(expectedX, x.ToArray());
        var ours = y.ToArray();
        int bitEqual = 0;
        for (int k = 0; k < ours.Length; k++)
        {
            Assert.True(Math.Abs(ours[k] - expectedY[k]) <= 5e-16, $"y[{k / 100}, {k % 100}]: ours {ours[k]:R}, NumPy {expectedY[k]:R}");
            if (ours[k] == expectedY[k]) bitEqual++;
        }
        Assert.True(bitEqual >= 100, $"only {bitEqual} of 200 targets equal to the bit");
    }

    [Fact]
    public void TheLibrarysHeartIsAnotherSampling()
    {
        var (x, y) = CurveData.Heart();
        var (courseX, courseY) = CurveData.CourseTrainingData();
        Assert.Equal(1, x[0, 99]);
        Assert.NotEqual(courseX.ToArray(), x.ToArray());
        Assert.NotEqual(courseY.ToArray(), y.ToArray());
        Assert.NotEqual(0.625, y[1, 0]);   // the library scales both coordinates by one factor into [0.1, 0.9]
    }
}
