using System.CommandLine;
using System.Diagnostics;
using MathForML.Cli.Plots;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using MathForML.Statistics;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml pca</c>: principal components of MNIST (fetched on first use) or of a data file (N×D, rows are samples):
/// top-K eigenvalues, explained variance ratios and the reconstruction error for every K up to the ones computed.
/// </summary>
internal static class PcaCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var data = new Option<string>("--data") { Description = "'mnist' (the built-in 10,000 digits) or a data file: .csv/.txt, .npy or IDX images.", DefaultValueFactory = _ => "mnist" };
        var labels = new Option<string?>("--labels") { Description = "Labels for a data file (colours the scatter plot): IDX, .npy or one-column text." };
        var components = new Option<int?>("--components") { Description = "K, the number of components, 1 … min(N, D) (default min(50, N, D))." };
        var solver = new Option<string>("--solver") { Description = "auto, covariance, gram (N < D) or randomized.", DefaultValueFactory = _ => "auto" };
        var normalize = new Option<bool>("--normalize") { Description = "Divide each centred feature by its standard deviation (1 where it is 0)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the randomized solver.", DefaultValueFactory = _ => 0 };
        var plots = new Option<string?>("--plots") { Description = "Write the figures (PNG) into this folder." };
        var cmd = new Command("pca", "Principal component analysis: eigenvalues, explained variance, reconstruction error.")
        {
            data, labels, components, solver, normalize, seed, plots,
        };
        cmd.SetAction(parse =>
        {
            var ctx = context(parse);
            CommonOptions.CheckOutputFolder(parse.GetValue(plots));
            var load = Stopwatch.StartNew();
            var (x, y) = Load(parse.GetValue(data)!, parse.GetValue(labels));
            double loadSeconds = load.Elapsed.TotalSeconds;
            int n = x.Rows, d = x.Columns, max = Math.Min(n, d);
            if (n == 0 || d == 0) throw new UserInputException($"the data set is {n}×{d}; PCA needs at least one sample and one feature.");
            int k = parse.GetValue(components) ?? Math.Min(50, max);
            if (k < 1 || k > max)
                throw new UserInputException($"--components must be between 1 and min(N, D) = {max} for {n}×{d} data, got {k}.");
            var solverName = parse.GetValue(solver)!;
            if (!Enum.TryParse<PcaSolver>(solverName, ignoreCase: true, out var solverValue) || int.TryParse(solverName, out _))
                throw new UserInputException($"--solver must be auto, covariance, gram or randomized, got '{solverName}'.");
            var options = new PcaOptions
            {
                Components = k,
                Solver = solverValue,
                Normalize = parse.GetValue(normalize),
                Seed = parse.GetValue(seed),
            };
            if (options.Normalize && Standardization.Fit(x).ConstantFeatures is > 0 and var constant)
                ctx.Warn($"{constant} of {d} features are constant; they are centred but not scaled (standard deviation taken as 1).");

            var watch = Stopwatch.StartNew();
            var pca = Pca.Fit(x, options);
            double seconds = watch.Elapsed.TotalSeconds;
            var mse = pca.ReconstructionErrors().Skip(1).Take(k).ToArray();
            IReadOnlyList<string> figures = [];
            if (parse.GetValue(plots) is { Length: > 0 } dir)
            {
                var full = pca.ComponentCount == max && pca.Solver != PcaSolver.Randomized
                    ? pca
                    : Pca.Fit(x, options with { Components = max, Solver = n < d ? PcaSolver.Gram : PcaSolver.Covariance });
                figures = PcaPlots.Save(dir, x, y, full);
            }

            ctx.Emit(new
            {
                n,
                d,
                components = k,
                solver = pca.Solver.ToString().ToLowerInvariant(),
                normalized = options.Normalize,
                eigenvalues = pca.ExplainedVariance,
                explained_variance_ratio = pca.ExplainedVarianceRatio,
                reconstruction_mse = mse,
                total_variance = pca.TotalVariance,
                plots = figures.Count > 0 ? figures : null,
                seconds,
                load_seconds = loadSeconds,
            }, () =>
            {
                ctx.Output.WriteLine($"PCA of {n}×{d} data, K = {k}, solver {pca.Solver.ToString().ToLowerInvariant()}{(options.Normalize ? ", normalised" : "")} ({seconds:F3} s; loading {loadSeconds:F3} s)");
                ctx.Output.WriteLine($"{"k",5}  {"eigenvalue",14}  {"ratio",10}  {"cumulative",10}  {"MSE with k",14}");
                double cumulative = 0;
                for (int i = 0; i < k; i++)
                {
                    cumulative += pca.ExplainedVarianceRatio[i];
                    ctx.Output.WriteLine($"{i + 1,5}  {pca.ExplainedVariance[i],14:G8}  {pca.ExplainedVarianceRatio[i],10:F6}  {cumulative,10:F6}  {mse[i],14:G8}");
                }

                foreach (var f in figures) ctx.Output.WriteLine($"wrote {Path.Combine(parse.GetValue(plots)!, f)}");
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>The samples and (when known) their labels: MNIST for "mnist", else the file and the optional label file.</summary>
    internal static (Matrix X, int[]? Labels) Load(string data, string? labelsPath)
    {
        if (data.Equals("mnist", StringComparison.OrdinalIgnoreCase))
        {
            var set = Mnist.Load();
            return (set.Images, set.Labels);
        }

        var x = DataSetFile.ReadSamples(data);
        if (labelsPath is null) return (x, null);
        var labels = DataSetFile.ReadLabels(labelsPath);
        if (labels.Length != x.Rows)
            throw new UserInputException($"{labelsPath} holds {labels.Length} labels but {data} holds {x.Rows} samples.");
        return (x, labels);
    }
}
