using System.Diagnostics;
using System.Globalization;
using MathForML.Kernels;
using MathForML.Numerics;
using MathNet.Numerics;

namespace MathForML.Benchmarks;

/// <summary>
/// The `gflops` mode: n×n·n×n products timed directly (one warm-up, then the median of fifteen, as the numpy peer script
/// in bench/README.md times `np.matmul(A, B, out=C)`), ours through
/// <see cref="Gemm"/> on arrays from <see cref="LargeArray"/> (huge pages, like numpy's and the Matrix class's) and Math.NET's managed <c>DenseMatrix</c> multiply (<c>Control.UseManaged()</c>), in float64 and float32.
/// Rate = 2·n³ / t. Prints a table line and a JSON line for each.
/// </summary>
internal static class GflopsRun
{
    private const int Repeats = 15;

    public static void Execute(int n, bool oursOnly, TextWriter output)
    {
        Control.UseManaged();
        output.WriteLine($"# n = {n}, {Environment.ProcessorCount} cores, kernel path {KernelPathSelection.Best}");
        Report(output, "mathforml", "float64", n, Time(() => OursSetUp<double>(n)));
        Report(output, "mathforml", "float32", n, Time(() => OursSetUp<float>(n)));
        if (oursOnly) return;
        Report(output, "mathnet-managed", "float64", n, Time(() => MathNetDouble(n)));
        Report(output, "mathnet-managed", "float32", n, Time(() => MathNetSingle(n)));
    }

    private static Action OursSetUp<T>(int n) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new Random(1);
        // Allocated as Matrix allocates (large arrays advised onto transparent huge pages), as numpy does its arrays.
        var a = LargeArray.Zeroed<T>(n * n);
        var b = LargeArray.Zeroed<T>(n * n);
        var c = LargeArray.Zeroed<T>(n * n);
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = T.CreateChecked(random.NextDouble());
            b[i] = T.CreateChecked(random.NextDouble());
        }

        return () => Gemm.Multiply<T>(n, n, n, a, b, c);
    }

    private static Action MathNetDouble(int n)
    {
        var a = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix.CreateRandom(n, n, new MathNet.Numerics.Distributions.ContinuousUniform(0, 1, new Random(1)));
        var b = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix.CreateRandom(n, n, new MathNet.Numerics.Distributions.ContinuousUniform(0, 1, new Random(2)));
        var c = new MathNet.Numerics.LinearAlgebra.Double.DenseMatrix(n, n);
        return () => a.Multiply(b, c);
    }

    private static Action MathNetSingle(int n)
    {
        var a = MathNet.Numerics.LinearAlgebra.Single.DenseMatrix.CreateRandom(n, n, new MathNet.Numerics.Distributions.ContinuousUniform(0, 1, new Random(1)));
        var b = MathNet.Numerics.LinearAlgebra.Single.DenseMatrix.CreateRandom(n, n, new MathNet.Numerics.Distributions.ContinuousUniform(0, 1, new Random(2)));
        var c = new MathNet.Numerics.LinearAlgebra.Single.DenseMatrix(n, n);
        return () => a.Multiply(b, c);
    }

    /// <summary>Median, min and max seconds of <see cref="Repeats"/> runs after one warm-up.</summary>
    private static (double Median, double Min, double Max) Time(Func<Action> setUp)
    {
        var run = setUp();
        run();
        var seconds = new double[Repeats];
        for (int i = 0; i < Repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            seconds[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        Array.Sort(seconds);
        return (seconds[Repeats / 2], seconds[0], seconds[^1]);
    }

    private static void Report(TextWriter output, string peer, string dtype, int n, (double Median, double Min, double Max) t)
    {
        double gflops = 2.0 * n * n * n / t.Median / 1e9;
        output.WriteLine($"{peer,-16} {dtype}  n={n}  median {t.Median * 1e3,9:F1} ms  {gflops,7:F1} GFLOP/s");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"task\":\"gemm\",\"peer\":\"{peer}\",\"dtype\":\"{dtype}\",\"n\":{n},\"median_s\":{t.Median:R},\"min_s\":{t.Min:R},\"max_s\":{t.Max:R},\"gflops\":{gflops:F2}}}"));
    }
}
