using System.Diagnostics;
using System.Globalization;

namespace MathForML.Benchmarks;

/// <summary>
/// <c>jobs DATA_DIR [--rounds 3] [--mml PATH] [--only NAME,…]</c>: each CLI job of the end-to-end issue and the same job
/// as a numpy/scipy/scikit-learn script (<c>bench/jobs/*.py</c>, <c>../shared/bench/pagerank_job.py</c>), both timed as
/// whole processes (start, JIT or import, read the file, compute, print), interleaved round by round with the order
/// alternating; prints each side's median and the ratio mml / peer as a Markdown table with the CPU named. Each job and
/// script runs once untimed first, as a user's second run finds things: the file in the page cache, mml's JIT profile of
/// the command written (<c>MML_JIT_PROFILE</c>), Python's modules compiled. <c>--no-jit-profile</c> runs mml with the
/// profile off (<c>MML_JIT_PROFILE=0</c>), every method compiled when first called.
/// </summary>
/// <remarks>
/// DATA_DIR holds what <c>../shared/bench/peers.py</c> and <c>knn_peer.py</c> prepare: <c>mnist10k-x.npy</c>,
/// <c>knn/knn-{train,test}-{x,y}.npy</c>, <c>rmat20.bin</c>, and <c>sym2000.npy</c> (made here by
/// <c>peers.py symmetric</c> when missing). Run it with nothing else on the machine. The table's header names the CPU and
/// the BLAS the scripts' numpy runs, and warns when OpenBLAS fell back to a generic kernel on a CPU it does not know.
/// </remarks>
internal static class JobsRun
{
    private sealed record Job(string Name, string Description, string[] Mml, string[] Peer);

