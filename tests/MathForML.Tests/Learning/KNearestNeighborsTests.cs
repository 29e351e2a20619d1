using CsCheck;
using MathForML.Kernels;
using MathForML.Learning;
using MathForML.LinearAlgebra;
using MathForML.Numerics;
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

    private static int[] BruteForceNeighbors(Matrix train, Matrix test, int k) =>
        Enumerable.Range(0, test.Rows).SelectMany(q => Enumerable.Range(0, train.Rows).Select(i =>
        {
            double s = 0;
            for (int j = 0; j < train.Columns; j++) s += (train[i, j] - test[q, j]) * (train[i, j] - test[q, j]);
            return (s, i);
        }).OrderBy(t => t.s).ThenBy(t => t.i).Take(k).Select(t => t.i)).ToArray();

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
        var query = Assert.Throws<NonFiniteValueException>(() => model.Predict(Matrix.FromRows([1, 2], [3, double.NaN]), 1));
        Assert.Equal((1, 1), (query.Row, query.Column));
        var sample = Assert.Throws<NonFiniteValueException>(() => KNearestNeighbors.Fit(Matrix.FromRows([0, 0], [1, 1], [double.PositiveInfinity, 2]), [0, 1, 0]));
        Assert.Equal((2, 0), (sample.Row, sample.Column));
        Assert.Equal("train contains +infinity at row 2, column 0.", sample.Message.Split(" (Parameter")[0]);
        // Labels name classes: negative ones are classes too (the vote table is per class, not per label value).
        Assert.Equal([-1, 0], KNearestNeighbors.Fit(train, [0, -1]).Predict(Matrix.FromRows([0.9, 0.9], [0.1, 0]), 1));
    }

    /// <summary>D ≥ 32 takes the float32 screen; its answer must be the float64 one, neighbour for neighbour.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void FloatScreenGivesTheFloat64Neighbours(int k)
    {
        var random = new Random(40 + k);
        var train = SampleStatisticsTests.Random(900, 64, 3);
        var labels = Enumerable.Range(0, 900).Select(_ => random.Next(10)).ToArray();
        var test = SampleStatisticsTests.Random(KNearestNeighbors.BlockRows + 60, 64, 4);
        var model = KNearestNeighbors.Fit(train, labels);
        Assert.Equal(model.NeighborsExact(test, k), model.Neighbors(test, k));
        Assert.Equal(BruteForce(train, labels, test, k), model.Predict(test, k));
    }

    /// <summary>
    /// Near-ties the float32 screen cannot separate (samples 1e-9 apart, exact duplicates): the certificate fails, those
    /// queries get every distance computed directly, and the answer is the course loop's, ties to the earlier sample.
    /// </summary>
    [Fact]
    public void NearTiesFallBackToFloat64()
    {
        // 10 centres, each with 40 samples within 1e-7 of it (some exact duplicates), then 100 other samples.
        var random = new Random(5);
        int n = 500, d = 48;
        var centres = SampleStatisticsTests.Random(10, d, 6);
        var train = new Matrix(n, d);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                train[i, j] = i < 400 ? centres[i / 40, j] + (i % 5 == 0 ? 0 : 1e-7 * random.NextDouble()) : 3 * random.NextDouble();
        var labels = Enumerable.Range(0, n).Select(i => i % 7).ToArray();
        var test = new Matrix(50, d);
        for (int q = 0; q < 50; q++)
            for (int j = 0; j < d; j++) test[q, j] = q < 30 ? centres[q % 10, j] + 1e-7 * random.NextDouble() : 3 * random.NextDouble();
        var model = KNearestNeighbors.Fit(train, labels);
        var screened = model.Neighbors(test, 3);
        Assert.True(model.ScreenFallbacks > 0, "no query needed the float64 fallback");
        Assert.Equal(BruteForceNeighbors(train, test, 3), screened);
        Assert.Equal(BruteForce(train, labels, test, 3), model.Predict(test, 3));
    }

    /// <summary>Every micro-kernel family this processor runs (as ints: <see cref="KernelPath"/> is internal).</summary>
    public static TheoryData<int> Paths() => [.. KernelPathSelection.Supported.Select(p => (int)p)];

    /// <summary>
    /// Features constant over the training set (zero, and non-zero) are left out of the screen; the answer must not
    /// change, on every micro-kernel family, also when the queries differ from the constant there.
    /// </summary>
    [Theory]
    [MemberData(nameof(Paths))]
    public void ConstantFeaturesChangeNothing(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        var random = new Random(77);
        int n = 600, d = 50;
        var train = SampleStatisticsTests.Random(n, d, 21);
        for (int i = 0; i < n; i++)
        {
            train[i, 0] = 0;
            train[i, 17] = 3.5;
            train[i, 49] = -2;
        }

        var labels = Enumerable.Range(0, n).Select(_ => random.Next(10)).ToArray();
        var test = SampleStatisticsTests.Random(130, d, 22);
        for (int q = 0; q < 65; q++) test[q, 17] = 3.5;   // half the queries agree with the constant, half do not
        var model = KNearestNeighbors.Fit(train, labels);
        model.ScreenPath = path;
        Assert.Equal(BruteForceNeighbors(train, test, 4), model.Neighbors(test, 4));
        Assert.Equal(model.NeighborsExact(test, 4), model.Neighbors(test, 4));
        Assert.Equal(0, model.ScreenFallbacks);
    }

    /// <summary>
    /// Samples whose distances differ by less than float32 can resolve (all within 1e-9 of one point): the screen cannot
    /// certify, every query falls back to float64, and the neighbours are still the exact ones. (Extreme scales once
    /// served here; they are now rescaled by a power of two before the screen, see the type's remarks.)
    /// </summary>
    [Fact]
    public void NearTiesBeyondFloat32FallBackToFloat64()
    {
        var random = new Random(3);
        int n = 200, d = 40;
        var centre = SampleStatisticsTests.Random(1, d, 30);
        var train = SampleStatisticsTests.Random(n, d, 31);
        var test = SampleStatisticsTests.Random(20, d, 32);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) train[i, j] = centre[0, j] + 1e-9 * train[i, j];
        for (int q = 0; q < 20; q++)
            for (int j = 0; j < d; j++) test[q, j] = centre[0, j] + 1e-9 * test[q, j];
        var model = KNearestNeighbors.Fit(train, Enumerable.Range(0, n).Select(_ => random.Next(3)).ToArray());
        Assert.Equal(BruteForceNeighbors(train, test, 3), model.Neighbors(test, 3));
        Assert.Equal(20, model.ScreenFallbacks);
    }

    /// <summary>More queries than one candidate group (<see cref="KNearestNeighbors.QueryGroup"/>): groups are screened in turn.</summary>
    [Fact]
    public void ManyQueriesCrossQueryGroups()
    {
        int n = 40, d = 32, m = KNearestNeighbors.QueryGroup + 100;
        var train = SampleStatisticsTests.Random(n, d, 41);
        var test = SampleStatisticsTests.Random(m, d, 42);
        var model = KNearestNeighbors.Fit(train, Enumerable.Range(0, n).Select(i => i % 4).ToArray());
        Assert.Equal(model.NeighborsExact(test, 2), model.Neighbors(test, 2));
    }

    /// <summary>
    /// Property: on random data sets the screened neighbours are the course loop's, neighbour for neighbour. Values
    /// come from a coarse grid (many exact ties in distance, which must go to the earlier sample) or are continuous,
    /// and some features are constant (left out of the screen).
    /// </summary>
    [Fact]
    public void ScreenedNeighboursAreTheBruteForceOnesOnRandomData()
    {
        var shapes = Gen.Select(Gen.Int[20, 120], Gen.Int[32, 60], Gen.Int[1, 8], Gen.Int[1, 12], Gen.Bool, Gen.Int[0, 6]);
        shapes.SelectMany((n, d, k, m, grid, constants) => Gen.Int[0, 3].Array[(n + m) * d].Select(cells => (n, d, k, m, grid, constants, cells)))
            .Sample(sample =>
            {
                var (n, d, k, m, grid, constants, cells) = sample;
                var random = new Random(cells.Length + (31 * n));
                double Value(int cell) => grid ? cell : cell + random.NextDouble();
                var train = new Matrix(n, d);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < d; j++) train[i, j] = j < constants ? 1.5 : Value(cells[(i * d) + j]);
                var test = new Matrix(m, d);
                for (int q = 0; q < m; q++)
                    for (int j = 0; j < d; j++) test[q, j] = Value(cells[((n + q) * d) + j]);
                var model = KNearestNeighbors.Fit(train, Enumerable.Range(0, n).Select(i => i % 3).ToArray());
                Assert.Equal(BruteForceNeighbors(train, test, k), model.Neighbors(test, k));
            }, iter: 150);
    }

    [Theory]
    [InlineData(1e160)]
    [InlineData(1e300)]
    [InlineData(1e-170)]
    [InlineData(1e-300)]
    [InlineData(1e13)]
    public void ExtremeScalesFindTheSameNeighboursAsAtScaleOne(double scale)
    {
        // Rows of 1e160 predicted [0, 0] instead of [0, 1]: their squares overflowed to ∞. Scaled by a power of two the
        // neighbours are exactly those of the same data at scale 1, for the screen (D ≥ 32) and the exact method.
        var rng = new Random(11);
        foreach (int d in new[] { 2, 40 })
        {
            var train = new Matrix(60, d);
            var test = new Matrix(15, d);
            for (int i = 0; i < train.Rows; i++) for (int j = 0; j < d; j++) train[i, j] = rng.NextDouble() * 4 - 2;
            for (int i = 0; i < test.Rows; i++) for (int j = 0; j < d; j++) test[i, j] = rng.NextDouble() * 4 - 2;
            var labels = Enumerable.Range(0, train.Rows).Select(i => i % 3).ToArray();
            var expected = KNearestNeighbors.Fit(train, labels).NeighborsExact(test, 3);
            var model = KNearestNeighbors.Fit(train * scale, labels);
            Assert.Equal(expected, model.Neighbors(test * scale, 3));
            Assert.Equal(expected, model.NeighborsExact(test * scale, 3));
            Assert.Equal(KNearestNeighbors.Fit(train, labels).Predict(test, 3), model.Predict(test * scale, 3));
        }
    }

    [Fact]
    public void TheCoursesTwoPointExampleAtAnyScale()
    {
        foreach (double scale in new[] { 1.0, 1e160, 1e-200 })
        {
            var train = Matrix.FromRows([0, 0], [10 * scale, 10 * scale]);
            var model = KNearestNeighbors.Fit(train, [0, 1]);
            Assert.Equal([0, 1], model.Predict(Matrix.FromRows([scale, 0], [9 * scale, 9 * scale]), 1));
        }
    }
}
