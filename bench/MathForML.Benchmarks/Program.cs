using BenchmarkDotNet.Running;
using MathForML.Benchmarks;

// `gflops [--n N] [--ours-only]` times the GEMMs directly and prints GFLOP/s; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "gflops")
{
    int n = 2048;
    for (int i = 1; i < args.Length - 1; i++)
        if (args[i] == "--n") n = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
    GflopsRun.Execute(n, args.Contains("--ours-only"), Console.Out);
    return 0;
}

// `profile X.npy [--tile 1]`: the stage-by-stage time of the PCA solvers.
if (args.Length > 1 && args[0] == "profile")
{
    ProfileRun.Execute(args[1], PcaRun.IntOption(args, "--tile", 1), Console.Out);
    return 0;
}

// `tridiagonal A.npy [--rounds 3] [--whole 1] [--nb 32,48,64]`: the tridiagonal reduction, unblocked and blocked, and the eigensolver.
if (args.Length > 1 && args[0] == "tridiagonal")
{
    TridiagonalRun.Execute(args[1], args, Console.Out);
    return 0;
}

// `svd [--rounds 5] [--sizes 784x784,2000x1000] [--stages 1]`: Svd.Values and Svd.Decompose beside svd_peer.py (scipy gesdd).
if (args.Length > 0 && args[0] == "svd")
{
    SvdRun.Execute(args, Console.Out);
    return 0;
}

// `knn-profile DIR [--k 3]`: where the time of k-NN goes.
if (args.Length > 1 && args[0] == "knn-profile")
{
    KnnProfileRun.Execute(args[1], PcaRun.IntOption(args, "--k", 3), Console.Out);
    return 0;
}

// `readers FILE… [--rounds 5]`: reader throughput from the page cache (.npy ≥ 2 GB/s and CSV ≥ 200 MB/s are the targets).
if (args.Length > 1 && args[0] == "readers")
{
    int at = Array.IndexOf(args, "--rounds");
    var files = args[1..].Where((_, i) => at < 0 || (i + 1 != at && i + 1 != at + 1)).ToArray();
    ReadersRun.Execute(files, PcaRun.IntOption(args, "--rounds", 5), Console.Out);
    return 0;
}

// `pagerank (EDGES.bin | rmat:SCALE [--save FILE]) [--threads 2] [--rounds 5] [--iterations 26] [--variants fast,reference]`: the PageRank steps, as GAP times them.
if (args.Length > 1 && args[0] == "pagerank")
{
    PageRankRun.Execute(args[1], args, Console.Out);
    return 0;
}

// `jobs DATA_DIR [--rounds 3] [--mml PATH] [--only pca,knn]`: whole CLI jobs against their numpy/scipy scripts.
if (args.Length > 1 && args[0] == "jobs")
    return JobsRun.Execute(args[1], args[2..], Console.Out);

// `pca X.npy [--k 50] [--tile 1]` and `knn DIR [--k 3]`: side by side with peers.py pca and knn_peer.py.
if (args.Length > 1 && args[0] is "pca" or "knn")
{
    if (args[0] == "pca") PcaRun.Execute(args[1], PcaRun.IntOption(args, "--k", 50), PcaRun.IntOption(args, "--tile", 1), Console.Out);
    else KnnRun.Execute(args[1], PcaRun.IntOption(args, "--k", 3), Console.Out);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(GemmBenchmarks).Assembly).Run(args);
return 0;
