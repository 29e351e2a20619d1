using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MathForML.Data;
using MathForML.Graphs;
using static MathForML.Cli.Commands.CommonOptions;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml pagerank</c>: the course's dense PageRank over a link matrix (<c>--links</c>, ranks sum to 100) or the sparse
/// power iteration over an edge list (<c>--edges</c>, ranks sum to 1). Exit 1 when the iteration limit is reached first.
/// </summary>
internal static class PageRankCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var links = new Option<string?>("--links") { Description = "Link matrix file: column j holds the probabilities of the links out of page j (the course's version)." };
        var normalize = new Option<bool>("--normalize") { Description = "Scale each non-zero column of the link matrix to sum 1." };
        var edges = new Option<string?>("--edges") { Description = "Edge list: text 'src dst' lines (SNAP style) or .bin int32 pairs." };
        var nodes = new Option<int?>("--nodes") { Description = "Number of nodes (default: largest id + 1)." };
        var damping = new Option<double?>("--damping") { Description = "Damping d in [0, 1] (default 0.85 for --edges, 1 for --links as in the course)." };
        var tol = new Option<double?>("--tol") { Description = "Stop when the change falls below this (default 1e-10 in L1 for --edges; 0.01 in L2 for --links)." };
        var maxIter = new Option<int>("--max-iter") { Description = "Iteration limit.", DefaultValueFactory = _ => 1000 };
        var top = new Option<int>("--top") { Description = "How many top nodes to show.", DefaultValueFactory = _ => 10 };
        var output = OutOption("Write all ranks as CSV 'node,rank'.");
        var all = new Option<bool>("--all") { Description = "Include all ranks in JSON even above 100000 nodes." };
        var cmd = new Command("pagerank", "PageRank by power iteration.") { links, normalize, edges, nodes, damping, tol, maxIter, top, output, all };
        cmd.SetAction(parse =>
        {
            var ctx = context(parse);
            string? linkPath = parse.GetValue(links), edgePath = parse.GetValue(edges);
            if ((linkPath is null) == (edgePath is null))
                throw new UserInputException("give exactly one of --links or --edges.");
            double? dampingValue = parse.GetValue(damping);
            if (dampingValue is { } dv) InRange("--damping", dv, 0, 1);
            if (parse.GetValue(tol) is { } tv && !(tv > 0)) throw new UserInputException($"--tol must be positive, got {tv}.");
            int maxIterations = parse.GetValue(maxIter);
            if (maxIterations < 1) throw new UserInputException($"--max-iter must be at least 1, got {maxIterations}.");
            int topCount = parse.GetValue(top);
            if (topCount < 0) throw new UserInputException($"--top must not be negative, got {topCount}.");

            var load = Stopwatch.StartNew();
            PageRankResult result;
            int nodeCount, edgeCount;
            double seconds;
            if (linkPath is not null)
            {
                var l = MatrixFile.Read(linkPath);
                if (parse.GetValue(normalize)) l = PageRank.NormalizeColumns(l);
                nodeCount = l.Rows;
                edgeCount = l.AsSpan().ToArray().Count(x => x != 0);
                double loadSeconds0 = load.Elapsed.TotalSeconds;
                var watch = Stopwatch.StartNew();
                result = PageRank.Course(l, dampingValue ?? 1.0, parse.GetValue(tol) ?? 0.01, maxIterations);
                seconds = watch.Elapsed.TotalSeconds;
                return Report(ctx, result, nodeCount, edgeCount, topCount, parse.GetValue(output), parse.GetValue(all), seconds, loadSeconds0);
            }
            var (s, t) = EdgeListFile.Read(edgePath!);
            int? n = parse.GetValue(nodes);
            if (n is { } nv && nv < 0) throw new UserInputException($"--nodes must not be negative, got {nv}.");
            int maxId = -1;
            foreach (var id in s) maxId = Math.Max(maxId, id);
            foreach (var id in t) maxId = Math.Max(maxId, id);
            if (n is { } given && maxId >= given)
                throw new UserInputException($"{edgePath}: node id {maxId} is not below --nodes {given}.");
            var graph = CsrGraph.FromEdges(s, t, n);
            double loadSeconds = load.Elapsed.TotalSeconds;
            nodeCount = graph.NodeCount;
            edgeCount = graph.EdgeCount;
            var iterate = Stopwatch.StartNew();
            result = PageRank.Compute(graph, new PageRankOptions
            {
                Damping = dampingValue ?? 0.85,
                Tolerance = parse.GetValue(tol) ?? 1e-10,
                MaxIterations = maxIterations,
            });
            seconds = iterate.Elapsed.TotalSeconds;
            return Report(ctx, result, nodeCount, edgeCount, topCount, parse.GetValue(output), parse.GetValue(all), seconds, loadSeconds);
        });
        return cmd;
    }

    private static int Report(CliContext ctx, PageRankResult result, int nodes, int edges, int topCount, string? outPath, bool all, double seconds, double loadSeconds)
    {
        if (!string.IsNullOrEmpty(outPath))
        {
            AtomicFile.WriteText(outPath, w =>
            {
                w.WriteLine("node,rank");
                for (int i = 0; i < result.Ranks.Length; i++)
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i},{result.Ranks[i]:R}"));
            });
        }
        var topNodes = result.Top(topCount).Select(p => new { node = p.Node, rank = p.Rank }).ToArray();
        ctx.Emit(new
        {
            nodes,
            edges,
            iterations = result.Iterations,
            converged = result.Converged,
            ranks = nodes <= 100_000 || all ? result.Ranks : null,
            top = topNodes,
            seconds,
            load_seconds = loadSeconds,
        }, () =>
        {
            ctx.Output.WriteLine($"{nodes} nodes, {edges} edges: {(result.Converged ? "converged" : "NOT converged")} after {result.Iterations} iterations ({seconds:F3} s)");
            foreach (var p in topNodes) ctx.Output.WriteLine($"  {p.node,10}  {p.rank:G8}");
        });
        if (!result.Converged) ctx.Warn($"did not converge in {result.Iterations} iterations; the ranks are the last iterate.");
        return result.Converged ? ExitCodes.Success : ExitCodes.NotConverged;
    }
}
