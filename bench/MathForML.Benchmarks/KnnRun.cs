using System.Diagnostics;
using System.Text.Json;
using MathForML.Data;
using MathForML.Learning;

namespace MathForML.Benchmarks;

/// <summary>
/// The `knn DIR [--k 3]` mode: reads the split that <c>knn_peer.py</c> wrote into DIR, times
/// <see cref="KNearestNeighbors"/> fit + predict (one warm-up, median of 5) and compares the predictions with
/// scikit-learn's. Prints one JSON line.
/// </summary>
internal static class KnnRun
{
    public static void Execute(string dir, int k, TextWriter output)
    {
        var train = NpyFile.ReadMatrix(Path.Combine(dir, "knn-train-x.npy"));
        var trainLabels = NpyFile.Read<int>(Path.Combine(dir, "knn-train-y.npy")).Data;
        var test = NpyFile.ReadMatrix(Path.Combine(dir, "knn-test-x.npy"));
        var testLabels = NpyFile.Read<int>(Path.Combine(dir, "knn-test-y.npy")).Data;
        var sklearn = NpyFile.Read<int>(Path.Combine(dir, "knn-sklearn-predictions.npy")).Data;
        int fallbacks = 0;
        int[] Run()
        {
            var model = KNearestNeighbors.Fit(train, trainLabels);
            var p = model.Predict(test, k);
            fallbacks = model.ScreenFallbacks;
            return p;
        }
        var predictions = Run();
        var times = new double[5];
        for (int i = 0; i < times.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            predictions = Run();
            times[i] = watch.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        output.WriteLine(JsonSerializer.Serialize(new
        {
            task = "knn",
            peer = "mathforml KNearestNeighbors",
            k,
            n_train = train.Rows,
            n_test = test.Rows,
            median_s = times[2],
            min_s = times[0],
            max_s = times[^1],
            accuracy = (double)predictions.Where((p, i) => p == testLabels[i]).Count() / test.Rows,
            same_as_sklearn = predictions.Where((p, i) => p == sklearn[i]).Count(),
            screen_fallbacks = fallbacks,
            cpu = Environment.ProcessorCount + " cores",
        }));
    }
}
