using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;

namespace MathForML.Tests.NeuralNetworks;

public class DatasetTests
{
    [Fact]
    public void FromMatrixRoundsEachFeatureToNearest()
    {
        var x = Matrix.FromRows([0.1, 1.0 / 3], [2.5, -1e-40]);
        var set = Dataset<float>.FromMatrix(x, [1, 0]);
        Assert.Equal(2, set.FeatureCount);
        Assert.Equal([1, 0], set.Labels);
        Assert.Equal([0.1f, 1f / 3, 2.5f, (float)-1e-40], set.Features);
    }

    [Fact]
    public void FromMatrixRejectsEmptyDataAndMismatchedLabels()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => Dataset<float>.FromMatrix(new Matrix(0, 3), [])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Dataset<double>.FromMatrix(Matrix.FromRows([1, 2]), [0, 1])).ParamName);
    }

    [Fact]
    public void AWarmUpLeavesTheTimedTrainingAsItWas()
    {
        var x = Matrix.FromRows([0, 0], [0, 1], [1, 0], [1, 1], [0.2, 0.9], [0.8, 0.1]);
        var data = Dataset<float>.FromMatrix(x, [0, 1, 1, 0, 1, 1]);
        var options = new TrainingOptions { Epochs = 3, BatchSize = 2, Seed = 5 };
        Mlp<float> Create() => Mlp<float>.Create([2, 4, 2], Activation.Tanh, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, 5);
        var cold = Trainer.Train(Create(), data, null, options);
        Assert.True(Trainer.WarmUp(Create, data, options) > TimeSpan.Zero);
        var warm = Trainer.Train(Create(), data, null, options);
        Assert.Equal(cold.Select(r => r.Loss), warm.Select(r => r.Loss));
    }

    [Theory]
    [InlineData(0, 64, 0.1, 0.0, "Epochs")]
    [InlineData(1, 0, 0.1, 0.0, "BatchSize")]
    [InlineData(1, 64, 0.0, 0.0, "LearningRate")]
    [InlineData(1, 64, 0.1, 1.0, "Momentum")]
    public void TrainingSettingsAreRejectedByName(int epochs, int batch, double rate, double momentum, string name)
    {
        var data = Dataset<float>.FromMatrix(Matrix.FromRows([0, 1], [1, 0]), [0, 1]);
        var network = Mlp<float>.Create([2, 2], Activation.Sigmoid, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Trainer.Train(network, data, null, new TrainingOptions { Epochs = epochs, BatchSize = batch, LearningRate = rate, Momentum = momentum }));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void NaNFeaturesAndValuesBeyondTheTypeAreRefused()
    {
        // NaN features trained a network to NaN loss and 10 % accuracy with no error.
        var nan = Assert.Throws<MathForML.Numerics.NonFiniteValueException>(() => new Dataset<float>([1, float.NaN, 3, 4], 2, [0, 1]));
        Assert.Contains("row 0, column 1", nan.Message, StringComparison.Ordinal);
        Assert.Throws<MathForML.Numerics.NonFiniteValueException>(() => Dataset<double>.FromMatrix(MathForML.LinearAlgebra.Matrix.FromRows([1, double.NaN]), [0]));
        var big = Assert.Throws<ArgumentException>(() => Dataset<float>.FromMatrix(MathForML.LinearAlgebra.Matrix.FromRows([1, 2], [3, 1e300]), [0, 1]));
        Assert.Equal("samples", big.ParamName);
        Assert.Contains("beyond the range of Single", big.Message, StringComparison.Ordinal);
        Assert.Equal(1e300, Dataset<double>.FromMatrix(MathForML.LinearAlgebra.Matrix.FromRows([1, 2], [3, 1e300]), [0, 1]).Features[3]);
    }
}
