using MathForML.Distributed.NeuralNetworks;
using MathForML.NeuralNetworks;
using MathForML.Randomness;

namespace MathForML.Distributed.Tests.NeuralNetworks;

/// <summary>
/// <see cref="DistributedTrainer"/> with the ranks as threads: P ranks with batch B end with the weights of one process
/// with batch P·B (to 1e-5), every rank with the very same weights.
/// </summary>
public sealed class InProcessTrainerTests
{
    [Theory]
    [InlineData(2, 16, OptimizerKind.Sgd)]
    [InlineData(3, 5, OptimizerKind.Adam)]
    [InlineData(4, 9, OptimizerKind.Sgd)]
    public void Ranks_train_as_one_process_with_the_combined_batch(int ranks, int batch, OptimizerKind optimizer)
    {
        var data = Data(331);
        var options = new TrainingOptions { Epochs = 2, BatchSize = batch, Optimizer = optimizer, LearningRate = optimizer == OptimizerKind.Adam ? 0.01 : 0.2, Seed = 5 };
        var one = Network();
        Trainer.Train(one, data, null, options with { BatchSize = ranks * batch });
        var trained = ThreadGroup.Run(ranks, world =>
        {
            var network = Network();
            var reports = DistributedTrainer.Train(world, network, data, null, options);
            Assert.Equal(world.Rank == 0, !double.IsNaN(reports[^1].TrainAccuracy));
            return network;
        });
        foreach (var network in trained)
        {
            for (int l = 0; l < one.Layers.Count; l++)
            {
                Assert.Equal(trained[0].Layers[l].Weights, network.Layers[l].Weights);   // bit for bit on every rank
                for (int i = 0; i < one.Layers[l].Weights.Length; i++) Assert.Equal(one.Layers[l].Weights[i], network.Layers[l].Weights[i], 1e-5);
                for (int i = 0; i < one.Layers[l].Biases.Length; i++) Assert.Equal(one.Layers[l].Biases[i], network.Layers[l].Biases[i], 1e-5);
            }
        }
    }

    [Fact]
    public void Augmentation_is_refused_on_every_rank_alike()
    {
        var outcomes = ThreadGroup.Outcomes(2, world =>
            DistributedTrainer.Train(world, Network(), Data(50), null, new TrainingOptions { Augmentation = new ImageShift(2, 3, 1) }));
        var failed = Assert.IsType<RankFailedException>(outcomes[0].Failure);
        Assert.True(failed.AllRanks);
        Assert.IsType<ArgumentException>(failed.InnerException);
        Assert.IsType<PeerRankFailedException>(outcomes[1].Failure);
    }

    private static Mlp<float> Network() => Mlp<float>.Create([6, 10, 3], Activation.Tanh, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, 9);

    private static Dataset<float> Data(int rows)
    {
        var random = new SeededRandom(3);
        var x = new float[rows * 6];
        var y = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < 6; j++) x[i * 6 + j] = (float)random.NextGaussian();
            y[i] = (x[i * 6] + x[i * 6 + 1] > 0 ? 1 : 0) + (x[i * 6 + 2] > 1 ? 1 : 0);
        }

        return new Dataset<float>(x, 6, y);
    }
}
