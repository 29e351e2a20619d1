using System.Runtime.CompilerServices;
using MathForML.Kernels;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Applies Qᵀ = H_{n−3} ⋯ H_1·H_0 from the right to the rows of a matrix, X ← X·Qᵀ, where Q = H_0 ⋯ H_{n−3} is the
/// product of the reflectors H_k = I − τ_k·v_k·v_kᵀ left by <see cref="HouseholderTridiagonalization"/>.
/// If the rows of X are eigenvectors s of T (as row vectors), the rows of X·Qᵀ = (Q·s)ᵀ are eigenvectors of A.
/// Starting from X = I it forms Qᵀ itself (LAPACK dorgtr), starting from k rows it back-transforms k vectors (dormtr).
/// </summary>
/// <remarks>
/// Blocked compact-WY form (Golub and Van Loan, 4th ed., §5.1.7; LAPACK dlarft/dlarfb): a block of nb consecutive
/// reflectors is H_{k0} ⋯ H_{k1−1} = I − Y·T·Yᵀ with Y = [v_{k0} … v_{k1−1}] and T upper triangular, so
/// X·(H_{k1−1} ⋯ H_{k0}) = X − (X·Y)·Tᵀ·Yᵀ is two matrix products through <see cref="Gemm"/>.
/// Blocks are applied last to first. Cost: 4n³/3 flops to form Qᵀ (the identity's structure is exploited),
/// 4kn² for k rows. The general overload serves any sequence of reflectors stored as rows with v_k[k + offset] = 1
/// (zero before): offset 1 for the tridiagonal reduction and the right-hand reflectors of the bidiagonal one, offset 0
/// for the left-hand reflectors of the bidiagonal reduction and of QR (dormbr, dormqr).
/// </remarks>
internal static class HouseholderBackTransformation
{
    /// <summary>Reflectors a block (nb of dlarft/dlarfb), and the row stride of the triangular factor T.</summary>
    internal const int BlockSize = 48;

    /// <summary>Returns Qᵀ (n×n, row-major) in an array from <see cref="WorkspacePool"/> (possibly longer than n²).</summary>
    public static double[] FormQTranspose(double[] reflectors, double[] tau, int n)
    {
        var x = WorkspacePool.Rent(n * n, clear: true);
        for (int i = 0; i < n; i++) x[i * n + i] = 1;
        Apply(x, n, n, reflectors, tau, fromIdentity: true);
        return x;
    }

    /// <summary>X ← X·Qᵀ for the <paramref name="rows"/>×n row-major matrix <paramref name="x"/>.</summary>
    public static void Apply(double[] x, int rows, int n, double[] reflectors, double[] tau, bool fromIdentity = false) =>
        Apply(x, rows, n, reflectors, tau, Math.Max(0, n - 2), 1, fromIdentity);

    /// <summary>
    /// X ← X·Qᵀ for the <paramref name="rows"/>×<paramref name="length"/> row-major matrix <paramref name="x"/>, with
    /// Q = H_0 ⋯ H_{count−1}, H_k = I − τ_k·v_k·v_kᵀ and v_k row k of <paramref name="reflectors"/> (length values a row),
    /// v_k[k + <paramref name="offset"/>] = 1 and zero before it. <paramref name="fromIdentity"/> says X = I (length×length).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(double[] x, int rows, int length, double[] reflectors, double[] tau, int count, int offset, bool fromIdentity = false)
    {
        int n = length;
        if (count <= 0 || rows == 0) return;
        var t = new double[BlockSize * BlockSize];
        // Pooled: at rows = 784 each is 300 KB, and fresh large arrays cost their page faults on every call.
        var w = WorkspacePool.Rent(rows * BlockSize, clear: false);
        var wt = WorkspacePool.Rent(rows * BlockSize, clear: false);
        int lastStart = (count - 1) / BlockSize * BlockSize;
        for (int k0 = lastStart; k0 >= 0; k0 -= BlockSize)
        {
            int nb = Math.Min(BlockSize, count - k0);
            int c0 = k0 + offset;
            int width = n - c0;
            // Rows of X = I above c0 are unit vectors with zeros in columns ≥ c0: the block leaves them alone.
            int r0 = fromIdentity ? c0 : 0;
            int m = rows - r0;
            BuildTriangularFactor(reflectors, tau, n, k0, offset, nb, t);
            var y = reflectors.AsSpan(k0 * n + c0);
            var xs = x.AsSpan(r0 * n + c0);
            // W = X·Y (m×nb), W ← W·Tᵀ, X ← X − W·Yᵀ.
            Gemm.Multiply(Op.None, Op.Transpose, m, nb, width, 1.0, xs, n, y, n, 0.0, w, nb);
            Gemm.Multiply(Op.None, Op.Transpose, m, nb, nb, 1.0, w, nb, t, BlockSize, 0.0, wt, nb);
            Gemm.Multiply(Op.None, Op.None, m, width, nb, -1.0, wt, nb, y, n, 1.0, xs, n);
        }

        WorkspacePool.Return(w);
        WorkspacePool.Return(wt);
    }

    /// <summary>
    /// The upper triangular T of H_{k0} ⋯ H_{k0+nb−1} = I − Y·T·Yᵀ (LAPACK dlarft, forward, column-wise):
    /// T[i,i] = τ_i and T[0..i, i] = −τ_i·T[0..i, 0..i]·(Y[:, 0..i]ᵀ·v_i). Row stride of T: <see cref="BlockSize"/> (nb ≤ it);
    /// v_k is row k of <paramref name="reflectors"/> (n values a row) with v_k[k + offset] = 1.
    /// </summary>
    internal static void BuildTriangularFactor(double[] reflectors, double[] tau, int n, int k0, int offset, int nb, double[] t) =>
        BuildTriangularFactor(reflectors, tau, n, k0, offset, nb, t, BlockSize);

    /// <summary>
    /// <see cref="BuildTriangularFactor(double[], double[], int, int, int, int, double[])"/> with T's row stride
    /// <paramref name="ldt"/> (≥ nb) given.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void BuildTriangularFactor(double[] reflectors, double[] tau, int n, int k0, int offset, int nb, double[] t, int ldt)
    {
        Array.Clear(t);
        int c0 = k0 + offset;
        var gram = new double[nb * nb];
        var y = reflectors.AsSpan(k0 * n + c0);
        Gemm.Multiply(Op.None, Op.Transpose, nb, nb, n - c0, 1.0, y, n, y, n, 0.0, gram, nb);
        var z = new double[nb];
        for (int i = 0; i < nb; i++)
        {
            double ti = tau[k0 + i];
            t[i * ldt + i] = ti;
            for (int r = 0; r < i; r++)
            {
                double sum = 0;
                for (int c = r; c < i; c++) sum += t[r * ldt + c] * gram[c * nb + i];
                z[r] = -ti * sum;
            }

            for (int r = 0; r < i; r++) t[r * ldt + i] = z[r];
        }
    }
}
