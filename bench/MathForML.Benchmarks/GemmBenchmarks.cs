using BenchmarkDotNet.Attributes;
using MathForML.Kernels;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra.Double;

namespace MathForML.Benchmarks;

/// <summary>n×n·n×n in float64: <see cref="Gemm"/> against Math.NET Numerics' managed provider.</summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private double[] _a = [], _b = [], _c = [];
    private DenseMatrix _ma = null!, _mb = null!, _mc = null!;

    /// <summary>Matrix order.</summary>
    [Params(1024, 2048)]
    public int N { get; set; }

    /// <summary>Random operands for both libraries.</summary>
    [GlobalSetup]
    public void SetUp()
    {
        Control.UseManaged();
        var random = new Random(1);
        _a = new double[N * N];
        _b = new double[N * N];
        _c = new double[N * N];
        for (int i = 0; i < _a.Length; i++)
        {
            _a[i] = random.NextDouble();
            _b[i] = random.NextDouble();
        }

        _ma = DenseMatrix.OfColumnMajor(N, N, _a);
        _mb = DenseMatrix.OfColumnMajor(N, N, _b);
        _mc = new DenseMatrix(N, N);
    }

    /// <summary>Our packed, blocked GEMM.</summary>
    [Benchmark(Baseline = true)]
    public void MathForML() => Gemm.Multiply<double>(N, N, N, _a, _b, _c);

    /// <summary>Math.NET's managed DenseMatrix multiply.</summary>
    [Benchmark]
    public void MathNetManaged() => _ma.Multiply(_mb, _mc);
}
