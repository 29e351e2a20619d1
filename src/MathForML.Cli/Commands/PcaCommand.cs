using System.CommandLine;
using System.Diagnostics;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.Distributed;
using MathForML.Distributed.DimensionalityReduction;
using MathForML.LinearAlgebra;
using MathForML.Plots;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml pca</c>: principal components of MNIST (fetched on first use) or of a data file (N×D, rows are samples):
/// top-K eigenvalues, explained variance ratios and the reconstruction error for every K up to the ones computed.
/// <c>--out-mean</c>, <c>--out-components</c> and <c>--out-reconstruction</c> write μ (D values), the K components and
/// the input reconstructed from them (N×D, x̃ = B·Bᵀ(x − μ) + μ, with σ when normalised), each atomically in the format
/// its extension names. The components are rows (K×D, scikit-learn's <c>components_</c>) or, with
/// <c>--course-layout</c>, the course's columns (D×K, <c>B = eigvecs[:, :K]</c>; <see cref="Pca.CourseBasis(int)"/>);
/// either way each has its largest-magnitude entry positive (numpy's eig/eigh sign follows no rule).
/// </summary>
internal static class PcaCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var data = new Option<string>("--data") { Description = "'mnist' (the built-in 10,000 digits) or a data file: .csv/.txt, .npy or IDX images.", DefaultValueFactory = _ => "mnist" };
        var labels = new Option<string?>("--labels") { Description = "Labels for a data file (colours the scatter plot): IDX, .npy or one-column text." };
        var components = new Option<int?>("--components") { Description = "K, the number of components, 1 … min(N, D) (default min(50, N, D))." };
        var solver = CommonOptions.EnumOption<PcaSolver>("--solver", "How to find the components: auto, covariance, gram (N < D) or randomized.", PcaSolver.Auto);
        var normalize = new Option<bool>("--normalize") { Description = "Divide each centred feature by its standard deviation (1 where it is 0)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the randomized solver.", DefaultValueFactory = _ => 0 };
        var plots = new Option<string?>("--plots") { Description = "Write the figures (PNG) into this folder." };
        var outMean = new Option<string?>("--out-mean") { Description = "Write the mean μ (D values) to this file: .npy (a 1-D array), .csv (one row), …" };
        var outComponents = new Option<string?>("--out-components") { Description = "Write the K components to this file: rows (K×D) unless --course-layout; each has its largest-magnitude entry positive." };
        var courseLayout = new Option<bool>("--course-layout") { Description = "--out-components as the course's B = eigvecs[:, :K]: one component a column (D×K)." };
        var outReconstruction = new Option<string?>("--out-reconstruction") { Description = "Write the data reconstructed from the K components (N×D, in the data's units) to this file." };
        var cmd = new Command("pca", "Principal component analysis: eigenvalues, explained variance, reconstruction error; --out-mean, --out-components and --out-reconstruction write μ, the components and the data rebuilt from K of them.")
        {
            data, labels, components, solver, normalize, seed, plots, outMean, outComponents, courseLayout, outReconstruction,
        };
        CommonOptions.AddFileReading(cmd, scale: true);
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var plotDir = parse.GetValue(plots) is { Length: > 0 } given ? given : null;
            CommonOptions.CheckOutputFolder(plotDir);
            string? meanPath = parse.GetValue(outMean), componentsPath = parse.GetValue(outComponents), reconstructionPath = parse.GetValue(outReconstruction);
            bool columns = parse.GetValue(courseLayout);
            if (columns && componentsPath is null) throw new UserInputException("--course-layout arranges the file of --out-components; give --out-components FILE.");
            var outputs = new[] { meanPath, componentsPath, reconstructionPath }.Where(f => f is not null).ToArray();
            if (outputs.Contains("-")) throw new UserInputException("--out-mean, --out-components and --out-reconstruction write files: standard output ('-') holds the report.");
            if (outputs.Distinct().Count() < outputs.Length) throw new UserInputException("--out-mean, --out-components and --out-reconstruction name the same file.");
            CommonOptions.CheckMatrixOutputFiles(meanPath, componentsPath, reconstructionPath);
            var load = Stopwatch.StartNew();
            var world = ctx.World;
            if (world is not null)
                RefuseUndistributed(parse.GetValue(labels), plotDir, reconstructionPath, parse.GetValue(normalize), parse.GetValue(solver));
            var (x, y, source, n) = world is null
                ? Load(parse.GetValue(data)!, parse.GetValue(labels), parse, ctx) is var (all, allLabels, allSource) ? (all, allLabels, allSource, all.Rows) : default
                : LoadRows(world, parse.GetValue(data)!, parse, ctx);
            double loadSeconds = load.Elapsed.TotalSeconds;
            int d = x.Columns;
            int k = parse.GetValue(components) ?? Math.Min(50, Math.Min(n, d));
            var solverValue = parse.GetValue(solver);
            var options = new PcaOptions
            {
                // The figures show every eigenvalue and reconstructions up to D components: fit them all once and look at
                // K (the randomized solver finds K only).
                Components = plotDir is null || solverValue == PcaSolver.Randomized ? k : null,
                Solver = solverValue,
                Normalize = parse.GetValue(normalize),
                Seed = parse.GetValue(seed),
            };

            var watch = Stopwatch.StartNew();
            if (world is not null)   // checked alike on every rank, after they have talked: agreed, so rank 0 alone reports it
            {
                Agreement.Run(world, () =>
                {
                    if (k < 1 || k > Math.Min(n, d))
                        throw new UserInputException($"--components must be between 1 and min(N, D) = {Math.Min(n, d)} for {n}×{d} data; got {k}.");
                });
            }
            var fit = world is null ? Pca.Fit(x, options, cancellationToken: ctx.Cancellation) : DistributedPca.Fit(world, x, options with { Components = k }, ctx.Cancellation);
            if (!ctx.Reports) return ExitCodes.Success;
            var pca = plotDir is null ? fit : fit.Truncate(k);
            double seconds = watch.Elapsed.TotalSeconds;
            if (options.Normalize && pca.ConstantFeatures > 0)
                ctx.Warn($"{pca.ConstantFeatures} of {d} features are constant; they are centred but not scaled (standard deviation taken as 1).");
            var errors = pca.ReconstructionErrors();
            var mse = errors.AsSpan(1, Math.Min(k, errors.Length - 1)).ToArray();
            IReadOnlyList<string> figures = plotDir is null ? [] : PcaPlots.SaveAll(plotDir, x, y, fit);
            CommonOptions.WriteIfRequested(meanPath, pca.Mean);
            CommonOptions.WriteIfRequested(componentsPath, columns ? pca.CourseBasis(k) : pca.Components);
            if (reconstructionPath is not null) CommonOptions.WriteIfRequested(reconstructionPath, pca.Reconstruct(x, k));

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
                outputs = outputs.Length > 0 ? outputs : null,
                components_layout = componentsPath is null ? null : columns ? "columns" : "rows",
                seconds,
                load_seconds = loadSeconds,
                data_source = source,
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
                if (meanPath is not null) ctx.Output.WriteLine($"wrote {meanPath} (mean, {d} values)");
                if (componentsPath is not null) ctx.Output.WriteLine($"wrote {componentsPath} (components, {(columns ? $"{d}×{k}, one a column" : $"{k}×{d}, one a row")})");
                if (reconstructionPath is not null) ctx.Output.WriteLine($"wrote {reconstructionPath} (reconstruction from {k} components, {n}×{d})");
            });
            return ExitCodes.Success;
        }, ("x", "--data"), ("Components", "--components"), ("components", "--components"));
        return cmd;
    }

    /// <summary>
    /// Under mpirun the covariance or randomized solver runs over the ranks' rows (<see cref="DistributedPca"/>); what
    /// needs all the rows in one process (labels, plots, the reconstruction, normalisation, the Gram solver) is refused
    /// before anything is read.
    /// </summary>
    private static void RefuseUndistributed(string? labels, string? plots, string? reconstruction, bool normalize, PcaSolver solver)
    {
        string? what = labels is not null ? "--labels" : plots is not null ? "--plots" : reconstruction is not null ? "--out-reconstruction"
            : normalize ? "--normalize" : solver == PcaSolver.Gram ? "--solver gram" : null;
        if (what is not null)
            throw new UserInputException($"{what} is not available under mpirun: the ranks fit the covariance or randomized solver over their own rows (mean, components, eigenvalues); run it in one process.");
    }

    /// <summary>
    /// This rank's share of the samples (rows [N·r/P, N·(r+1)/P)) and N: of a <c>.npy</c> file only those rows are read
    /// (<see cref="NpyFile.ReadRows"/>); other files and MNIST are read whole by each rank and cut. Agreed on by all
    /// ranks, so a file that fails on one rank ends every rank.
    /// </summary>
    private static (Matrix Rows, int[]? Labels, string? Source, int N) LoadRows(ICommunicator world, string data, ParseResult parse, CliContext ctx) =>
        Agreement.Run(world, () =>
        {
            (long First, int Count) Share(long n)
            {
                long first = n * world.Rank / world.Size;
                return (first, (int)(n * (world.Rank + 1) / world.Size - first));
            }

            if (Path.GetExtension(data).Equals(".npy", StringComparison.OrdinalIgnoreCase) && File.Exists(data))
            {
                var header = NpyFile.ReadHeader(data);
                long n = header.Shape.Length == 0 ? 1 : header.Shape[0];
                var (first, count) = Share(n);
                return (NpyFile.ReadRows(data, first, count), (int[]?)null, (string?)null, checked((int)n));
            }

            var (all, _, source) = Load(data, null, parse, ctx);
            var (from, rows) = Share(all.Rows);
            var mine = all.SliceRows((int)from..((int)from + rows));
            return (mine, null, source, all.Rows);
        });

    /// <summary>
    /// The samples, their labels (when known) and, for MNIST, where the digits came from: MNIST for "mnist", else the
    /// file and the optional label file.
    /// </summary>
    internal static (Matrix X, int[]? Labels, string? Source) Load(string data, string? labelsPath, ParseResult parse, CliContext ctx)
    {
        if (data.Equals("mnist", StringComparison.OrdinalIgnoreCase))
        {
            var set = MnistData.Load(ctx);
            return (set.Images, set.Labels, set.Source);
        }

        var x = CommonOptions.ReadSamples(data, parse);
        if (labelsPath is null) return (x, null, null);
        var labels = DataSetFile.ReadLabels(labelsPath);
        if (labels.Length != x.Rows)
            throw new UserInputException($"{labelsPath} holds {labels.Length} labels but {data} holds {x.Rows} samples.");
        return (x, labels, null);
    }
}
