using System.Runtime.CompilerServices;
using MathForML.Kernels;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Householder reduction of a symmetric matrix to tridiagonal form, Qᵀ·A·Q = T
/// (Golub and Van Loan, Matrix Computations, 4th ed., Algorithm 8.3.1; LAPACK dsytd2 with UPLO = 'L').
/// </summary>
/// <remarks>
/// <para>
/// Step k (k = 0 … n−3) builds the reflector H_k = I − τ_k·v_k·v_kᵀ that zeroes A[k+2.., k]: v_k is zero at indices ≤ k,
/// v_k[k+1] = 1. With A₂₂ = A[k+1.., k+1..], p = τ·A₂₂·v and w = p − (τ/2)(pᵀv)·v, the trailing block becomes
/// A₂₂ − v·wᵀ − w·vᵀ. Q = H_0·H_1 ⋯ H_{n−3}.
/// </para>
/// <para>
/// Only the lower triangle is read and written. The symmetric matrix-vector product of step k is fused with the rank-2
/// update of step k−1 into one pass over the lower triangle (each element is loaded and stored once per step, and serves
/// both the row dot product and the column axpy of the symmetric product), so the reduction streams ≈ n³/6 elements in
/// total instead of ≈ n³/2. The pass runs on one thread: splitting it by rows between two threads (one fork/join per
/// column) measured slower for n = 784 on a shared two-core machine.
/// Cost: 4n³/3 flops, memory bound.
/// </para>
/// </remarks>
internal static class HouseholderTridiagonalization
{
    /// <summary>
    /// Reduces the n×n row-major matrix in <paramref name="a"/> (lower triangle used, contents destroyed).
    /// Writes the diagonal of T to <paramref name="diagonal"/> (n), its sub-diagonal to <paramref name="offDiagonal"/>
    /// (n−1), the reflector vectors as rows of <paramref name="reflectors"/> (n×n, row k = v_k) and their
    /// scalars to <paramref name="tau"/> (n; τ_k = 0 for k ≥ n−2). <paramref name="cancellationToken"/> is checked every
    /// 32 columns (each column costs O((n − k)²)).
    /// </summary>
    public static void Reduce(double[] a, int n, double[] diagonal, double[] offDiagonal, double[] reflectors, double[] tau,
        CancellationToken cancellationToken = default) =>
        Reduce(a, n, diagonal, offDiagonal, reflectors, tau, KernelPathSelection.Best, cancellationToken);

    /// <summary>
    /// <see cref="Reduce(double[], int, double[], double[], double[], double[], CancellationToken)"/> with the kernel path of the fused pass
    /// (<see cref="TridiagonalRowUpdate"/>) given explicitly (tests force each one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Reduce(double[] a, int n, double[] diagonal, double[] offDiagonal, double[] reflectors, double[] tau, KernelPath path,
        CancellationToken cancellationToken = default)
    {
        Array.Clear(tau);
        if (n == 0) return;
        if (n == 1)
        {
            diagonal[0] = a[0];
            return;
        }

        var v = new double[n];
        var w = new double[n];
        var prevV = new double[n];
        var prevW = new double[n];
        var p = new double[n];
        bool havePrevious = false;

        for (int k = 0; k < n - 2; k++)
        {
            if ((k & 31) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (havePrevious) UpdateColumn(a, n, k, prevV, prevW);
            diagonal[k] = a[k * n + k];

            // Reflector from the updated column x = A[k+1.., k].
            double alpha = a[(k + 1) * n + k];
            double tailSquares = 0;
            for (int r = k + 2; r < n; r++) tailSquares += a[r * n + k] * a[r * n + k];

            Array.Clear(v);
            v[k + 1] = 1;
            double t = 0;
            if (tailSquares == 0)
            {
                offDiagonal[k] = alpha;
            }
            else
            {
                double beta = -Math.CopySign(Math.Sqrt(alpha * alpha + tailSquares), alpha);
                t = (beta - alpha) / beta;
                double scale = 1 / (alpha - beta);
                for (int r = k + 2; r < n; r++) v[r] = a[r * n + k] * scale;
                offDiagonal[k] = beta;
            }

            tau[k] = t;
            v.AsSpan().CopyTo(reflectors.AsSpan(k * n, n));

            // One pass: apply the previous rank-2 update to A[k+1.., k+1..] and form p = A₂₂·v on the updated values.
            FusedPass(a, n, k + 1, havePrevious ? prevV : null, prevW, v, p, path);

            if (t == 0)
            {
                Array.Clear(w);
            }
            else
            {
                double pv = 0;
                for (int r = k + 1; r < n; r++)
                {
                    p[r] *= t;
                    pv += p[r] * v[r];
                }

                double half = 0.5 * t * pv;
                Array.Clear(w, 0, k + 1);
                for (int r = k + 1; r < n; r++) w[r] = p[r] - half * v[r];
            }

            (prevV, v) = (v, prevV);
            (prevW, w) = (w, prevW);
            havePrevious = t != 0;
        }

        // The last 2×2 block needs only the final rank-2 update.
        int last = n - 2;
        if (havePrevious) UpdateColumn(a, n, last, prevV, prevW);
        double corner = a[(n - 1) * n + n - 1];
        if (havePrevious) corner -= 2 * prevV[n - 1] * prevW[n - 1];
        diagonal[last] = a[last * n + last];
        offDiagonal[last] = a[(n - 1) * n + last];
        diagonal[n - 1] = corner;
    }

    /// <summary>Brings column k (rows ≥ k) up to date with the rank-2 update A ← A − v·wᵀ − w·vᵀ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateColumn(double[] a, int n, int k, double[] v, double[] w)
    {
        double vk = v[k], wk = w[k];
        for (int r = k; r < n; r++) a[r * n + k] -= v[r] * wk + w[r] * vk;
    }

    /// <summary>
    /// For rows r ≥ start and columns start ≤ j ≤ r: A[r,j] ← A[r,j] − v_r·w_j − w_r·v_j (skipped when
    /// <paramref name="prevV"/> is null), and p ← A[start.., start..]·u using the symmetry of the updated block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FusedPass(double[] a, int n, int start, double[]? prevV, double[] prevW, double[] u, double[] p, KernelPath path)
    {
        Array.Clear(p);
        for (int r = start; r < n; r++)
        {
            var row = a.AsSpan(r * n + start, r - start);
            ref double diagonal = ref a[r * n + r];
            double ur = u[r];
            double dot;
            if (prevV is null)
            {
                dot = TridiagonalRowUpdate.DotAndAxpy(row, u.AsSpan(start), p.AsSpan(start), ur, path);
            }
            else
            {
                double vr = prevV[r], wr = prevW[r];
                dot = TridiagonalRowUpdate.UpdateDotAndAxpy(row, prevV.AsSpan(start), prevW.AsSpan(start), u.AsSpan(start), p.AsSpan(start), vr, wr, ur, path);
                diagonal -= 2 * vr * wr;
            }

            p[r] += dot + diagonal * ur;
        }
    }
}
