using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Singular values and vectors of an n×n upper bidiagonal B (diagonal d, super-diagonal e, entries of either sign)
/// through its Golub–Kahan form (Golub and Kahan 1965; Golub and Van Loan, 4th ed., §8.6.1; Fernando, "Accurately
/// counting singular values of bidiagonal matrices and eigenvalues of skew-symmetric tridiagonal matrices", SIMAX 20, 1998).
/// </summary>
/// <remarks>
/// <para>
/// The perfect shuffle of [[0, Bᵀ], [B, 0]] is the 2n×2n symmetric tridiagonal T with zero diagonal and off-diagonal
/// (d_0, e_0, d_1, e_1, …, d_{n−1}). Its eigenvalues are ±σ_i, and the eigenvector for +σ_i is
/// (v_0, u_0, v_1, u_1, …)/√2 with B·v = σ·u, Bᵀ·u = σ·v. Values: dqds on B itself (<see cref="DifferentialQd"/>,
/// dlasq1; O(n²), each σ to high relative accuracy; 3× faster than the root-free QL on T at n = 784–2000). Vectors: Cuppen's divide and conquer on T
/// (<see cref="TridiagonalDivideConquer"/>, its merges in GEMM; the last merge forms only the n largest eigenvectors),
/// the n positive eigenpairs split into u and v.
/// </para>
/// <para>
/// The eigenvectors of T are orthogonal to O(nε), but those of +σ and −σ are only 2σ apart: each can mix with the
/// other by about ε‖B‖/σ, which moves weight between its u and v halves. So u and v are normalised separately, and
/// where σ ≤ <see cref="ReorthogonalizeBelow"/>·σ_max the rows (taken in descending σ order) are orthogonalised
/// against all earlier ones, twice, by GEMM in blocks of rows and by Gram-Schmidt within a block;
/// vectors that carried no direction (σ = 0, where T's eigenvectors may be all u or all v) are completed as the Jacobi
/// path completes U (<see cref="RowOrthonormalization"/>). Cost: the divide and conquer on 2n, about
/// 4/3·(2n)³ flops less deflation.
/// </para>
/// </remarks>
internal static class BidiagonalSvd
{
    /// <summary>σ/σ_max below which the singular vectors are re-orthogonalised (loss of orthogonality ≈ ε·σ_max/σ above it).</summary>
    public const double ReorthogonalizeBelow = 1e-3;

    /// <summary>Rows re-orthogonalised together (one GEMM pair against the earlier rows per block).</summary>
    private const int RepairBlock = 32;

    /// <summary>The singular values of B, descending (n of them, ≥ 0).</summary>
    public static double[] Values(ReadOnlySpan<double> d, ReadOnlySpan<double> e, int n) => DifferentialQd.SingularValues(d, e, n);

    /// <summary>
    /// The singular values of B, descending, from the eigenvalues ±σ of its Golub–Kahan form by the root-free QL
    /// iteration on 2n (the values path before <see cref="DifferentialQd"/>; kept as the tests' second opinion).
    /// </summary>
    internal static double[] ValuesByGolubKahan(ReadOnlySpan<double> d, ReadOnlySpan<double> e, int n)
    {
        if (n == 1) return [Math.Abs(d[0])];
        var (diagonal, offDiagonal) = GolubKahan(d, e, n);
        TridiagonalValues.Compute(diagonal, offDiagonal, 2 * n);   // ascending: ±σ_i
        Array.Reverse(diagonal);
        var sigma = new double[n];
        for (int i = 0; i < n; i++) sigma[i] = Math.Abs(diagonal[i]);
        Array.Sort(sigma, (x, y) => y.CompareTo(x));
        return sigma;
    }

