using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Kernels;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Unblocked Householder reduction of an m×n matrix (m ≥ n) to upper bidiagonal form, Qᵀ·A·P = B (LAPACK dgebd2;
/// Golub and Van Loan, Matrix Computations, 4th ed., Algorithm 5.4.2, Golub–Kahan bidiagonalisation).
/// </summary>
/// <remarks>
/// <para>
/// For k = 0 … n−1: the left reflector H_k = I − τq_k·v_k·v_kᵀ (v_k[k] = 1, zero above) zeroes A[k+1.., k] and makes
/// d_k = A[k, k]; it is applied from the left to A[k.., k+1..] as A ← A − τ·v·(Aᵀv)ᵀ. Then, for k &lt; n−1, the right
/// reflector G_k = I − τp_k·u_k·u_kᵀ (u_k[k+1] = 1, zero before) zeroes A[k, k+2..] and makes e_k = A[k, k+1]; it is
/// applied from the right to A[k+1.., k+1..] as A ← A − τ·(A·u)·uᵀ. Then A = Q·B·Pᵀ with Q = H_0 ⋯ H_{n−1} and
/// P = G_0 ⋯ G_{n−3}; B has diagonal d (n) and super-diagonal e (n−1), possibly of either sign.
/// </para>
/// <para>
/// Storage: A row-major m×n (destroyed); v_k is row k of <c>left</c> (n rows of m), u_k row k of <c>right</c>
/// (n rows of n), the layout <see cref="HouseholderBackTransformation"/> applies with offsets 0 and 1.
/// Cost: 4mn² − 4n³/3 flops, two matrix-vector products and two rank-1 updates per column (memory bound).
/// This is the readable reference the blocked <see cref="BlockedBidiagonalization"/> is tested against, and its last
/// columns.
/// </para>
/// </remarks>
internal static class HouseholderBidiagonalization
{
    /// <summary>
    /// Reduces columns <paramref name="start"/> … n−1 of the m×n row-major <paramref name="a"/> (m ≥ n), whose earlier
    /// rows and columns are already reduced, writing d, e, the reflector rows and τq, τp for those columns
    /// (τp_k = 0 for k ≥ n−2; e has n−1 entries).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Reduce(double[] a, int m, int n, int start, double[] diagonal, double[] superDiagonal,
        double[] left, double[] tauQ, double[] right, double[] tauP, CancellationToken cancellationToken = default)
    {
        if (m < n) throw new ArgumentException($"The bidiagonal reduction needs m ≥ n, has {m}×{n}.", nameof(m));
        var w = new double[n];
        var z = new double[m];
        for (int k = start; k < n; k++)
        {
            if ((k & 31) == 0) cancellationToken.ThrowIfCancellationRequested();

            // Left reflector from the column A[k.., k].
            var v = left.AsSpan(k * m, m);
            v[..k].Clear();
            for (int r = k + 1; r < m; r++) v[r] = a[r * n + k];
            diagonal[k] = HouseholderReflector.Generate(a[k * n + k], v[(k + 1)..], out tauQ[k]);
            v[k] = 1;
            int width = n - k - 1;
            if (tauQ[k] != 0 && width > 0)
            {
                // A[k.., k+1..] ← A − τ·v·wᵀ with w = A[k.., k+1..]ᵀ·v.
                var trailing = a.AsSpan(k * n + k + 1);
                Gemv.Multiply(Op.Transpose, m - k, width, 1.0, trailing, n, v[k..], 0.0, w.AsSpan(0, width));
                for (int r = k; r < m; r++) RankOneRow(w.AsSpan(0, width), tauQ[k] * v[r], a.AsSpan(r * n + k + 1, width));
            }

            var u = right.AsSpan(k * n, n);
            u.Clear();
            tauP[k] = 0;
            if (width == 0) continue;

            // Right reflector from the row A[k, k+1..].
            a.AsSpan(k * n + k + 2, width - 1).CopyTo(u[(k + 2)..]);
            superDiagonal[k] = HouseholderReflector.Generate(a[k * n + k + 1], u[(k + 2)..], out tauP[k]);
            u[k + 1] = 1;
            if (tauP[k] == 0 || k + 1 == m) continue;

            // A[k+1.., k+1..] ← A − τ·z·uᵀ with z = A[k+1.., k+1..]·u.
            Gemv.Multiply(Op.None, m - k - 1, width, 1.0, a.AsSpan((k + 1) * n + k + 1), n, u[(k + 1)..], 0.0, z.AsSpan(0, m - k - 1));
            for (int r = k + 1; r < m; r++) RankOneRow(u.Slice(k + 1, width), tauP[k] * z[r - k - 1], a.AsSpan(r * n + k + 1, width));
        }
    }

    /// <summary>row ← row − α·x (one row of a rank-1 update), through <see cref="LowRankCorrection"/>: optimised from the first call.</summary>
    private static void RankOneRow(ReadOnlySpan<double> x, double alpha, Span<double> row)
    {
        ReadOnlySpan<double> coefficients = [alpha, 0];
        LowRankCorrection.Subtract(x, x.Length, x, x.Length, 1, x.Length, coefficients[..1], coefficients[1..], row, KernelPathSelection.Best);
    }
}
