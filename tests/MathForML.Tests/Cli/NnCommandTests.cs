using System.Globalization;
using System.Text;

namespace MathForML.Tests.Cli;

public class NnCommandTests
{
    /// <summary>Three separable classes in 3-D, label in the last column.</summary>
    private static string Blobs(TempDirectory dir, string name = "blobs.csv")
    {
        var rng = new Random(2);
        var text = new StringBuilder();
        for (int i = 0; i < 300; i++)
        {
            int c = i % 3;
            double x = (c == 0 ? 2 : -1) + (0.3 * (rng.NextDouble() - 0.5)), y = (c == 1 ? 2 : -1) + (0.3 * (rng.NextDouble() - 0.5)), z = rng.NextDouble();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{x},{y},{z},{c}"));
        }
        return dir.Write(name, text.ToString());
    }

    [Fact]
    public void CurveTrainsTheCourseNetwork()
    {
        using var dir = new TempDirectory();
        var json = CliRunner.Json("nn", "train", "--data", "curve", "--iterations", "3000", "--plot", dir.Path);
        Assert.True(json.GetProperty("final_cost").GetDouble() < json.GetProperty("initial_cost").GetDouble() / 10);
        Assert.True(File.Exists(dir.File("curve.png")));
        Assert.True(File.Exists(dir.File("cost.png")));
    }

    [Fact]
    public void TrainAndSaveAnOnnxModel()
    {
        using var dir = new TempDirectory();
        var model = dir.File("model.onnx");
        CliRunner.Json("nn", "train", "--data", Blobs(dir), "--layers", "3,8,3", "--epochs", "2", "--save", model);
        var bytes = File.ReadAllBytes(model);
        Assert.Equal(0x08, bytes[0]); // ModelProto field 1 (ir_version), a varint
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(model);
        Assert.Equal(["input"], session.InputMetadata.Keys);
        Assert.Equal([-1, 3], session.InputMetadata["input"].Dimensions);
    }

    [Fact]
    public void TrainSaveAndEvaluateAClassifier()
    {
        using var dir = new TempDirectory();
        var data = Blobs(dir);
        var model = dir.File("model.json");
        var json = CliRunner.Json("nn", "train", "--data", data, "--layers", "3,8,3", "--activation", "tanh", "--epochs", "20", "--batch", "16",
            "--optimizer", "adam", "--lr", "0.02", "--save", model, "--plot", dir.File("plots"));
        var epochs = json.GetProperty("epochs");
        Assert.Equal(20, epochs.GetArrayLength());
        Assert.True(epochs[19].GetProperty("test_accuracy").GetDouble() > 0.95);
        Assert.Equal(240, json.GetProperty("train_samples").GetInt32());
        Assert.True(json.GetProperty("samples_per_second").GetDouble() > 0);
        var eval = CliRunner.Json("nn", "eval", "--model", model, "--data", data);
        Assert.Equal(60, eval.GetProperty("samples").GetInt32());
        Assert.Equal(epochs[19].GetProperty("test_accuracy").GetDouble(), eval.GetProperty("accuracy").GetDouble(), 12);
        Assert.Equal(300, CliRunner.Json("nn", "eval", "--model", model, "--data", data, "--all").GetProperty("samples").GetInt32());
        Assert.True(File.Exists(Path.Combine(dir.File("plots"), "accuracy.png")));
    }

    [Fact]
    public void SeparateLabelsFile()
    {
        using var dir = new TempDirectory();
        var x = dir.Write("x.csv", string.Concat(Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i % 2 * 2 - 1 + (0.01 * i)},{i % 2}\n"))));
        var y = dir.Write("y.csv", string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 2}\n")));
        var json = CliRunner.Json("nn", "train", "--data", x, "--labels", y, "--epochs", "30", "--batch", "8", "--lr", "0.5");
        Assert.Equal(2, json.GetProperty("layers")[0].GetInt32());
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["nn", "train", "--data", "{dir}/blobs.csv", "--layers", "4,8,3"], "--layers starts with 4 inputs but the data has 3 features" },
        { ["nn", "train", "--data", "{dir}/blobs.csv", "--layers", "3,8,2"], "ends with 2 outputs but the data has 3 classes" },
        { ["nn", "train", "--data", "{dir}/blobs.csv", "--layers", "3,x"], "--layers must be positive integers" },
        { ["nn", "train", "--data", "{dir}/badlabel.csv"], "badlabel.csv:2:3: the label in the last column must be a non-negative integer, found 1.5" },
        { ["nn", "train", "--data", "{dir}/empty.csv"], "empty.csv" },
        { ["nn", "train", "--data", "{dir}/blobs.csv", "--labels", "{dir}/few.csv"], "holds 2 labels for the 300 samples" },
        { ["nn", "train", "--data", "{dir}/blobs.csv", "--optimizer", "rmsprop"], "--optimizer must be one of sgd, adam" },
        { ["nn", "train", "--data", "{dir}/blobs.csv", "--activation", "gelu"], "--activation must be one of sigmoid, relu, tanh" },
        { ["nn", "train", "--data", "{dir}/blobs.csv", "--epochs", "0"], "--epochs: The number of epochs must be at least 1" },
        { ["nn", "train", "--data", "{dir}/blobs.csv", "--lr", "-1"], "--lr: The learning rate must be a positive number" },
        { ["nn", "train", "--data", "{dir}/blobs.csv", "--test-fraction", "2"], "--test-fraction must be between" },
        { ["nn", "train", "--data", "curve", "--layers", "1,5,2"], "1,6,7,2" },
        { ["nn", "train", "--data", "curve", "--save", "{dir}/m.json"], "--save writes a classifier; the course network of --data curve is not saved" },
        { ["nn", "train", "--data", "{dir}/missing.csv"], "missing.csv" },
        { ["nn", "train", "--data", "{dir}/blobs.csv", "--save", "{dir}/no/m.json"], "does not exist" },
        { ["nn", "train", "--data", "{dir}/blobs.csv", "--save", "{dir}/m.pt"], "unknown model format '.pt'" },
        { ["nn", "eval", "--model", "{dir}/corrupt.json", "--data", "{dir}/blobs.csv"], "corrupt.json:1:" },
        { ["nn", "eval", "--model", "{dir}/blobs.csv", "--data", "{dir}/blobs.csv"], "not valid JSON" },
        { ["nn", "eval", "--data", "{dir}/blobs.csv"], "--model" },
        { ["nn", "train", "--bogus"], "--bogus" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputExitsTwo(string[] args, string expected)
    {
        using var dir = new TempDirectory();
        Blobs(dir);
        dir.Write("badlabel.csv", "1,2,0\n3,4,1.5\n");
        dir.Write("empty.csv", "");
        dir.Write("few.csv", "0\n1\n");
        dir.Write("corrupt.json", "{\"format\": ");
        CliRunner.AssertBadInput(dir, args, expected);
    }
}