    public static int Execute(string dataDir, string[] args, TextWriter output)
    {
        string repo = RepositoryRoot();
        string python = "/usr/bin/python3";
        string shared = Path.GetFullPath(Path.Combine(repo, "..", "shared", "bench"));
        string mml = Option(args, "--mml") ?? Path.Combine(repo, "src", "MathForML.Cli", "bin", "Release", "net10.0", "mml");
        int rounds = int.Parse(Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var only = Option(args, "--only")?.Split(',');
        bool jitProfile = !args.Contains("--no-jit-profile");
        string D(string name) => Path.Combine(dataDir, name);
        string jobs = Path.Combine(repo, "bench", "jobs");
        if (!File.Exists(D("sym2000.npy")))
            Run(python, [Path.Combine(shared, "peers.py"), "symmetric", D("sym2000.npy"), "--n", "2000"], check: true);
        string thurber = Path.Combine(repo, "src", "MathForML.Data", "NistStrd", "Thurber.dat");
        var all = new Job[]
        {
            new("pca", "PCA MNIST 10k×784, 50 components, covariance (.npy)",
                [mml, "pca", "--data", D("mnist10k-x.npy"), "--components", "50", "--solver", "covariance", "--json"],
                [python, Path.Combine(jobs, "pca_job.py"), D("mnist10k-x.npy"), "50"]),
            new("eigvalsh", "eigenvalues only, random symmetric 2000×2000 (.npy)",
                [mml, "linalg", "eig", "--symmetric", "--values-only", D("sym2000.npy"), "--json"],
                [python, Path.Combine(jobs, "eigvalsh_job.py"), D("sym2000.npy")]),
            new("knn", "k-NN MNIST 8,000 train / 2,000 test, k = 3 (.npy)",
                [mml, "knn", "--train", D("knn/knn-train-x.npy"), "--labels", D("knn/knn-train-y.npy"), "--test", D("knn/knn-test-x.npy"), "--test-labels", D("knn/knn-test-y.npy"), "--k", "3", "--json"],
                [python, Path.Combine(jobs, "knn_job.py"), D("knn/knn-train-x.npy"), D("knn/knn-train-y.npy"), D("knn/knn-test-x.npy"), D("knn/knn-test-y.npy"), "3"]),
            new("fit", "NIST Thurber, Levenberg-Marquardt from start 1",
                [mml, "fit", "--data", thurber, "--json"],
                [python, Path.Combine(jobs, "fit_job.py"), thurber]),
            new("pagerank", "PageRank R-MAT scale 20 (binary edge list)",
                [mml, "pagerank", "--edges", D("rmat20.bin"), "--json"],
                [python, Path.Combine(shared, "pagerank_job.py"), D("rmat20.bin")]),
        };
        var selected = all.Where(j => only is null || only.Contains(j.Name)).ToArray();
        var ours = selected.ToDictionary(j => j.Name, _ => new List<double>());
        var peers = selected.ToDictionary(j => j.Name, _ => new List<double>());
        var mmlEnvironment = new Dictionary<string, string> { ["MML_JIT_PROFILE"] = jitProfile ? "1" : "0" };
        foreach (var job in selected)
        {
            Run(job.Mml[0], job.Mml[1..], check: true, mmlEnvironment);
            Run(job.Peer[0], job.Peer[1..], check: true);
        }
        for (int round = 0; round < rounds; round++)
        {
            foreach (var job in selected)
            {
                bool peerFirst = round % 2 == 1;
                if (peerFirst) peers[job.Name].Add(Run(job.Peer[0], job.Peer[1..], check: true));
                ours[job.Name].Add(Run(job.Mml[0], job.Mml[1..], check: true, mmlEnvironment));
                if (!peerFirst) peers[job.Name].Add(Run(job.Peer[0], job.Peer[1..], check: true));
                output.WriteLine($"round {round + 1} {job.Name}: mml {ours[job.Name][^1]:F3} s, peer {peers[job.Name][^1]:F3} s");
            }
        }
        output.WriteLine();
        output.WriteLine($"CPU: {Cpu()}, {Environment.ProcessorCount} cores; medians of {rounds} interleaved rounds, whole processes, after one untimed run each; mml's JIT profile {(jitProfile ? "on" : "off")}.");
        output.WriteLine(PeerBlas(python));
        output.WriteLine();
        output.WriteLine("| job | mml (s) | peer script (s) | ratio mml/peer |");
        output.WriteLine("| --- | --- | --- | --- |");
        foreach (var job in selected)
        {
            double a = Median(ours[job.Name]), b = Median(peers[job.Name]);
            output.WriteLine($"| {job.Description} | {a:F3} ({string.Join(", ", ours[job.Name].Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}) | {b:F3} ({string.Join(", ", peers[job.Name].Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}) | {a / b:F2} |");
        }
        return 0;
    }

    /// <summary>Runs a process to its end and gives its wall time in seconds (its output is read and discarded).</summary>
    private static double Run(string program, string[] arguments, bool check, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        double seconds = watch.Elapsed.TotalSeconds;
        if (check && process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        return seconds;
    }

    /// <summary>OpenBLAS kernels older than AVX2, which OpenBLAS falls back to on a CPU it does not know.</summary>
    private static readonly string[] GenericKernels = ["Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Katmai", "Atom"];

    /// <summary>
    /// Which BLAS the peer scripts' numpy runs (threadpoolctl), with a warning when OpenBLAS took a generic pre-AVX2
    /// kernel: an OpenBLAS older than the CPU does that (0.3.21 on an Emerald Rapids Xeon runs "Prescott", 5× slower
    /// GEMM), and the peer is to be measured at its best (set OPENBLAS_CORETYPE, e.g. Cooperlake or Haswell).
    /// </summary>
    private static string PeerBlas(string python)
    {
        const string probe = "import numpy, threadpoolctl; i = [x for x in threadpoolctl.threadpool_info() if x['user_api'] == 'blas']; "
            + "print(' '.join(str(x.get(k)) for x in i[:1] for k in ('internal_api', 'architecture', 'num_threads')))";
        try
        {
            var start = new ProcessStartInfo(python, ["-c", probe]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
            string text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            if (process.ExitCode != 0 || text.Length == 0) return "Peer BLAS: unknown (threadpoolctl not importable).";
            var parts = text.Split(' ');
            string line = $"Peer BLAS: {parts[0]} {(parts.Length > 1 ? parts[1] : "?")}, {(parts.Length > 2 ? parts[2] : "?")} threads"
                + $"{(Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") is { } core ? $" (OPENBLAS_CORETYPE={core})" : "")}.";
            return parts.Length > 1 && GenericKernels.Contains(parts[1], StringComparer.OrdinalIgnoreCase)
                ? line + " Warning: a generic pre-AVX2 kernel; set OPENBLAS_CORETYPE so the peer runs at its best."
                : line;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "Peer BLAS: unknown (" + e.Message + ").";
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Cpu()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown CPU" : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MathForML.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MathForML.slnx not found above the benchmark's folder.");
    }
}
