using System.Diagnostics;
using System.Globalization;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Statistics;

namespace MathForML.Benchmarks;

/// <summary>
/// The `profile X.npy [--tile T]` mode: where the time of the covariance PCA goes, stage by stage (feature summary,
/// centring + SYRK, tridiagonal reduction, divide and conquer, forming Qᵀ, the final GEMM), each the median of five
/// after a warm-up; then the randomized solver's passes (Z̃·M and Z̃ᵀ·Q GEMMs) and the skinny GEMM rate.
/// </summary>
internal static class ProfileRun
{
    public static void Execute(string path, int tile, TextWriter output)
    {
        var x = NpyFile.ReadMatrix(path);
        if (tile > 1) x = PcaRun.Tile(x, tile);
        int n = x.Rows, d = x.Columns;
        output.WriteLine($"# profile {n}×{d}, {Environment.ProcessorCount} cores, kernel path {KernelPathSelection.Best}");
        var summary = FeatureSummary.Of(x);
        var active = Enumerable.Range(0, d).Where(j => !summary.Constant[j]).ToArray();
        int a = active.Length;
        var runs = new List<(int, int)>();
        for (int i = 0; i < a;)
        {
            int j = i;
            while (j + 1 < a && active[j + 1] == active[j] + 1) j++;
            runs.Add((active[i], j - i + 1));
            i = j + 1;
        }

        var s = new double[a * a];
        Stage(output, "feature summary", () => FeatureSummary.Of(x));
        Stage(output, $"centre + SYRK ({a} active)", () => SampleStatistics.Scatter(x, summary.Mean, default, 1.0 / n, s, runs));
        var centred = new double[n * a];
        Stage(output, "old method: centring into runs only", () =>
        {
            var data = x.AsSpan();
            for (int i = 0; i < n; i++)
            {
                int offset = i * a;
                foreach (var (first, length) in runs)
                {
                    System.Numerics.Tensors.TensorPrimitives.Subtract(data.Slice(i * d + first, length), summary.Mean.AsSpan(first, length), centred.AsSpan(offset, length));
                    offset += length;
                }
            }
        });
        var block5 = new double[1024 * a];
        double tc = 0, ts = 0;
        Stage(output, "old method: centre+SYRK interleaved", () =>
        {
            var data = x.AsSpan();
            for (int start = 0; start < n; start += 1024)
            {
                long t0 = Stopwatch.GetTimestamp();
                int count = Math.Min(1024, n - start);
                for (int i = 0; i < count; i++)
                {
                    int offset = i * a;
                    foreach (var (first, length) in runs)
                    {
                        System.Numerics.Tensors.TensorPrimitives.Subtract(data.Slice((start + i) * d + first, length), summary.Mean.AsSpan(first, length), block5.AsSpan(offset, length));
                        offset += length;
                    }
                }

                tc += Stopwatch.GetElapsedTime(t0).TotalMilliseconds; t0 = Stopwatch.GetTimestamp();
                Syrk.ComputeLower<double>(a, count, 1.0 / n, block5.AsSpan(0, count * a), a, 1.0, s, a, KernelPathSelection.Best);
                ts += Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
        });
        output.WriteLine($"  interleaved: centring {tc / 6:F1} ms, syrk {ts / 6:F1} ms");
        foreach (int block in new[] { 1024, 2048, 10000 })
            Stage(output, $"SYRK lower only, blocks of {block}", () =>
            {
                for (int start = 0; start < n; start += block)
                {
                    int count = Math.Min(block, n - start);
                    Syrk.ComputeLower<double>(a, count, 1.0 / n, centred.AsSpan(start * a, count * a), a, start == 0 ? 0.0 : 1.0, s, a, KernelPathSelection.Best);
                }

                SymmetricMirror.LowerToUpper<double>(s, a, a);
            });
        var diag = new double[a];
        var off = new double[a];
        var reflectors = new double[a * a];
        var tau = new double[a];
        var work = new double[a * a];
        Stage(output, "tridiagonalisation", () =>
        {
            s.CopyTo(work, 0);
            BlockedTridiagonalization.Reduce(work, a, diag, off, reflectors, tau);
        });
        var d0 = (double[])diag.Clone();
        var e0 = (double[])off.Clone();
        Stage(output, "divide and conquer", () =>
        {
            d0.CopyTo(diag, 0);
            e0.CopyTo(off, 0);
            WorkspacePool.Return(TridiagonalDivideConquer.Decompose(diag, off, a));
        });
        var allValues = new double[a];
        var top = new double[50 * a];
        Stage(output, "dsterf", () => { d0.CopyTo(diag, 0); e0.CopyTo(off, 0); TridiagonalValues.Compute(diag, off, a); });
        output.WriteLine($"  blocks {TridiagonalInverseIteration.Blocks(d0, e0, a).Count}");
        Stage(output, "dsterf + inverse iteration k=50", () => TridiagonalInverseIteration.Largest(d0, e0, a, 50, allValues, top));
        Stage(output, "Q applied to 50 vectors", () => HouseholderBackTransformation.Apply(top, 50, a, reflectors, tau));
        Stage(output, "SymmetricEigen.LargestToRows k=50", () => WorkspacePool.Return(SymmetricEigen.LargestToRows(s, a, 50, mirrored: true).Rows));
        Stage(output, "form Qᵀ", () => WorkspacePool.Return(HouseholderBackTransformation.FormQTranspose(reflectors, tau, a)));
        var p = new double[a * a];
        var q = new double[a * a];
        var r = new double[a * a];
        Stage(output, "Sᵀ·Qᵀ GEMM", () => Gemm.Multiply(Op.Transpose, Op.None, a, a, a, 1.0, p, a, q, a, 0.0, r, a));
        Stage(output, "SymmetricEigen.Decompose (all)", () => SymmetricEigen.Decompose(Matrix.Wrap(a, a, s)));
        for (int i = 0; i < 5; i++) SymmetricEigen.Decompose(Matrix.Wrap(a, a, s));
        output.WriteLine($"  gc0 {GC.CollectionCount(0)} gc1 {GC.CollectionCount(1)} gc2 {GC.CollectionCount(2)} pause {GC.GetTotalPauseDuration().TotalMilliseconds} ms");
        Stage(output, "Pca.Fit covariance (all)", () => Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance }));
        Stage(output, "Pca.Fit covariance k=50", () => Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance, Components = 50 }));

        const int L = 60;
        var m = new double[d * L];
        var y = new double[n * L];
        var w = new double[d * L];
        new Random(1).NextBytes(new byte[1]);
        for (int i = 0; i < m.Length; i++) m[i] = i % 7 - 3;
        for (int i = 0; i < y.Length; i++) y[i] = i % 5 - 2;
        double flops = 2.0 * n * d * L;
        double t1 = Stage(output, $"X·M GEMM {n}×{d}·{d}×{L}", () => Gemm.Multiply<double>(Op.None, Op.None, n, L, d, 1.0, x.AsSpan(), d, m, L, 0.0, y, L));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {flops / t1 / 1e9:F1} GFLOP/s"));
        double t2 = Stage(output, $"Xᵀ·Q GEMM {d}×{n}·{n}×{L}", () => Gemm.Multiply<double>(Op.Transpose, Op.None, d, L, n, 1.0, x.AsSpan(), d, y, L, 0.0, w, L));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {flops / t2 / 1e9:F1} GFLOP/s"));
        var g = new double[L * L];
        Stage(output, $"SYRK {L}×{n} (orth)", () => Syrk.Compute<double>(L, n, 1.0, y, L, 0.0, g, L));
        var scratch = new double[Math.Max(n, d) * L];
        Stage(output, $"orthonormalize {n}×{L}", () => RandomizedPcaSolver.Orthonormalize(y, n, L, scratch));
        Stage(output, "Pca.Fit randomized k=50", () => Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Randomized, Components = 50 }));
    }

    private static double Stage(TextWriter output, string name, Action action)
    {
        action();
        var times = new double[5];
        var cpu = new double[5];
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < times.Length; i++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        }

        Array.Sort(times);
        Array.Sort(cpu);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-40} median {times[2] * 1e3,8:F1} ms  (min {times[0] * 1e3:F1}, max {times[^1] * 1e3:F1})  cpu {cpu[2] * 1e3:F1} ms"));
        return times[2];
    }
}
