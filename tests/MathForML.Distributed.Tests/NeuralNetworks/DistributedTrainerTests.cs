using System.Globalization;
using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.Randomness;

namespace MathForML.Distributed.Tests.NeuralNetworks;

/// <summary>
/// <c>mpirun -np P mml nn train --batch B</c> against one process with <c>--batch P·B</c>: the same weights after an
/// epoch to 1e-5 (float32), with SGD and with Adam, and with a last batch that does not split evenly.
/// </summary>
public sealed class DistributedTrainerTests
{
    [MpiFact]
    public void Three_ranks_with_batch_7_train_as_one_process_with_batch_21() => Check(ranks: 3, batch: 7, optimizer: "sgd");

    [MpiFact]
    public void Two_ranks_with_batch_10_train_as_one_process_with_batch_20_under_adam() => Check(ranks: 2, batch: 10, optimizer: "adam");

    private static void Check(int ranks, int batch, string optimizer)
    {
        using var dir = new TempFolder();
        NpyFile.Write(dir.File("d.npy"), LabelledData(757));   // 605 training samples: 605 = 28·21 + 17, 30·20 + 5
        string[] common = ["nn", "train", "--data", "d.npy", "--layers", "8,16,3", "--epochs", "2", "--seed", "3", "--optimizer", optimizer];
        var one = MpiRun.Single([.. common, "--batch", (ranks * batch).ToString(CultureInfo.InvariantCulture), "--save", "one.json"], dir.Path);
        Assert.True(one.Code == 0, one.Err);
        var many = MpiRun.Mml(ranks, [.. common, "--batch", batch.ToString(CultureInfo.InvariantCulture), "--save", "many.json"], dir.Path);
        Assert.True(many.Code == 0, many.Err);
        Assert.Contains($"{ranks} MPI processes, {batch} samples each per step", many.Out, StringComparison.Ordinal);

        double largest = LargestDifference(MlpFile.Load(dir.File("one.json")), MlpFile.Load(dir.File("many.json")));
        Assert.True(largest <= 1e-5, $"largest weight difference {largest:G3} between {ranks} ranks and one process");

        // The tolerance tells batches apart: one process with each rank's batch B ends far from it.
        var small = MpiRun.Single([.. common, "--batch", batch.ToString(CultureInfo.InvariantCulture), "--save", "small.json"], dir.Path);
        Assert.True(small.Code == 0, small.Err);
        Assert.True(LargestDifference(MlpFile.Load(dir.File("small.json")), MlpFile.Load(dir.File("many.json"))) > 1e-3);
    }

    private static double LargestDifference(MathForML.NeuralNetworks.Mlp<float> expected, MathForML.NeuralNetworks.Mlp<float> actual)
    {
        double largest = 0;
        for (int l = 0; l < expected.Layers.Count; l++)
        {
            var pairs = expected.Layers[l].Weights.Zip(actual.Layers[l].Weights).Concat(expected.Layers[l].Biases.Zip(actual.Layers[l].Biases));
            foreach (var (e, a) in pairs) largest = Math.Max(largest, Math.Abs(e - a));
        }

        return largest;
    }

    /// <summary>Eight Gaussian features and a label 0, 1 or 2 that depends on them (last column).</summary>
    private static Matrix LabelledData(int rows)
    {
        var random = new SeededRandom(11);
        var x = new Matrix(rows, 9);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < 8; j++) x[i, j] = random.NextGaussian();
            x[i, 8] = (x[i, 0] + x[i, 1] * x[i, 2] > 0 ? 1 : 0) + (x[i, 3] > 1 ? 1 : 0);
        }

        return x;
    }
}
