using MathForML.Data;
using MathForML.Learning;
using MathForML.Tests.DimensionalityReduction;

namespace MathForML.Tests.Cli;

public class KnnCommandTests
{
    [Fact]
    public void ClassifiesTheMnistSubsetAndReportsAccuracy()
    {
        using var dir = new TempDirectory();
        var x = MnistSubset.Images;
        var y = MnistSubset.Labels;
        var test = Enumerable.Range(0, 500).Where(i => i % 5 == 0).ToArray();
        var train = Enumerable.Range(0, 500).Where(i => i % 5 != 0).ToArray();
        string Save(string name, int[] rows)
        {
            var m = new MathForML.LinearAlgebra.Matrix(rows.Length, x.Columns);
            for (int i = 0; i < rows.Length; i++) x.RowSpan(rows[i]).CopyTo(m.RowSpan(i));
            var p = dir.File(name);
            NpyFile.Write(p, m);
            return p;
        }

        string SaveLabels(string name, int[] rows)
        {
            var p = dir.File(name);
            NpyFile.Write(p, rows.Select(i => y[i]).ToArray(), [rows.Length]);
            return p;
        }

        var json = CliRunner.Json("knn", "--train", Save("train.npy", train), "--labels", SaveLabels("train-y.npy", train),
            "--test", Save("test.npy", test), "--test-labels", SaveLabels("test-y.csv.npy", test), "--k", "3");
        var predictions = json.GetProperty("predictions").ToInts();
        Assert.Equal(100, predictions.Length);
        var trainMatrix = MathForML.LinearAlgebra.Matrix.FromRows(train.Select(i => x.Row(i).ToArray()).ToArray());
        var testMatrix = MathForML.LinearAlgebra.Matrix.FromRows(test.Select(i => x.Row(i).ToArray()).ToArray());
        Assert.Equal(KNearestNeighbors.Fit(trainMatrix, train.Select(i => y[i]).ToArray()).Predict(testMatrix, 3), predictions);
        double accuracy = json.GetProperty("accuracy").GetDouble();
        Assert.InRange(accuracy, 0.75, 1.0);
        Assert.Equal(3, json.GetProperty("k").GetInt32());
    }

    [Fact]
    public void TextFilesWork()
    {
        using var dir = new TempDirectory();
        var train = dir.Write("train.csv", "0,0\n0,1\n5,5\n6,5\n");
        var labels = dir.Write("labels.txt", "0\n0\n1\n1\n");
        var test = dir.Write("test.csv", "0.2,0.3\n5.5,5.1\n");
        var (code, output, _) = CliRunner.Run("knn", "--train", train, "--labels", labels, "--test", test, "--k", "1");
        Assert.Equal(0, code);
        Assert.Contains("predictions: 0 1", output);
    }
}
