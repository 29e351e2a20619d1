using System.CommandLine;
using System.Diagnostics;
using MathForML.Geometry;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml geometry similar --data FILE (--row I | --query v) [--k K]</c>: the rows of a data set nearest to row I (left
/// out itself, the course's week-2 <c>most_similar_image</c>) or to a given vector, by Euclidean distance
/// (<see cref="NearestRows"/>; equal distances go to the smaller index).
/// </summary>
internal static class GeometrySimilarCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var data = new Option<string>("--data") { Description = "Data file, N×D (rows are samples): .csv/.txt, .npy, .npz, IDX images, .arrow/.feather or .parquet.", Required = true };
        var row = new Option<int?>("--row") { Description = "Find the rows nearest to this 0-based row, leaving it out." };
        var query = new Option<string?>("--query") { Description = "Find the rows nearest to this vector (D elements, comma-separated)." };
        var k = new Option<int>("--k") { Description = "How many nearest rows, nearest first.", DefaultValueFactory = _ => 1 };
        var cmd = new Command("similar", "The most similar rows of a data set by Euclidean distance, to one of its rows (itself left out) or to a vector (the course's most_similar_image).") { data, row, query, k };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            int? index = parse.GetValue(row);
            string? queryText = parse.GetValue(query);
            if ((index is null) == (queryText is null)) throw new UserInputException("give exactly one of --row I (a row of the data) or --query v (a vector).");
            var q = queryText is null ? null : InlineValues.Vector("--query", queryText);
            string path = parse.GetValue(data)!;
            var load = Stopwatch.StartNew();
            var x = CommonOptions.ReadSamples(path, parse);
            double loadSeconds = load.Elapsed.TotalSeconds;
            if (index is { } i && (i < 0 || i >= x.Rows))
                throw new UserInputException($"--row {i} is out of range: {path} has {x.Rows} rows, numbered 0 … {x.Rows - 1}.");
            if (q is not null && q.Length != x.Columns)
                throw new UserInputException($"--query has {q.Length} elements but the rows of {path} have {x.Columns}.");
            var watch = Stopwatch.StartNew();
            var found = NearestRows.Find(x, q ?? x.Row(index!.Value), parse.GetValue(k), index);
            double seconds = watch.Elapsed.TotalSeconds;
            ctx.Emit(new
            {
                n = x.Rows,
                d = x.Columns,
                row = index,
                query = q,
                k = found.Length,
                index = found[0].Index,
                distance = found[0].Distance,
                neighbors = found.Select(f => new { index = f.Index, distance = f.Distance }),
                seconds,
                load_seconds = loadSeconds,
            }, () =>
            {
                string of = index is { } r ? $"row {r} (itself left out)" : "the query";
                ctx.Output.WriteLine($"The {(found.Length == 1 ? "row" : $"{found.Length} rows")} of {x.Rows} nearest to {of} by Euclidean distance:");
                ctx.Output.WriteLine($"{"row",8}  {"distance",22}");
                foreach (var f in found) ctx.Output.WriteLine($"{f.Index,8}  {f.Distance,22:R}");
            });
            return ExitCodes.Success;
        }, ("k", "--k"), ("x", "--data"), ("query", "--query"));
        return cmd;
    }
}