    /// <summary>
    /// B = U·Σ·Vᵀ: σ descending, and the singular vectors as rows, u_q row q of the first n×n array and v_q row q of the
    /// second (both orthonormal). Both arrays come from <see cref="WorkspacePool"/> (they may be longer than n²): give
    /// them back there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double[] Sigma, double[] URows, double[] VRows) Decompose(ReadOnlySpan<double> d, ReadOnlySpan<double> e, int n)
    {
        if (n == 1)
        {
            var (u1, v1) = (WorkspacePool.Rent(1, clear: false), WorkspacePool.Rent(1, clear: false));
            (u1[0], v1[0]) = (d[0] < 0 ? -1.0 : 1.0, 1.0);
            return ([Math.Abs(d[0])], u1, v1);
        }

        var (diagonal, offDiagonal) = GolubKahan(d, e, n);
        int size = 2 * n;
        var z = TridiagonalDivideConquer.Decompose(diagonal, offDiagonal, size, largest: n);
        var order = Enumerable.Range(0, size).OrderByDescending(j => diagonal[j]).ThenBy(j => j).Take(n).ToArray();
        var sigma = new double[n];
        for (int q = 0; q < n; q++) sigma[q] = Math.Max(diagonal[order[q]], 0);

        // v_q and u_q are the even and odd rows of z's column order[q]: gathered row by row of z (whole rows in cache,
        // where walking each column of the 2n×2n z missed on every element), then transposed.
        var vColumns = WorkspacePool.Rent(n * n, clear: false);
        var uColumns = WorkspacePool.Rent(n * n, clear: false);
        void Gather(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                var even = z.AsSpan(2 * i * size, size);
                var odd = z.AsSpan((2 * i + 1) * size, size);
                var vRow = vColumns.AsSpan(i * n, n);
                var uRow = uColumns.AsSpan(i * n, n);
                for (int q = 0; q < n; q++)
                {
                    vRow[q] = even[order[q]];
                    uRow[q] = odd[order[q]];
                }
            }
        }

        if (n >= 256) KernelTeam.Invoke(() => Gather(0, n / 2), () => Gather(n / 2, n));
        else Gather(0, n);
        WorkspacePool.Return(z);
        var (u, v) = (WorkspacePool.Rent(n * n, clear: false), WorkspacePool.Rent(n * n, clear: false));   // the transposes write every element
        TransposeKernel.Transpose<double>(vColumns.AsSpan(0, n * n), n, n, v);
        TransposeKernel.Transpose<double>(uColumns.AsSpan(0, n * n), n, n, u);
        WorkspacePool.Return(vColumns);
        WorkspacePool.Return(uColumns);
        int head = 0;
        while (head < n && sigma[head] > ReorthogonalizeBelow * sigma[0]) head++;
        Repair(u, n, head);
        Repair(v, n, head);
        return (sigma, u, v);
    }

    /// <summary>T's zero diagonal and off-diagonal (d_0, e_0, d_1, …, d_{n−1}), with room for the QL workspace entry.</summary>
    private static (double[] Diagonal, double[] OffDiagonal) GolubKahan(ReadOnlySpan<double> d, ReadOnlySpan<double> e, int n)
    {
        var offDiagonal = new double[2 * n];
        for (int i = 0; i < n; i++)
        {
            offDiagonal[2 * i] = d[i];
            if (i < n - 1) offDiagonal[2 * i + 1] = e[i];
        }

        return (new double[2 * n], offDiagonal);
    }

    /// <summary>
    /// Normalises rows 0 … head−1 (their σ is large enough for T's eigenvectors to be orthogonal halves), and makes rows
    /// head … n−1 orthonormal against all earlier ones, in blocks of <see cref="RepairBlock"/>: two block Gram-Schmidt
    /// passes against all earlier rows through GEMM, then <see cref="RowOrthonormalization"/> within the block,
    /// completing rows left with less than half their length. Cost O((n − head)·n²) flops, nearly all in GEMM.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Repair(double[] rows, int n, int head)
    {
        for (int q = 0; q < n; q++)
        {
            var row = rows.AsSpan(q * n, n);
            double norm = TensorPrimitives.Norm<double>(row);
            // Well inside the head the halves have norm 1/√2 each; in the tail a half can be anything, and a row
            // with less than half of its expected length is left small so that it is completed below.
            double scale = q < head || norm > 0.5 / Math.Sqrt(2) ? 1 / norm : Math.Sqrt(2);
            TensorPrimitives.Multiply(row, scale, row);
        }

        // The tail in blocks: each block against every earlier row by two GEMM passes, then within itself.
        var projections = new double[RepairBlock * Math.Max(n, 1)];
        for (int start = head; start < n; start += RepairBlock)
        {
            int count = Math.Min(RepairBlock, n - start);
            var earlier = rows.AsSpan(0, start * n);
            var block = rows.AsSpan(start * n, count * n);
            for (int pass = 0; pass < 2 && start > 0; pass++)
            {
                Gemm.Multiply(Op.None, Op.Transpose, count, start, n, 1.0, block, n, earlier, n, 0.0, projections, start);
                Gemm.Multiply(Op.None, Op.None, count, n, start, -1.0, projections, start, earlier, n, 1.0, block, n);
            }

            RowOrthonormalization.Orthonormalize(rows, start, start + count, n, 0.5, orthogonalizeFrom: start);
        }
    }
}
