using System.Diagnostics;
using MathForML.Data;
using MathForML.Kernels;
using MathForML.Learning;

namespace MathForML.Benchmarks;

/// <summary>
/// The `knn-profile DIR [--k 3]` mode: where the time of k-NN goes: the whole fit + predict, the float32 GEMM of the
/// same shape alone (in the same query blocks), and the selection of the k + extra smallest of each score row; each
/// the median of five after a warm-up.
/// </summary>
internal static class KnnProfileRun
{
    public static void Execute(string dir, int k, TextWriter output)
    {
        var train = NpyFile.ReadMatrix(Path.Combine(dir, "knn-train-x.npy"));
        var labels = NpyFile.Read<int>(Path.Combine(dir, "knn-train-y.npy")).Data;
        var test = NpyFile.ReadMatrix(Path.Combine(dir, "knn-test-x.npy"));
        int n = train.Rows, d = train.Columns, m = test.Rows;
        output.WriteLine($"# knn profile {m} queries × {n} training × {d}, {Environment.ProcessorCount} cores, kernel path {KernelPathSelection.Best}");
        for (int i = 0; i < 15; i++)
        {
            int g0 = GC.CollectionCount(0), g2 = GC.CollectionCount(2);
            long start = Stopwatch.GetTimestamp();
            KNearestNeighbors.Fit(train, labels).Predict(test, k);
            output.WriteLine($"  run {i}: {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms, gc0 +{GC.CollectionCount(0) - g0}, gc2 +{GC.CollectionCount(2) - g2}");
        }

        var model = KNearestNeighbors.Fit(train, labels);
        Stage(output, "predict", () => model.Predict(test, k));
        Stage(output, "fit", () => KNearestNeighbors.Fit(train, labels));
        Stage(output, "fit + predict", () => KNearestNeighbors.Fit(train, labels).Predict(test, k));
        Stage(output, "predict", () => model.Predict(test, k));
        int c0 = k + KNearestNeighbors.ScreenExtra;
        int[] active = [.. Enumerable.Range(0, d).Where(j => Enumerable.Range(1, n - 1).Any(i => train[i, j] != train[0, j]))];
        var norms = Enumerable.Range(0, n).Select(i => (float)System.Numerics.Tensors.TensorPrimitives.SumOfSquares<double>(train.RowSpan(i))).ToArray();
        var candidates = new int[m * c0];
        var screened = new float[m * c0];
        Stage(output, $"fused screen ({active.Length} kept features, {c0} candidates)", () =>
            NeighborScreen.Run(train, active, norms, test, 0, m, c0, candidates, screened, KernelPathSelection.Best));
        var x32 = new float[n * d];
        var q32 = new float[m * d];
        Stage(output, "convert training set to float32", () => System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<double, float>(train.AsSpan(), x32));
        System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<double, float>(test.AsSpan(), q32);
        int block = Math.Min(m, 1024);
        var scores = new float[block * n];
        Stage(output, $"float32 GEMM in blocks of {block}", () =>
        {
            for (int s = 0; s < m; s += block)
            {
                int rows = Math.Min(block, m - s);
                Gemm.Multiply<float>(Op.None, Op.Transpose, rows, n, d, -2f, q32.AsSpan(s * d, rows * d), d, x32, d, 0f, scores.AsSpan(0, rows * n), n);
            }
        });
        int c = k + KNearestNeighbors.ScreenExtra;
        Stage(output, $"select {c} smallest of {m} rows (2 threads)", () =>
            Parallel.For(0, m, r =>
            {
                Span<int> best = stackalloc int[c];
                KNearestNeighbors.SelectSmallest<float>(scores.AsSpan(r % block * n, n), best);
            }));
    }

    private static void Stage(TextWriter output, string name, Action run)
    {
        run();
        var t = new double[5];
        for (int i = 0; i < t.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            t[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(t);
        output.WriteLine($"{name,-48} median {t[2],8:F1} ms  (min {t[0]:F1}, max {t[^1]:F1})");
    }
}
