using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MathForML.Data;
using MathForML.Distributed;
using MathForML.Distributed.Graphs;
using MathForML.Graphs;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using static MathForML.Cli.Commands.CommonOptions;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml pagerank</c>: the course's dense PageRank over a link matrix (<c>--links</c>) or a generated internet
/// (<c>--internet</c>: the library's recipe; <c>--course-internet</c>: the course's <c>generate_internet</c> from NumPy's
/// seeded stream), ranks summing to 100; or the sparse power iteration over an edge list (<c>--edges</c>) or an
/// R-MAT graph (<c>--rmat</c>), ranks summing to 1. Exit 1 when the iteration limit is reached first.
/// </summary>
internal static class PageRankCommand
{
    private sealed record Inputs(string? Links, string? Edges, int? Rmat, int? Internet, int? CourseInternet);

    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var links = new Option<string?>("--links") { Description = "Link matrix file: column j holds the probabilities of the links out of page j (the course's version)." };
        var normalize = new Option<bool>("--normalize") { Description = "Scale each non-zero column of the link matrix to sum 1." };
        var edges = new Option<string?>("--edges") { Description = "Edge list: text 'src dst' lines (SNAP style) or .bin int32 pairs." };
        var rmat = new Option<int?>("--rmat") { Description = "Generate an R-MAT graph (Graph500 a=0.57, b=0.19, c=0.19) on 2^SCALE nodes." };
        var edgeFactor = new Option<int>("--edge-factor") { Description = "Edges per node of the R-MAT graph.", DefaultValueFactory = _ => 16 };
        var internet = new Option<int?>("--internet") { Description = $"Generate a course-style random internet of N pages by the library's recipe: clusters of important pages, self-linking pages (at most {InternetGenerator.MaxPages})." };
        var courseInternet = new Option<int?>("--course-internet") { Description = $"The course's generate_internet(N) after np.random.seed(SEED), equal to NumPy's (SEED 0 to 4294967295; N at most {CourseInternet.MaxPages})." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated graph (for --course-internet, NumPy's seed: at most 4294967295).", DefaultValueFactory = _ => 1 };
        var nodes = new Option<int?>("--nodes") { Description = "Number of nodes of the edge list (default: largest id + 1)." };
        var damping = new Option<double?>("--damping") { Description = "Damping d in [0, 1] (default 0.85; 1 for --links, as in the course)." };
        var tol = new Option<double?>("--tol") { Description = "Stop when the change falls below this (default 1e-10 in L1 for graphs); for the course's --links and --internet, when it is at most this in L2, as the course's loop (default 0.01)." };
        var maxIter = new Option<int>("--max-iter") { Description = "Iteration limit.", DefaultValueFactory = _ => 1000 };
        var personalization = new Option<string?>("--personalization") { Description = "File of n non-negative jump probabilities summing to 1 (graphs only)." };
        var top = new Option<int>("--top") { Description = "How many top nodes to show.", DefaultValueFactory = _ => 10 };
        var output = OutOption("Write all ranks as CSV 'node,rank'.");
        var plot = new Option<string?>("--plot") { Description = "Draw the ranks as a bar chart (PNG, or SVG by extension): every page up to 60 pages, else the top nodes." };
        var all = new Option<bool>("--all") { Description = "Include all ranks in JSON even above 100000 nodes." };
        var cmd = new Command("pagerank", "PageRank by power iteration.")
        {
            links, normalize, edges, nodes, rmat, edgeFactor, internet, courseInternet, seed, damping, tol, maxIter, personalization, top, output, plot, all,
        };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var inputs = new Inputs(parse.GetValue(links), parse.GetValue(edges), parse.GetValue(rmat), parse.GetValue(internet), parse.GetValue(courseInternet));
            Validate(parse, inputs, normalize, nodes, edgeFactor, seed, personalization);
            double? dampingValue = parse.GetValue(damping);
            int maxIterations = parse.GetValue(maxIter);
            int topCount = parse.GetValue(top);
            if (topCount < 0) throw new UserInputException($"--top must not be negative, got {topCount}.");
            var report = new ReportOptions(topCount, parse.GetValue(output), parse.GetValue(plot), parse.GetValue(all));
            CheckOutputFiles(report.Out, report.Plot);

            if (inputs.Links is not null || inputs.Internet is not null || inputs.CourseInternet is not null)
            {
                var load = Stopwatch.StartNew();
                Matrix l;
                if (inputs.Links is { } linkPath)
                {
                    l = MatrixFile.Read(linkPath);
                    if (parse.GetValue(normalize)) l = PageRank.NormalizeColumns(l);
                }
                else if (inputs.CourseInternet is { } coursePages)
                {
                    ulong numPySeed = parse.GetValue(seed);
                    if (numPySeed > uint.MaxValue)
                        throw new UserInputException($"--seed: the course's internet takes NumPy's seeds 0 to 4294967295, got {numPySeed}.");
                    l = CourseInternet.Generate(coursePages, (uint)numPySeed);
                }
                else
                {
                    l = InternetGenerator.Generate(inputs.Internet!.Value, parse.GetValue(seed));
                }
                double loadSeconds = load.Elapsed.TotalSeconds;
                var watch = Stopwatch.StartNew();
                var result = PageRank.Course(l, dampingValue ?? (inputs.Links is not null ? 1.0 : 0.85), parse.GetValue(tol) ?? 0.01, maxIterations, ctx.Cancellation);
                int edgeCount = 0;
                foreach (double x in l.AsSpan()) if (x != 0) edgeCount++;
                return Report(ctx, result, l.Rows, edgeCount, report, watch.Elapsed.TotalSeconds, loadSeconds, course: true);
            }
            // The library checks the settings as they are set: before the graph is read.
            var settings = new PageRankOptions { Damping = dampingValue ?? 0.85, Tolerance = parse.GetValue(tol) ?? 1e-10, MaxIterations = maxIterations };
            if (ctx.World is { } world && inputs.Edges is { } distributedPath)
                return Distributed(ctx, world, distributedPath, parse.GetValue(nodes), settings, parse.GetValue(personalization), report);
            if (ctx.World is { Size: > 1 })
                ctx.Warn("under mpirun only --edges is split over the ranks: every rank computes this graph whole.");
            var (graphNodes, graphEdges, ranked, iterateSeconds, graphSeconds) = ProgressDisplay.Run(ctx, display =>
            {
                var load = Stopwatch.StartNew();
                CsrGraph graph;
                if (inputs.Edges is { } edgePath)
                {
                    using var stage = display.Start("reading graph");
                    graph = CsrGraphReader.Read(edgePath, parse.GetValue(nodes), stage, cancellationToken: ctx.Cancellation);
                }
                else
                {
                    using var stage = display.Start($"generating R-MAT scale {inputs.Rmat}", indeterminate: true);
                    graph = RmatGenerator.GenerateGraph(inputs.Rmat!.Value, parse.GetValue(edgeFactor), parse.GetValue(seed), cancellationToken: ctx.Cancellation);
                }
                double loadSeconds = load.Elapsed.TotalSeconds;
                var options = settings with { Personalization = parse.GetValue(personalization) is { } p ? ReadPersonalization(p) : null };
                var iterate = Stopwatch.StartNew();
                PageRankResult result;
                using (var stage = display.Start("iterating"))
                    result = PageRank.Compute(graph, options, progress: stage, cancellationToken: ctx.Cancellation);
                return (graph.NodeCount, graph.EdgeCount, result, iterate.Elapsed.TotalSeconds, loadSeconds);
            });
            // Printed after the progress display has cleared itself from the terminal.
            return Report(ctx, ranked, graphNodes, graphEdges, report, iterateSeconds, graphSeconds, course: false);
        }, ("damping", "--damping"), ("Damping", "--damping"), ("tolerance", "--tol"), ("Tolerance", "--tol"), ("maxIterations", "--max-iter"),
            ("MaxIterations", "--max-iter"), ("l", "--links"), ("linkMatrix", "--links"), ("personalization", "--personalization"),
            ("scale", "--rmat"), ("edgeFactor", "--edge-factor"), ("pages", "--internet"), ("n", "--course-internet"), ("nodeCount", "--nodes"));
        return cmd;
    }

    private static void Validate(ParseResult parse, Inputs inputs, Option<bool> normalize, Option<int?> nodes,
        Option<int> edgeFactor, Option<ulong> seed, Option<string?> personalization)
    {
        int given = (inputs.Links is null ? 0 : 1) + (inputs.Edges is null ? 0 : 1) + (inputs.Rmat is null ? 0 : 1) + (inputs.Internet is null ? 0 : 1)
            + (inputs.CourseInternet is null ? 0 : 1);
        if (given != 1) throw new UserInputException("give exactly one of --links, --edges, --rmat or --internet (or --course-internet).");
        bool Given(Option o) => parse.GetResult(o) is { Implicit: false };
        if (Given(normalize) && inputs.Links is null) throw new UserInputException("--normalize applies to --links only.");
        if (Given(nodes) && inputs.Edges is null) throw new UserInputException("--nodes applies to --edges only.");
        if (Given(edgeFactor) && inputs.Rmat is null) throw new UserInputException("--edge-factor applies to --rmat only.");
        if (Given(seed) && inputs.Rmat is null && inputs.Internet is null && inputs.CourseInternet is null)
            throw new UserInputException("--seed applies to --rmat and --internet (and --course-internet) only.");
        if (Given(personalization) && inputs.Edges is null && inputs.Rmat is null)
            throw new UserInputException("--personalization applies to --edges and --rmat only.");
    }


    /// <summary>
    /// <c>mpirun -np P mml pagerank --edges E</c>: each rank keeps the edges into its block of nodes
    /// (<see cref="PartitionedGraph"/>) and computes its block of every step (<see cref="DistributedPageRank"/>); rank 0
    /// reports. The personalization file is read by every rank.
    /// </summary>
    private static int Distributed(CliContext ctx, ICommunicator world, string path, int? nodeCount, PageRankOptions settings,
        string? personalizationPath, ReportOptions report)
    {
        var load = Stopwatch.StartNew();
        var graph = PartitionedGraph.Read(world, path, nodeCount, ctx.Cancellation);
        var options = settings with { Personalization = personalizationPath is { } p ? Agreement.Run(world, () => ReadPersonalization(p)) : null };
        double loadSeconds = load.Elapsed.TotalSeconds;
        var watch = Stopwatch.StartNew();
        var result = DistributedPageRank.Compute(world, graph, options, cancellationToken: ctx.Cancellation);
        double seconds = watch.Elapsed.TotalSeconds;
        if (!ctx.Reports) return result.Converged ? ExitCodes.Success : ExitCodes.NotConverged;
        return Report(ctx, result, graph.NodeCount, (int)graph.EdgeCount, report, seconds, loadSeconds, course: false);
    }

    private static double[] ReadPersonalization(string path)
    {
        var m = MatrixFile.Read(path);
        if (m.Rows != 1 && m.Columns != 1)
            throw new UserInputException($"{path}: a personalization vector is one row or one column, found {m.Rows}×{m.Columns}.");
        return m.AsSpan().ToArray();
    }

    private sealed record ReportOptions(int Top, string? Out, string? Plot, bool All);

    private static int Report(CliContext ctx, PageRankResult result, int nodes, int edges, ReportOptions options,
        double seconds, double loadSeconds, bool course)
    {
        if (!string.IsNullOrEmpty(options.Out))
        {
            AtomicFile.WriteText(options.Out, w =>
            {
                w.WriteLine("node,rank");
                for (int i = 0; i < result.Ranks.Length; i++)
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i},{result.Ranks[i]:R}"));
            });
        }
        var topNodes = result.Top(options.Top);
        if (!string.IsNullOrEmpty(options.Plot))
        {
            bool everyPage = nodes <= 60;
            var bars = everyPage ? result.Ranks.Select((r, i) => (i, r)).ToArray() : result.Top(Math.Max(options.Top, 1));
            string title = everyPage
                ? $"PageRank of {nodes} pages ({result.Iterations} iterations)"
                : $"Top {bars.Length} of {nodes:N0} nodes by PageRank";
            RankBarPlot.Create(title, bars, course ? "surfers (of 100)" : "rank").Save(options.Plot);
        }
        var top = topNodes.Select(p => new { node = p.Node, rank = p.Rank }).ToArray();
        ctx.Emit(new
        {
            nodes,
            edges,
            iterations = result.Iterations,
            matrix_products = result.MatrixProducts,
            converged = result.Converged,
            ranks = nodes <= 100_000 || options.All ? result.Ranks : null,
            top,
            seconds,
            load_seconds = loadSeconds,
            processes = ctx.World?.Size,
        }, () =>
        {
            ctx.Output.WriteLine($"{nodes} nodes, {edges} edges: {(result.Converged ? "converged" : "NOT converged")} after {result.Iterations} iterations{(course ? $" as the course counts them ({result.MatrixProducts} matrix products)" : "")} ({seconds:F3} s, load {loadSeconds:F3} s{(ctx.World is { } w ? $", {w.Size} MPI processes" : "")})");
            foreach (var p in top) ctx.Output.WriteLine($"  {p.node,10}  {p.rank:G8}");
        });
        if (!result.Converged) ctx.Warn($"did not converge in {result.Iterations} iterations; the ranks are the last iterate.");
        return result.Converged ? ExitCodes.Success : ExitCodes.NotConverged;
    }
}
