using System.Runtime.CompilerServices;

using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// The scatter matrix of centred data in one symmetric rank-k update, without a centred copy of the data:
/// the lower triangle of C ← α·ZᵀZ + β·C with Z[p, t] = (X[p, columns[t]] − shift[t])·factor[t], X k×d row-major
/// (k samples as rows), Z k×n and C n×n. With shift = μ and α = 1/N this is the biased covariance of the chosen features.
/// </summary>
/// <remarks>
/// The loop nest is <see cref="GemmDriver"/>'s (GotoBLAS/BLIS, lower-triangle tiles only, as <see cref="Syrk"/>), with the
/// packing of both operands done by <see cref="CentredPacking"/>: it reads the chosen columns of X and centres (and
/// scales) them on the way into the packed panels. Centring a block of rows first and running SYRK on it costs an extra
/// pass over N·n values, on one core, between the parallel SYRK calls; here it is spread over the packing that SYRK
/// does anyway, on every core. On several cores the rows of C are cut where the triangle's area divides evenly, as in
/// <see cref="Syrk"/>. Cost: about n²·k flops, plus ≈ 2·k·n packed values read from X per core.
/// </remarks>
internal static unsafe class CentredSyrk
{
    /// <summary>
    /// The lower triangle (diagonal included) of C ← α·ZᵀZ + β·C; entries above the diagonal are left unspecified
    /// (as <see cref="Syrk.ComputeLower{T}"/>).
    /// <paramref name="columns"/>, <paramref name="shift"/> and <paramref name="factor"/> hold at least n entries; columns
    /// are strictly increasing and below <paramref name="ldx"/>. <paramref name="cancellationToken"/> is checked before
    /// every panel of kc rows of X; a cancelled call throws <see cref="OperationCanceledException"/> and leaves C partial.
    /// </summary>
    public static void ComputeLower(int n, int k, double alpha, ReadOnlySpan<double> x, int ldx, ReadOnlySpan<int> columns,
        ReadOnlySpan<double> shift, ReadOnlySpan<double> factor, double beta, Span<double> c, int ldc, KernelPath path,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (columns.Length < n || shift.Length < n || factor.Length < n)
            throw new DimensionMismatchException($"Expected {n} columns, shifts and factors; found {columns.Length}, {shift.Length} and {factor.Length}.", nameof(columns));
        KernelArguments.Operand("C", n, n, ldc, c.Length);
        if (n == 0) return;
        for (int t = 0; t < n; t++)
            if (columns[t] < 0 || columns[t] >= ldx || (t > 0 && columns[t] <= columns[t - 1]))
                throw new ArgumentException($"Column {t} is {columns[t]}: columns must increase strictly within 0…{ldx - 1}.", nameof(columns));
        KernelArguments.Operand("X", k, columns[n - 1] + 1, ldx, x.Length);
        if (k == 0 || alpha == 0)
        {
            BetaScaling.Apply(beta, c, n, n, ldc);
            return;
        }

        fixed (double* px = x, pc = c, ps = shift, pf = factor)
        fixed (int* pk = columns)
        {
            var z = new CentredOperand(px, ldx, pk, ps, pf);
            switch (path)
            {
                case KernelPath.Vector512: LowerTriangle<GemmMicroKernel512<double>>(n, k, alpha, z, beta, pc, ldc, path, cancellationToken); break;
                case KernelPath.Vector256: LowerTriangle<GemmMicroKernel256<double>>(n, k, alpha, z, beta, pc, ldc, path, cancellationToken); break;
                default: LowerTriangle<GemmMicroKernelScalar<double>>(n, k, alpha, z, beta, pc, ldc, path, cancellationToken); break;
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static void LowerTriangle<TKernel>(int n, int k, double alpha, CentredOperand z, double beta, double* c, nint ldc, KernelPath path,
        CancellationToken cancellationToken)
        where TKernel : IGemmMicroKernel<double>
    {
        int mr = TKernel.Mr;
        int parts = (long)n * n * k / 2 < GemmPartition.ParallelThreshold ? 1 : Math.Min(Environment.ProcessorCount, (n + mr - 1) / mr);
        if (parts <= 1)
        {
            Run<TKernel>(0, n, n, k, alpha, z, beta, c, ldc, path, cancellationToken);
            return;
        }

        KernelTeam.For(0, parts, part =>
        {
            int start = Syrk.RowCut(n, part, parts, mr), end = Syrk.RowCut(n, part + 1, parts, mr);
            // Rows start..end−1 of C need columns 0..end−1.
            if (end > start) Run<TKernel>(start, end - start, end, k, alpha, z, beta, c + (start * ldc), ldc, path, cancellationToken);
        });
    }

    /// <summary>
    /// Rows <paramref name="rowOffset"/> … + m − 1 and columns 0 … n − 1 of C (tiles wholly above the diagonal skipped),
    /// where <paramref name="c"/> points at row <paramref name="rowOffset"/>: the loop nest of <see cref="GemmDriver"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TKernel>(int rowOffset, int m, int n, int k, double alpha, in CentredOperand z, double beta, double* c, nint ldc, KernelPath path,
        CancellationToken cancellationToken)
        where TKernel : IGemmMicroKernel<double>
    {
        int mr = TKernel.Mr, nr = TKernel.Nr;
        var blocks = GemmBlocking.For(mr, nr, sizeof(double));
        int mcMax = GemmDriver.Balanced(m, n <= blocks.Nc && blocks.McNarrow > 0 ? blocks.McNarrow : blocks.Mc, mr);
        int kcMax = GemmDriver.Balanced(k, blocks.Kc, 1);
        int ncMax = GemmDriver.Balanced(n, blocks.Nc, nr);
        double* packedA = GemmPackingBuffers<double>.ForA(mcMax * kcMax);
        double* packedB = GemmPackingBuffers<double>.ForB(kcMax * ncMax);
        double* tile = stackalloc double[mr * nr];

        for (int pc = 0; pc < k; pc += kcMax)
        {
            if (cancellationToken.IsCancellationRequested) return;   // the caller throws once every part has stopped
            int kc = Math.Min(kcMax, k - pc);
            double betaBlock = pc == 0 ? beta : 1.0;
            for (int ic = 0; ic < m; ic += mcMax)
            {
                int mc = Math.Min(mcMax, m - ic);
                CentredPacking.Pack(z, pc, kc, rowOffset + ic, mc, mr, packedA);
                for (int jc = 0; jc < n; jc += ncMax)
                {
                    int nc = Math.Min(ncMax, n - jc);
                    if (jc > rowOffset + ic + mc - 1) break;
                    CentredPacking.Pack(z, pc, kc, jc, nc, nr, packedB);
                    GemmDriver.MultiplyBlock<double, TKernel>(mc, nc, kc, packedA, packedB, alpha, betaBlock, c + (ic * ldc) + jc, ldc,
                        rowOffset + ic - jc, tile);
                }
            }
        }
    }
}
