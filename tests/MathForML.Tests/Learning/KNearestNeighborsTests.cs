using MathForML.Learning;
using MathForML.LinearAlgebra;
using MathForML.Tests.Statistics;

namespace MathForML.Tests.Learning;

public class KNearestNeighborsTests
{
    /// <summary>The course's loop: all distances, sort (stable: the earlier sample first on ties), vote, smaller label on ties.</summary>
    private static int[] BruteForce(Matrix train, int[] labels, Matrix test, int k)
    {
        var predictions = new int[test.Rows];
        for (int q = 0; q < test.Rows; q++)
        {
            var d = Enumerable.Range(0, train.Rows).Select(i =>
            {
                double s = 0;
                for (int j = 0; j < train.Columns; j++) s += (train[i, j] - test[q, j]) * (train[i, j] - test[q, j]);
                return (s, i);
            }).OrderBy(t => t.s).ThenBy(t => t.i).Take(k);
            predictions[q] = d.GroupBy(t => labels[t.i]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        }

        return predictions;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(10)]
    public void MatchesTheBruteForceLoop(int k)
    {
        var random = new Random(k);
        var train = SampleStatisticsTests.Random(700, 6, 1);
        var labels = Enumerable.Range(0, 700).Select(_ => random.Next(5)).ToArray();
        var test = SampleStatisticsTests.Random(KNearestNeighbors.BlockRows + 44, 6, 2);   // more than one block
        var model = KNearestNeighbors.Fit(train, labels);
        Assert.Equal(BruteForce(train, labels, test, k), model.Predict(test, k));
    }

    [Fact]
    public void NeighboursAreNearestFirst()
    {
        var train = Matrix.FromRows([0, 0], [5, 5], [1, 0], [0, 2]);
        var model = KNearestNeighbors.Fit(train, [0, 1, 0, 1]);
        Assert.Equal([0, 2, 3], model.Neighbors(Matrix.FromRows([0.1, 0]), 3));
    }

    [Fact]
    public void VoteTiesGoToTheSmallerLabel()
    {
        // Two neighbours, one of each label, both at the same distance: label 2 beats label 7.
        var train = Matrix.FromRows([1, 0], [-1, 0], [9, 9]);
        var model = KNearestNeighbors.Fit(train, [7, 2, 7]);
        Assert.Equal([2], model.Predict(Matrix.FromRows([0, 0]), 2));
        Assert.Equal([7], model.Predict(Matrix.FromRows([0, 0]), 3));   // k = N is allowed
    }

    [Fact]
    public void RejectsBadInput()
    {
        var train = Matrix.FromRows([0, 0], [1, 1]);
        var model = KNearestNeighbors.Fit(train, [0, 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Predict(train, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Predict(train, 0));
        Assert.Throws<DimensionMismatchException>(() => KNearestNeighbors.Fit(train, [0]));
        Assert.Throws<DimensionMismatchException>(() => model.Predict(new Matrix(1, 3), 1));
        Assert.Throws<ArgumentException>(() => model.Predict(Matrix.FromRows([double.NaN, 0]), 1));
        Assert.Throws<ArgumentException>(() => KNearestNeighbors.Fit(train, [0, -1]));
    }
}
