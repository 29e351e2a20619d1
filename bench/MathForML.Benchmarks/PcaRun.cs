using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.Statistics;

namespace MathForML.Benchmarks;

/// <summary>
/// The `pca X.npy [--k 50] [--tile 1]` mode, the side-by-side twin of <c>peers.py pca</c> on the same file: centre +
/// covariance + all eigenpairs (the Covariance solver with K = D), and the randomized top-K, each one warm-up then the
/// median of five; also the peak working set. <c>--tile T</c> stacks T copies with N(0, 10⁻⁶) noise as peers.py does
/// (its own noise, so the figures match in size, not in digits).
/// </summary>
internal static class PcaRun
{
    public static void Execute(string path, int k, int tile, TextWriter output)
    {
        var x = NpyFile.ReadMatrix(path);
        if (tile > 1) x = Tile(x, tile);   // the 10k original becomes garbage
        int n = x.Rows, d = x.Columns;
        double dataBytes = 8.0 * n * d;
        output.WriteLine($"# {path} tiled {tile}: {n}×{d}, {Environment.ProcessorCount} cores, kernel path {KernelPathSelection.Best}");

        // Peak memory of one fit: collect, reset the kernel's high-water mark (Linux: clear_refs 5), fit, read VmHWM.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        bool reset = TryResetPeak();
        long before = ReadStatus("VmRSS:");
        var first = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance });
        long peak = ReadStatus("VmHWM:");
        output.WriteLine(JsonSerializer.Serialize(new
        {
            task = "pca-memory",
            solver = first.Solver.ToString(),
            data_mb = dataBytes / 1e6,
            rss_before_fit_mb = before / 1e6,
            peak_rss_mb = peak / 1e6,
            peak_over_data = peak / dataBytes,
            peak_reset = reset,
        }));

        var (full, fullTimes) = Time(() => Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance }));
        Report(output, "mathforml covariance+eigh (all)", n, d, fullTimes, full, k);
        var (randomized, randTimes) = Time(() => Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Randomized, Components = k }));
        Report(output, $"mathforml randomized k={k}", n, d, randTimes, randomized, k);
        double evrFull = full.ExplainedVarianceRatio.AsSpan()[..k].ToArray().Sum();
        double evrRand = randomized.ExplainedVarianceRatio.AsSpan().ToArray().Sum();
        output.WriteLine(JsonSerializer.Serialize(new { task = "pca-randomized-accuracy", evr_sum_exact = evrFull, evr_sum_randomized = evrRand, difference = evrRand - evrFull }));
        if (tile == 1)
        {
            var stats = Path.ChangeExtension(path, null) + ".mathforml-eigenvalues.npy";
            NpyFile.Write(stats, full.Eigenvalues.ToArray(), [d]);
            output.WriteLine($"# eigenvalues written to {stats}");
        }
    }

    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A field of /proc/self/status in bytes (0 where there is none).</summary>
    private static long ReadStatus(string field)
    {
        if (!File.Exists("/proc/self/status")) return 0;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        if (line is null) return 0;
        var kb = line[field.Length..].Trim().Split(' ')[0];
        return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
    }

    internal static Matrix Tile(Matrix x, int tile)
    {
        int n = x.Rows, d = x.Columns;
        var big = new Matrix(n * tile, d);
        var random = new Random(0);
        var data = big.AsSpan();
        var source = x.AsSpan();
        for (int t = 0; t < tile; t++)
        {
            var block = data.Slice(t * n * d, n * d);
            for (int i = 0; i < block.Length; i += 2)
            {
                double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble(), r = 1e-3 * Math.Sqrt(-2 * Math.Log(u1));
                block[i] = source[i] + r * Math.Cos(2 * Math.PI * u2);
                if (i + 1 < block.Length) block[i + 1] = source[i + 1] + r * Math.Sin(2 * Math.PI * u2);
            }
        }

        return big;
    }

    private static (Pca Result, double[] Times) Time(Func<Pca> fit)
    {
        var result = fit();
        var times = new double[5];
        for (int i = 0; i < times.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            result = fit();
            times[i] = watch.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return (result, times);
    }

    private static void Report(TextWriter output, string name, int n, int d, double[] times, Pca p, int k)
    {
        var top = p.ExplainedVariance.AsSpan();
        output.WriteLine(JsonSerializer.Serialize(new
        {
            task = "pca",
            peer = name,
            n,
            d,
            solver = p.Solver.ToString(),
            median_s = times[times.Length / 2],
            min_s = times[0],
            max_s = times[^1],
            top5 = top[..Math.Min(5, top.Length)].ToArray(),
            evr_sum_k = p.ExplainedVarianceRatio.AsSpan()[..Math.Min(k, top.Length)].ToArray().Sum(),
        }));
    }

    internal static int IntOption(string[] args, string name, int fallback)
    {
        for (int i = 1; i < args.Length - 1; i++)
            if (args[i] == name) return int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        return fallback;
    }
}
