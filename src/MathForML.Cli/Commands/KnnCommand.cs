using System.CommandLine;
using System.Diagnostics;
using MathForML.Data;
using MathForML.Learning;

namespace MathForML.Cli.Commands;

/// <summary><c>mml knn</c>: k-nearest-neighbour classification of test samples by a labelled training set.</summary>
internal static class KnnCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var train = new Option<string>("--train") { Description = "Training samples (N×D): .csv/.txt, .npy or IDX images.", Required = true };
        var labels = new Option<string>("--labels") { Description = "Training labels (N non-negative integers): IDX, .npy or one-column text.", Required = true };
        var test = new Option<string>("--test") { Description = "Samples to classify (M×D), same formats.", Required = true };
        var testLabels = new Option<string?>("--test-labels") { Description = "True labels of the test samples: prints the accuracy." };
        var k = new Option<int>("--k") { Description = "Neighbours that vote, 1 … N.", DefaultValueFactory = _ => 3 };
        var cmd = new Command("knn", "k-nearest-neighbour classification (brute force, Euclidean distance, ties to the smaller label).")
        {
            train, labels, test, testLabels, k,
        };
        CommonOptions.AddFileReading(cmd, scale: true);
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var load = Stopwatch.StartNew();
            string trainPath = parse.GetValue(train)!, labelPath = parse.GetValue(labels)!, testPath = parse.GetValue(test)!;
            var x = CommonOptions.ReadSamples(trainPath, parse);
            var y = DataSetFile.ReadLabels(labelPath);
            var q = CommonOptions.ReadSamples(testPath, parse);
            int[]? truth = null;
            if (parse.GetValue(testLabels) is { } truthPath)
            {
                truth = DataSetFile.ReadLabels(truthPath);
                if (truth.Length != q.Rows) throw new UserInputException($"{truthPath} holds {truth.Length} labels but {testPath} holds {q.Rows} samples.");
            }

            int neighbours = parse.GetValue(k);
            double loadSeconds = load.Elapsed.TotalSeconds;
            var watch = Stopwatch.StartNew();
            var model = KNearestNeighbors.Fit(x, y);
            var predictions = model.Predict(q, neighbours);
            double seconds = watch.Elapsed.TotalSeconds;
            double? accuracy = truth is null ? null : (double)predictions.Where((p, i) => p == truth[i]).Count() / Math.Max(1, q.Rows);
            ctx.Emit(new
            {
                k = neighbours,
                n_train = x.Rows,
                n_test = q.Rows,
                predictions,
                accuracy,
                seconds,
                load_seconds = loadSeconds,
            }, () =>
            {
                ctx.Output.WriteLine($"{q.Rows} samples classified by their {neighbours} nearest of {x.Rows} ({seconds:F3} s)");
                if (accuracy is { } a) ctx.Output.WriteLine($"accuracy: {a:P2} ({predictions.Where((p, i) => p == truth![i]).Count()} of {q.Rows})");
                ctx.Output.WriteLine($"predictions: {string.Join(' ', predictions.Take(50))}{(predictions.Length > 50 ? " …" : "")}");
            });
            return ExitCodes.Success;
        }, ("k", "--k"), ("train", "--train"), ("x", "--train"), ("labels", "--labels"), ("queries", "--test"));
        return cmd;
    }
}
