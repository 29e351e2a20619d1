using MathForML.NeuralNetworks;
using MathForML.Randomness;

namespace MathForML.Tests.NeuralNetworks;

public class ImageShiftTests
{
    [Fact]
    public void MovesEveryImageByAtMostTheShiftAndFillsWithZeros()
    {
        // One bright pixel in the middle of a 7×5 image; after shifting it sits within ±2 of where it was.
        const int width = 7, height = 5, rows = 200;
        var batch = new float[rows * width * height];
        for (int r = 0; r < rows; r++) batch[(r * width * height) + (2 * width) + 3] = 1;
        var random = new SeededRandom(3);
        new ImageShift(width, height, 2).Apply<float>(batch, rows, ref random, new float[width * height]);
        var moves = new HashSet<(int, int)>();
        for (int r = 0; r < rows; r++)
        {
            var image = batch.AsSpan(r * width * height, width * height);
            Assert.Equal(1, image.ToArray().Sum());
            int at = image.IndexOf(1f);
            int dx = (at % width) - 3, dy = (at / width) - 2;
            Assert.InRange(dx, -2, 2);
            Assert.InRange(dy, -2, 2);
            moves.Add((dx, dy));
        }
        Assert.Equal(25, moves.Count);
    }

    [Fact]
    public void PixelsShiftedOutAreLost()
    {
        var image = new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 };   // 3×3
        var random = new SeededRandom(1);
        for (int attempt = 0; attempt < 50; attempt++)
        {
            var copy = (float[])image.Clone();
            new ImageShift(3, 3, 1).Apply<float>(copy, 1, ref random, new float[9]);
            Assert.All(copy.Where(v => v != 0), v => Assert.Contains(v, image));
            Assert.True(copy.Count(v => v == 0) is 0 or 3 or 5);
        }
    }

    [Fact]
    public void TrainerRejectsAShiftThatDoesNotFitTheData()
    {
        var net = Mlp<float>.Create([4, 3], Activation.Relu, Activation.Softmax, LossFunction.SoftmaxCrossEntropy);
        var data = new Dataset<float>(new float[8], 4, [0, 1]);
        Assert.Throws<ArgumentException>(() => Trainer.Train(net, data, null, new TrainingOptions { Augmentation = new ImageShift(3, 3) }));
        Trainer.Train(net, data, null, new TrainingOptions { Augmentation = new ImageShift(2, 2, 1), CosineDecay = true });
    }
}
