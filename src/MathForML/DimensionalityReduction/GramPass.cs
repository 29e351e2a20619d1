using System.Numerics.Tensors;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;

namespace MathForML.DimensionalityReduction;

/// <summary>
/// R = Z̃ᵀZ̃·W (D×l) for Z̃ = (X − 1μᵀ)·diag(1/σ) in one pass over X (N×D), without forming Z̃ or Z̃·W:
/// with W′ = diag(1/σ)·W and s = W′ᵀμ, each block X_b of <see cref="BlockRows"/> rows gives Y_b = X_b·W′ − 1sᵀ
/// (= Z̃_b·W), then A += X_bᵀ·Y_b while X_b is still in cache, and c += 1ᵀY_b; at the end
/// R = diag(1/σ)·(A − μ·cᵀ) (= Z̃ᵀ·Z̃W since Z̃ᵀY = diag(1/σ)(XᵀY − μ·1ᵀY)). Cost: 4·N·D·l flops, one read of X.
/// </summary>
/// <remarks>
/// The rows are cut into a fixed number of <see cref="Chunks"/>, each summed into its own A and c by one GEMM per
/// block on the thread that runs it (the chunks spread over the cores, and a core slowed by other work takes fewer);
/// the partial sums are then added in chunk order, so the result is the same whatever the scheduling or core count.
/// </remarks>
internal sealed class GramPass : IDisposable
{
    /// <summary>Rows per block: 256·D doubles (1.6 MB for D = 784) stay in the cache between the two products.</summary>
    internal const int BlockRows = 256;

    /// <summary>Independent partial sums, a fixed count (not the core count) so the rounding never depends on the machine.</summary>
    internal const int Chunks = 8;

    private readonly Matrix _x;
    private readonly double[] _mean;
    private readonly double[]? _inverse;
    private readonly int _l;
    private readonly double[][] _partial;
    private readonly double[][] _columnSums;
    private readonly double[][] _blocks;
    private readonly double[] _scaled;

    public GramPass(Matrix x, double[] mean, double[]? inverseScale, int l)
    {
        _x = x;
        _mean = mean;
        _inverse = inverseScale;
        _l = l;
        int d = x.Columns;
        int chunks = Math.Max(1, Math.Min(Chunks, (x.Rows + BlockRows - 1) / BlockRows));
        _partial = new double[chunks][];
        _columnSums = new double[chunks][];
        _blocks = new double[chunks][];
        for (int c = 0; c < chunks; c++)
        {
            // Pooled (each is above the large-object threshold; fresh ones per fit measured costly).
            _partial[c] = WorkspacePool.Rent(d * l, clear: false);
            _columnSums[c] = new double[l];
            _blocks[c] = WorkspacePool.Rent(Math.Min(BlockRows, x.Rows) * l, clear: false);
        }

        _scaled = WorkspacePool.Rent(d * l, clear: false);
    }

    /// <summary>Gives the work arrays back to <see cref="WorkspacePool"/>.</summary>
    public void Dispose()
    {
        foreach (var p in _partial) WorkspacePool.Return(p);
        foreach (var b in _blocks) WorkspacePool.Return(b);
        WorkspacePool.Return(_scaled);
    }

    /// <summary>Writes Z̃ᵀZ̃·<paramref name="w"/> (D×l, row-major) into <paramref name="result"/>.</summary>
    public void Apply(double[] w, double[] result)
    {
        int n = _x.Rows, d = _x.Columns, l = _l, chunks = _partial.Length;
        var scaled = w;
        if (_inverse is not null)
        {
            scaled = _scaled;
            for (int j = 0; j < d; j++) TensorPrimitives.Multiply(w.AsSpan(j * l, l), _inverse[j], scaled.AsSpan(j * l, l));
        }

        var shift = new double[l];
        Gemv.Multiply<double>(Op.Transpose, d, l, 1.0, scaled, l, _mean, 0.0, shift);   // W′ᵀμ
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
        {
            int from = (int)((long)n * c / chunks), to = (int)((long)n * (c + 1) / chunks);
            var partial = _partial[c];
            var sums = _columnSums[c];
            var y = _blocks[c];
            Array.Clear(sums);
            var data = _x.AsSpan();
            for (int start = from; start < to; start += BlockRows)
            {
                int rows = Math.Min(BlockRows, to - start);
                var xb = data.Slice(start * d, rows * d);
                Gemm.MultiplySerial<double>(Op.None, Op.None, rows, l, d, 1.0, xb, d, scaled, l, 0.0, y, l);
                for (int i = 0; i < rows; i++)
                {
                    var row = y.AsSpan(i * l, l);
                    TensorPrimitives.Subtract(row, shift, row);
                    TensorPrimitives.Add(sums, row, sums);
                }

                Gemm.MultiplySerial<double>(Op.Transpose, Op.None, d, l, rows, 1.0, xb, d, y, l, start == from ? 0.0 : 1.0, partial, l);
            }
        });

        var total = result.AsSpan(0, d * l);
        _partial[0].AsSpan(0, d * l).CopyTo(total);
        var columnSum = (double[])_columnSums[0].Clone();
        for (int c = 1; c < chunks; c++)
        {
            TensorPrimitives.Add(total, _partial[c].AsSpan(0, d * l), total);
            TensorPrimitives.Add(columnSum, _columnSums[c], columnSum);
        }

        for (int j = 0; j < d; j++)
        {
            var row = total.Slice(j * l, l);
            TensorPrimitives.MultiplyAdd(columnSum, -_mean[j], row, row);
            if (_inverse is not null) TensorPrimitives.Multiply(row, _inverse[j], row);
        }
    }
}
