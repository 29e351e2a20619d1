using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MathForML.Data;
using MathForML.Distributed;
using MathForML.Distributed.NeuralNetworks;
using MathForML.NeuralNetworks;
using MathForML.Plots;
using Spectre.Console;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml nn train</c> and <c>mml nn eval</c>: the course's network drawing its curve (<c>--data curve</c>), or an MLP
/// classifier trained by minibatch backpropagation on MNIST or a labelled data file.
/// </summary>
internal static class NnCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var nn = new Command("nn", "Neural networks trained by backpropagation.");
        nn.Subcommands.Add(Train(context));
        nn.Subcommands.Add(Eval(context));
        return nn;
    }

    private static Option<string> DataOption() => new("--data")
    {
        Description = "'mnist' (fetched on first use), 'curve' (the course network on the course's training_data heart), or a CSV/.npy file whose last column is the class label.",
        DefaultValueFactory = _ => "mnist",
    };

    private static Option<double> TestFractionOption() => new("--test-fraction")
    {
        Description = "Fraction of the samples held out for testing (seeded split).",
        DefaultValueFactory = _ => 0.2,
    };

    private static Option<ulong> SeedOption() => new("--seed") { Description = "Seed of the initial weights, the split and the shuffling.", DefaultValueFactory = _ => 1 };

    private static Command Train(Func<ParseResult, CliContext> context)
    {
        var data = DataOption();
        var labels = LabelsOption();
        var layers = new Option<string?>("--layers") { Description = "Layer sizes, input first (default: features,64,classes; curve: 1,6,7,2)." };
        var activation = CommonOptions.EnumOption("--activation", "Hidden activation: sigmoid, relu or tanh.", Activation.Sigmoid,
            ("sigmoid", Activation.Sigmoid), ("relu", Activation.Relu), ("tanh", Activation.Tanh));
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training set.", DefaultValueFactory = _ => 5 };
        var batch = new Option<int>("--batch") { Description = "Samples per gradient step.", DefaultValueFactory = _ => 64 };
        var lr = new Option<double?>("--lr") { Description = "Learning rate (default 0.1 for sgd, 0.001 for adam; the aggression for curve, default 7)." };
        var optimizer = CommonOptions.EnumOption("--optimizer", "sgd or adam.", OptimizerKind.Sgd, ("sgd", OptimizerKind.Sgd), ("adam", OptimizerKind.Adam));
        var momentum = new Option<double>("--momentum") { Description = "SGD momentum in [0, 1).", DefaultValueFactory = _ => 0 };
        var iterations = new Option<int>("--iterations") { Description = "Steepest-descent steps of the course network (--data curve).", DefaultValueFactory = _ => 50_000 };
        var seed = SeedOption();
        var testFraction = TestFractionOption();
        var augment = new Option<int>("--augment") { Description = "Shift 28×28 images by up to this many pixels at random while training (0: off).", DefaultValueFactory = _ => 0 };
        var cosine = new Option<bool>("--cosine") { Description = "Decay the learning rate along a half cosine to 0." };
        var save = new Option<string?>("--save") { Description = "Write the trained model to this file: .json (read back by 'mml nn eval') or .onnx (ONNX)." };
        var plot = new Option<string?>("--plot") { Description = "Folder for loss/accuracy curves (and the drawn curve for --data curve)." };
        var cmd = new Command("train", "Train a network by backpropagation.")
        {
            data, labels, layers, activation, epochs, batch, lr, optimizer, momentum, iterations, seed, testFraction, augment, cosine, save, plot,
        };
        CommonOptions.AddFileReading(cmd, scale: true);
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            string source = parse.GetValue(data)!;
            CommonOptions.CheckOutputFiles(parse.GetValue(save));
            if (parse.GetValue(save) is { Length: > 0 } target) ModelFile.FormatOf(target);
            CommonOptions.CheckOutputFolder(parse.GetValue(plot));
            if (source == "curve" && parse.GetValue(save) is { Length: > 0 })
                throw new UserInputException("--save writes a classifier; the course network of --data curve is not saved (--plot draws its curve).");
            var world = ctx.World;
            if (world is not null && source == "curve")
                throw new UserInputException("--data curve trains the course's small network in one process: run it without mpirun.");
            if (world is not null && parse.GetValue(augment) != 0)
                throw new UserInputException("--augment is not available under mpirun: the random shifts are drawn for the whole batch in one process.");
            if (source == "curve")
                return TrainCurve(ctx, parse.GetValue(layers), parse.GetValue(iterations), parse.GetValue(lr) ?? 7, parse.GetValue(seed), parse.GetValue(plot));
            var kind = parse.GetValue(optimizer);
            var hidden = parse.GetValue(activation);
            var options = new TrainingOptions
            {
                Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batch),
                LearningRate = parse.GetValue(lr) ?? (kind == OptimizerKind.Adam ? 0.001 : 0.1),
                Optimizer = kind,
                Momentum = parse.GetValue(momentum),
                Seed = parse.GetValue(seed),
                CosineDecay = parse.GetValue(cosine),
                Augmentation = parse.GetValue(augment) switch
                {
                    0 => null,
                    > 0 and <= 8 and var pixels => new ImageShift(Mnist.Side, Mnist.Side, pixels),
                    var other => throw new UserInputException($"--augment must be between 0 and 8 pixels, got {other}."),
                },
            };
            double fraction = CommonOptions.InRange("--test-fraction", parse.GetValue(testFraction), 0, 0.95);

            var load = Stopwatch.StartNew();
            // Under mpirun every rank holds the data set (the ranks share each batch of one shuffled order).
            var all = world is null ? LoadData(source, parse.GetValue(labels), ctx, parse) : Agreement.Run(world, () => LoadData(source, parse.GetValue(labels), ctx, parse));
            var (train, test) = all.Split(fraction, options.Seed);
            double loadSeconds = load.Elapsed.TotalSeconds;
            int classes = all.Labels.Length == 0 ? 0 : all.Labels.Max() + 1;
            var sizes = Sizes(parse.GetValue(layers), all.FeatureCount, classes);
            var network = Mlp<float>.Create(sizes, hidden, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, options.Seed);

            double warmupSeconds = Trainer.WarmUp(() => Mlp<float>.Create(sizes, hidden, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, options.Seed),
                train, options, ctx.Cancellation).TotalSeconds;

            var reports = ProgressDisplay.Run(ctx, display =>
            {
                using var stage = display.Start($"epoch 1/{options.Epochs}");
                var progress = stage.Described(p => $"epoch {p.Step}/{options.Epochs} (loss {p.Measure:F4})");
                return world is null
                    ? Trainer.Train(network, train, test.Count > 0 ? test : null, options, progress, ctx.Cancellation)
                    : DistributedTrainer.Train(world, network, train, test.Count > 0 ? test : null, options, progress, ctx.Cancellation);
            });
            if (!ctx.Reports) return ExitCodes.Success;
            double trainSeconds = reports.Sum(r => r.Seconds);
            if (parse.GetValue(save) is { Length: > 0 } modelPath) ModelFile.Save(modelPath, network);
            var plots = parse.GetValue(plot) is { Length: > 0 } dir ? TrainingPlots.SaveClassifier(dir, reports) : [];
            double samplesPerSecond = (double)train.Count * options.Epochs / trainSeconds;
            ctx.Emit(new
            {
                data = source,
                layers = sizes,
                activation = MlpFile.Name(hidden),
                optimizer = kind.ToString().ToLowerInvariant(),
                train_samples = train.Count,
                test_samples = test.Count,
                epochs = reports.Select(r => new { epoch = r.Epoch, loss = r.Loss, train_accuracy = r.TrainAccuracy, test_accuracy = r.TestAccuracy, seconds = r.Seconds }),
                samples_per_second = samplesPerSecond,
                seconds = trainSeconds,
                warmup_seconds = warmupSeconds,
                load_seconds = loadSeconds,
                plots,
                processes = world?.Size,
                batch_per_process = world is null ? (int?)null : options.BatchSize,
            }, () =>
            {
                var table = new Table().AddColumns("epoch", "loss", "train accuracy", "test accuracy", "seconds");
                foreach (var r in reports)
                {
                    table.AddRow(r.Epoch.ToString(CultureInfo.InvariantCulture), r.Loss.ToString("F4", CultureInfo.InvariantCulture),
                        r.TrainAccuracy.ToString("P2", CultureInfo.InvariantCulture), r.TestAccuracy?.ToString("P2", CultureInfo.InvariantCulture) ?? "-",
                        r.Seconds.ToString("F2", CultureInfo.InvariantCulture));
                }
                ctx.Console.Write(table);
                ctx.Output.WriteLine($"{string.Join('-', sizes)} network, {train.Count} training samples: {samplesPerSecond:N0} samples/s"
                    + (world is null ? "" : $" ({world.Size} MPI processes, {options.BatchSize} samples each per step)"));
                foreach (var p in plots) ctx.Output.WriteLine($"wrote {p}");
            });
            return ExitCodes.Success;
        }, ("Epochs", "--epochs"), ("BatchSize", "--batch"), ("LearningRate", "--lr"), ("Momentum", "--momentum"), ("samples", "--data"),
            ("Augmentation", "--augment"), ("sizes", "--layers"), ("testFraction", "--test-fraction"), ("aggression", "--lr"));
        return cmd;
    }

    private static int TrainCurve(CliContext ctx, string? layers, int iterations, double aggression, ulong seed, string? plotDir)
    {
        if (layers is not null && layers.Replace(" ", "", StringComparison.Ordinal) != "1,6,7,2")
            throw new UserInputException("--data curve trains the course's 1,6,7,2 network; leave --layers out or give 1,6,7,2.");
        if (iterations < 1) throw new UserInputException($"--iterations must be at least 1, got {iterations}.");
        var (x, y) = CurveData.CourseTrainingData();   // the course's training_data(): its heart, t = 0 … 0.99
        var network = new CourseNetwork(seed);
        var watch = Stopwatch.StartNew();
        var training = ProgressDisplay.Run(ctx, display =>
        {
            using var stage = display.Start("steepest descent");
            return network.Train(x, y, iterations, aggression, recordEvery: Math.Max(1, iterations / 100), progress: stage, cancellationToken: ctx.Cancellation);
        });
        double seconds = watch.Elapsed.TotalSeconds;
        var plots = plotDir is { Length: > 0 } ? TrainingPlots.SaveCourse(plotDir, network, y, training) : [];
        ctx.Emit(new
        {
            data = "curve",
            layers = new[] { 1, 6, 7, 2 },
            iterations,
            aggression,
            initial_cost = training.Costs[0].Cost,
            final_cost = training.FinalCost,
            costs = training.Costs.Select(c => new { iteration = c.Iteration, cost = c.Cost }),
            seconds,
            plots,
        }, () =>
        {
            ctx.Output.WriteLine($"1-6-7-2 network, {iterations:N0} steepest-descent steps (aggression {aggression}): cost {training.Costs[0].Cost:G4} → {training.FinalCost:G4} in {seconds:F1} s");
            foreach (var p in plots) ctx.Output.WriteLine($"wrote {p}");
        });
        return ExitCodes.Success;
    }

    private static Command Eval(Func<ParseResult, CliContext> context)
    {
        var model = new Option<string>("--model") { Description = "A model written by 'mml nn train --save'.", Required = true };
        var data = DataOption();
        var labels = LabelsOption();
        var testFraction = TestFractionOption();
        var seed = SeedOption();
        var all = new Option<bool>("--all") { Description = "Evaluate on every sample, not only the held-out split." };
        var cmd = new Command("eval", "Evaluate a trained classifier on held-out data.") { model, data, labels, testFraction, seed, all };
        CommonOptions.AddFileReading(cmd, scale: true);
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var network = MlpFile.Load(parse.GetValue(model)!);
            string source = parse.GetValue(data)!;
            if (source == "curve") throw new UserInputException("'mml nn eval' evaluates classifiers; --data curve is for training the course network.");
            var dataset = LoadData(source, parse.GetValue(labels), ctx, parse);
            if (!parse.GetValue(all))
                dataset = dataset.Split(CommonOptions.InRange("--test-fraction", parse.GetValue(testFraction), 0.001, 0.95), parse.GetValue(seed)).Test;
            if (dataset.FeatureCount != network.Inputs)
                throw new UserInputException($"the data has {dataset.FeatureCount} features but the model takes {network.Inputs} inputs.");
            foreach (int label in dataset.Labels)
                if (label >= network.Outputs) throw new UserInputException($"label {label} is out of range for a model with {network.Outputs} outputs.");
            var watch = Stopwatch.StartNew();
            var predictions = network.Predict(dataset.Features, dataset.Count);
            double seconds = watch.Elapsed.TotalSeconds;
            int correct = predictions.Where((p, i) => p == dataset.Labels[i]).Count();
            double accuracy = dataset.Count == 0 ? double.NaN : (double)correct / dataset.Count;
            ctx.Emit(new { samples = dataset.Count, accuracy, predictions = dataset.Count <= 100_000 ? predictions : null, seconds },
                () => ctx.Output.WriteLine($"{correct} of {dataset.Count} correct: accuracy {accuracy:P2}"));
            return ExitCodes.Success;
        }, ("samples", "--data"), ("testFraction", "--test-fraction"));
        return cmd;
    }

    private static Option<string?> LabelsOption() => new("--labels")
    {
        Description = "Labels of --data FILE (IDX, CSV or .npy); without it the last column of FILE holds them.",
    };

    private static Dataset<float> LoadData(string source, string? labelsPath, CliContext ctx, ParseResult parse)
    {
        if (source == "mnist")
        {
            if (labelsPath is not null) throw new UserInputException("--labels goes with --data FILE, not with --data mnist.");
            var mnist = MnistData.Load(ctx);
            return Dataset<float>.FromMatrix(mnist.Images, mnist.Labels);
        }
        if (labelsPath is null)
        {
            var (x, y) = DataSetFile.ReadLabelledRows(source, CommonOptions.TextReading(parse), CommonOptions.Scaling(parse));
            return Dataset<float>.FromMatrix(x, y);
        }
        var samples = CommonOptions.ReadSamples(source, parse);
        var given = DataSetFile.ReadLabels(labelsPath);
        if (given.Length != samples.Rows)
            throw new UserInputException($"{labelsPath} holds {given.Length} labels for the {samples.Rows} samples of {source}.");
        return Dataset<float>.FromMatrix(samples, given);
    }

    private static int[] Sizes(string? text, int features, int classes)
    {
        if (text is null) return [features, 64, classes];
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
                throw new UserInputException($"--layers must be positive integers separated by commas, got '{text}'.");
        }
        if (sizes.Length < 2) throw new UserInputException($"--layers needs at least an input and an output size, got '{text}'.");
        if (sizes[0] != features) throw new UserInputException($"--layers starts with {sizes[0]} inputs but the data has {features} features.");
        if (sizes[^1] < classes) throw new UserInputException($"--layers ends with {sizes[^1]} outputs but the data has {classes} classes (labels 0 … {classes - 1}).");
        return sizes;
    }
}
