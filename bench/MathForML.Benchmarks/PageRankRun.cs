using System.Diagnostics;
using MathForML.Data;
using MathForML.Graphs;
using MathForML.Kernels;

namespace MathForML.Benchmarks;

/// <summary>
/// The `pagerank (EDGES.bin | rmat:SCALE [--save FILE]) [--threads 2] [--rounds 5] [--iterations 26 | --tol T] [--variants fast,reference]` mode: the sparse
/// PageRank's steps alone, timed as the GAP Benchmark Suite's <c>pr_spmv</c> times its own (a fixed number of
/// iterations on a graph already built; <c>../shared/bench/gap.sh</c> runs GAP on the same file). Each variant is warmed
/// up once (which also builds its cached layout), then the rounds are interleaved; the median and best are printed in
/// seconds and in edge-iterations per second (edges as the graph counts them: duplicates included, unlike GAP's count).
/// </summary>
internal static class PageRankRun
{
    public static void Execute(string path, string[] args, TextWriter output)
    {
        int threads = PcaRun.IntOption(args, "--threads", 2), rounds = PcaRun.IntOption(args, "--rounds", 5);
        int iterations = PcaRun.IntOption(args, "--iterations", 26);
        int at = Array.IndexOf(args, "--variants");
        var variants = (at >= 0 && at + 1 < args.Length ? args[at + 1] : "fast,reference").Split(',');
        var clock = Stopwatch.StartNew();
        // "rmat:SCALE" generates the graph (edge factor 16, seed 1); --save FILE writes its edge list (for gap.sh).
        CsrGraph graph;
        if (path.StartsWith("rmat:", StringComparison.Ordinal))
        {
            var (sources, targets) = RmatGenerator.Generate(int.Parse(path[5..], System.Globalization.CultureInfo.InvariantCulture));
            int save = Array.IndexOf(args, "--save");
            if (save >= 0 && save + 1 < args.Length) EdgeListFile.Write(args[save + 1], sources, targets);
            graph = CsrGraph.FromEdges(sources, targets);
        }
        else
        {
            // As `mml pagerank --edges` builds it: a .bin streamed twice and never held whole (the edge arrays of
            // EdgeListFile.Read and then CsrGraph.FromEdges took 20.6 s at scale 24 against 11.5–11.8 s this way).
            graph = CsrGraphReader.Read(path);
        }

        output.WriteLine($"# {Path.GetFileName(path)}: {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges, built in {clock.Elapsed.TotalSeconds:F2} s; "
            + $"{threads} threads, {iterations} iterations, kernel path {KernelPathSelection.Best}, {rounds} rounds");
        // --tol T instead runs to convergence (L1 change below T), for the distance between the variants' answers.
        int tolAt = Array.IndexOf(args, "--tol");
        var options = tolAt >= 0 && tolAt + 1 < args.Length
            ? new PageRankOptions { Tolerance = double.Parse(args[tolAt + 1], System.Globalization.CultureInfo.InvariantCulture) }
            : new PageRankOptions { Tolerance = double.Epsilon, MaxIterations = iterations };
        // Each variant is warmed up once (which also builds its layout), then the rounds visit the variants in turn, so a
        // burst of load from another process falls on all of them alike.
        var runs = new Func<PageRankResult>[variants.Length];
        var times = new double[variants.Length][];
        var process = Process.GetCurrentProcess();
        double[]? firstRanks = null;
        for (int v = 0; v < variants.Length; v++)
        {
            string variant = variants[v];
            runs[v] = variant switch
            {
                "fast" => () => PageRank.Compute(graph, options, threads),
                "reference" => () => PageRank.ComputeReference(graph, options, threads),
                _ when variant.StartsWith("seg-", StringComparison.Ordinal) => Segmented(graph, options, threads, variant),
                _ => throw new ArgumentException($"Unknown variant {variant} (fast, reference, seg-BITS-TILEWORKBITS-PATHBITS)."),
            };
            clock.Restart();
            var result = runs[v]();
            double first = clock.Elapsed.TotalSeconds;
            firstRanks ??= result.Ranks;
            double l1 = 0;
            for (int i = 0; i < result.Ranks.Length; i++) l1 += Math.Abs(result.Ranks[i] - firstRanks[i]);
            output.WriteLine($"# {variant}: first run {first:F3} s ({result.Iterations} iterations), L1 distance from {variants[0]} {l1:G3}");
            times[v] = new double[rounds];
        }

        for (int r = 0; r < rounds; r++)
        {
            for (int v = 0; v < variants.Length; v++)
            {
                clock.Restart();
                var result = runs[v]();
                times[v][r] = clock.Elapsed.TotalSeconds;
                if (tolAt < 0 && result.Iterations != iterations) throw new InvalidOperationException($"{variants[v]} stopped after {result.Iterations} iterations.");
            }
        }

        for (int v = 0; v < variants.Length; v++)
        {
            var sorted = times[v].Order().ToArray();
            double median = sorted[rounds / 2];
            output.WriteLine($"{variants[v],-16} median {median:F3} s, best {sorted[0]:F3} s ({string.Join(" ", times[v].Select(t => t.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}); "
                + $"{(double)graph.EdgeCount * iterations / median / 1e9:F3}G edge-iterations/s at the median, {(double)graph.EdgeCount * iterations / sorted[0] / 1e9:F3}G at best");
        }
    }

    /// <summary>`seg-16-19-512`: segments of 2^16 nodes, tiles of 2^19 work, the 512-bit path (256, 0 for scalar).</summary>
    private static Func<PageRankResult> Segmented(CsrGraph graph, PageRankOptions options, int threads, string variant)
    {
        var parts = variant.Split('-');
        int bits = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        int work = 1 << int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        var path = parts[3] switch { "512" => KernelPath.Vector512, "256" => KernelPath.Vector256, _ => KernelPath.Scalar };
        var clock = Stopwatch.StartNew();
        var layout = SourceSegments.Build(graph, bits, work);
        Console.Error.WriteLine($"# {variant}: {layout.TileCount} tiles, {layout.PairTargets.Length:N0} pairs, built in {clock.Elapsed.TotalSeconds:F3} s");
        var method = parts.Length > 4 && parts[4] == "tile" ? SparsePageRank.Method.SegmentedByTile : SparsePageRank.Method.Segmented;
        return () => SparsePageRank.Run(graph, options, threads, null, method, path, layout, CancellationToken.None);
    }
}
