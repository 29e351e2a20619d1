using System.Diagnostics;
using System.Globalization;
using MathForML.Data;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;

namespace MathForML.Benchmarks;

/// <summary>
/// The `tridiagonal A.npy [--rounds 3] [--whole 1] [--unblocked 1] [--nb 32,48,64] [--crossover 128] [--parallel-order N] [--two-stage 32,48]` mode: the tridiagonal
/// reduction of the symmetric matrix in A.npy, unblocked (dsytd2) and blocked (dsytrd) for each panel width, with the
/// panel's symmetric products on one core and from the given trailing order on every core; with --two-stage, the
/// two-stage reduction for each bandwidth (each stage alone, the chase on one and on every core, both stages with the
/// eigenvalues of T, and their largest difference to the one-stage path's); then, with --whole 1,
/// <see cref="SymmetricEigen.Values"/> and <see cref="SymmetricEigen.Decompose"/>. Each figure is the median of the
/// rounds after a warm-up of 30 calls or 3 s, in seconds, beside scipy's (`peers.py eigh A.npy`) for ratios.
/// </summary>
internal static class TridiagonalRun
{
    public static void Execute(string path, string[] args, TextWriter output)
    {
        var a = NpyFile.ReadMatrix(path);
        int n = a.Rows, rounds = PcaRun.IntOption(args, "--rounds", 3), parallelOrder = PcaRun.IntOption(args, "--parallel-order", BlockedTridiagonalization.ParallelProductOrder);
        int crossover = PcaRun.IntOption(args, "--crossover", BlockedTridiagonalization.Crossover);
        var widths = Option(args, "--nb", "32,48,64").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        output.WriteLine($"# tridiagonal {n}×{n}, {Environment.ProcessorCount} cores, kernel path {KernelPathSelection.Best}, {rounds} rounds");
        var (d, e, reflectors, tau, work) = (new double[n], new double[n], new double[n * n], new double[n], new double[n * n]);
        if (Option(args, "--unblocked", "1") == "1")
        {
            Time(output, "reduction unblocked (dsytd2)", rounds, () =>
            {
                a.AsSpan().CopyTo(work);
                HouseholderTridiagonalization.Reduce(work, n, d, e, reflectors, tau);
            });
        }

        foreach (int band in Option(args, "--two-stage", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
            TwoStage(output, a, band, rounds);

        foreach (int nb in widths)
            foreach (int order in new[] { int.MaxValue, parallelOrder }.Distinct())
            {
                string cores = order == int.MaxValue ? "symv 1 core" : $"symv all cores from m = {order}";
                Time(output, $"reduction blocked nb = {nb}, crossover {crossover}, {cores}", rounds, () =>
                {
                    a.AsSpan().CopyTo(work);
                    BlockedTridiagonalization.Reduce(work, n, d, e, reflectors, tau, nb, crossover, order, KernelPathSelection.Best);
                });
            }

        var u = new double[n];
        var y = new double[n];
        Array.Fill(u, 0.5);
        foreach (int parts in new[] { 1, Environment.ProcessorCount }.Distinct())
            Time(output, $"kernel: lower symv m = {n} on {parts} core(s) ({4.0 * n * n / 1e9:F3} GB)", rounds * 3,
                () => LowerSymmetricProduct.Multiply(a.AsSpan(), n, n, u, y, parts, KernelPathSelection.Best));
        foreach (int order in new[] { int.MaxValue, parallelOrder }.Distinct())
            Time(output, $"kernel: the reduction's {n - BlockedTridiagonalization.Crossover} symv (all cores from m = {order})", 1, () =>
            {
                for (int s = 1; s < n - BlockedTridiagonalization.Crossover; s++)
                {
                    int m = n - s;
                    LowerSymmetricProduct.Multiply(a.AsSpan()[(s * n + s)..], n, m, u.AsSpan(s), y.AsSpan(s), m >= order ? Environment.ProcessorCount : 1, KernelPathSelection.Best);
                }
            });
        foreach (int order in new[] { int.MaxValue, parallelOrder }.Distinct())
            Time(output, $"kernel: the reduction's symv and column gathers (all cores from m = {order})", 1, () =>
            {
                var data = a.AsSpan();
                for (int s = 1; s < n - BlockedTridiagonalization.Crossover; s++)
                {
                    int m = n - s;
                    for (int r = s - 1; r < n; r++) work[r] = data[r * n + s - 1];
                    LowerSymmetricProduct.Multiply(data[(s * n + s)..], n, m, u.AsSpan(s), y.AsSpan(s), m >= order ? Environment.ProcessorCount : 1, KernelPathSelection.Best);
                }
            });
        var c = a.AsSpan().ToArray();
        foreach (int nb in widths)
        {
            Time(output, $"kernel: lower SYR2K n = {n}, k = {nb}", rounds, () =>
                Syr2k.ComputeLower(n, nb, -1e-9, reflectors.AsSpan(0, nb * n), n, work.AsSpan(0, nb * n), n, 1.0, c, n));
            Time(output, $"kernel: GEMM {n}×{n}×{2 * nb} (both triangles, for comparison)", rounds, () =>
                Gemm.Multiply(Op.Transpose, Op.None, n, n, 2 * nb, -1e-9, reflectors.AsSpan(0, 2 * nb * n), n, work.AsSpan(0, 2 * nb * n), n, 1.0, c, n));
        }

        if (Option(args, "--whole", "1") != "1") return;
        Time(output, "SymmetricEigen.Values", rounds, () => SymmetricEigen.Values(a));
        Time(output, "SymmetricEigen.Decompose", rounds, () => SymmetricEigen.Decompose(a));
    }

    /// <summary>The two-stage reduction with bandwidth b: each stage alone, both with dsterf, and the largest eigenvalue difference to the one-stage path.</summary>
    private static void TwoStage(TextWriter output, Matrix a, int band, int rounds)
    {
        int n = a.Rows;
        var (d, e, work, banded) = (new double[n], new double[n], new double[n * n], new double[n * n]);
        Time(output, $"two-stage b = {band}: dense → band (sy2sb)", rounds, () =>
        {
            a.AsSpan().CopyTo(work);
            SymmetricBandReduction.Reduce(work, n, band, KernelPathSelection.Best);
        });
        work.CopyTo(banded, 0);
        foreach (int parts in new[] { 1, Environment.ProcessorCount }.Distinct())
            Time(output, $"two-stage b = {band}: band → tridiagonal (sb2st), {parts} thread(s)", rounds, () =>
            {
                banded.CopyTo(work, 0);
                BandTridiagonalization.Reduce(work, n, band, d, e, KernelPathSelection.Best, parts);
            });
        Time(output, $"two-stage b = {band}: eigenvalues (both stages, dsterf)", rounds, () =>
        {
            a.AsSpan().CopyTo(work);
            TwoStageTridiagonalization.Reduce(work, n, d, e, band, KernelPathSelection.Best);
            TridiagonalValues.Compute(d, e, n);
        });
        var reference = new double[n];
        a.AsSpan().CopyTo(work);
        BlockedTridiagonalization.ReduceValuesOnly(work, n, reference, e);
        TridiagonalValues.Compute(reference, e, n);
        Array.Sort(reference);
        Array.Sort(d);
        double worst = 0;
        for (int i = 0; i < n; i++) worst = Math.Max(worst, Math.Abs(d[i] - reference[i]));
        output.WriteLine(FormattableString.Invariant($"two-stage b = {band}: max |λ − λ(one-stage)| = {worst:E2} (|λ|max {Math.Max(-reference[0], reference[^1]):G4})"));
    }

    private static string Option(string[] args, string name, string fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private static void Time(TextWriter output, string label, int rounds, Action run)
    {
        // Warm-up: 30 calls (the tiered JIT's call count before a method is recompiled optimised) or 3 s, whichever
        // comes first, at least one: one warm-up call left the first rounds of a 784 run in tier-0 code (40 against 25 ms).
        long warm = Stopwatch.GetTimestamp();
        for (int call = 0; call < 30 && (call == 0 || Stopwatch.GetElapsedTime(warm).TotalSeconds < 3); call++) run();
        var seconds = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            seconds[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        Array.Sort(seconds);
        output.WriteLine(FormattableString.Invariant($"{label,-55} median {seconds[rounds / 2]:F4} s  (min {seconds[0]:F4}, max {seconds[^1]:F4})"));
    }
}
