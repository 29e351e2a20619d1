using System.CommandLine;
using System.Diagnostics;
using MathForML.LinearAlgebra;
using MathForML.Statistics;
using static MathForML.Cli.Commands.CommonOptions;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml stats mean FILE</c> and <c>mml stats cov FILE [--ddof 1]</c>: the PCA course's week 1 on a data file (N×D,
/// one sample a row, any format <c>mml pca --data</c> reads): the mean μ = (1/N)·Σₙ xₙ and the covariance
/// S = (1/(N − ddof))·Σₙ (xₙ − μ)(xₙ − μ)ᵀ, by <see cref="SampleStatistics"/>. ddof 0 (the default) is the course's
/// convention, divide by N (<c>cov_naive</c>, <c>np.cov(X.T, bias=True)</c>); ddof 1 divides by N − 1 (<c>np.cov(X.T)</c>).
/// </summary>
internal static class StatsCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var stats = new Command("stats", "Statistics of a data set (rows are samples, columns features): mean vector and covariance matrix.");
        stats.Subcommands.Add(Mean(context));
        stats.Subcommands.Add(Covariance(context));
        foreach (var c in stats.Subcommands) AddFileReading(c, scale: true);
        return stats;
    }

    private static Argument<string> DataArgument() =>
        MatrixArgument("FILE", "Data file, N×D (rows are samples): .csv/.txt, .npy, .npz, IDX images, .arrow/.feather or .parquet; - reads text from standard input.");

    private static Command Mean(Func<ParseResult, CliContext> context)
    {
        var file = DataArgument();
        var output = OutOption("Write the mean (D values) to this file: .npy holds a 1-D array, other formats one row; - prints CSV.");
        var cmd = new Command("mean", "The mean vector μ = (1/N)·Σₙ xₙ of the rows (the course's mean_naive, np.mean(X, axis=0)).") { file, output };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            string? target = parse.GetValue(output);
            CheckMatrixOutputFiles(target);
            var (x, loadSeconds) = Load(parse.GetValue(file)!, parse);
            var watch = Stopwatch.StartNew();
            var mean = SampleStatistics.Mean(x);
            double seconds = watch.Elapsed.TotalSeconds;
            WriteIfRequested(target, mean);
            ctx.Emit(new { n = x.Rows, d = x.Columns, mean, seconds, load_seconds = loadSeconds }, () =>
            {
                if (target == "-") return;
                ctx.Output.WriteLine($"Mean of {x.Rows} samples of {x.Columns} features:");
                MatrixPrinter.Print(ctx.Output, "μ", mean);
                if (target is not null) ctx.Output.WriteLine($"wrote {target}");
            });
            return ExitCodes.Success;
        }, ("x", "FILE"));
        return cmd;
    }

    private static Command Covariance(Func<ParseResult, CliContext> context)
    {
        var file = DataArgument();
        var ddof = new Option<int>("--ddof")
        {
            Description = "Divide by N − ddof: 0 (default) is the course's biased covariance (divide by N, np.cov(X.T, bias=True)); 1 the sample covariance (divide by N − 1, np.cov(X.T)).",
            DefaultValueFactory = _ => 0,
        };
        var output = OutOption("Write the D×D covariance matrix to this file (.npy, .csv, …); - prints CSV.");
        var cmd = new Command("cov", "The covariance matrix S = (1/(N − ddof))·Σₙ (xₙ − μ)(xₙ − μ)ᵀ of the rows (the course's cov_naive; ddof 0 divides by N).") { file, ddof, output };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            string? target = parse.GetValue(output);
            CheckMatrixOutputFiles(target);
            int divisorShift = parse.GetValue(ddof);
            var (x, loadSeconds) = Load(parse.GetValue(file)!, parse);
            var watch = Stopwatch.StartNew();
            var covariance = SampleStatistics.Covariance(x, divisorShift);
            double seconds = watch.Elapsed.TotalSeconds;
            WriteIfRequested(target, covariance);
            ctx.Emit(new { n = x.Rows, d = x.Columns, ddof = divisorShift, covariance, seconds, load_seconds = loadSeconds }, () =>
            {
                if (target == "-") return;
                ctx.Output.WriteLine($"Covariance of {x.Rows} samples of {x.Columns} features, divided by {(divisorShift == 0 ? "N" : $"N − {divisorShift}")} = {x.Rows - divisorShift}:");
                MatrixPrinter.Print(ctx.Output, "S", covariance);
                if (target is not null) ctx.Output.WriteLine($"wrote {target}");
            });
            return ExitCodes.Success;
        }, ("x", "FILE"), ("ddof", "--ddof"));
        return cmd;
    }

    private static (Matrix X, double Seconds) Load(string path, ParseResult parse)
    {
        var watch = Stopwatch.StartNew();
        var x = ReadSamples(path, parse);
        return (x, watch.Elapsed.TotalSeconds);
    }
}
