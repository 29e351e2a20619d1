using System.Numerics.Tensors;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// The SVD of a dense m×n matrix by Householder bidiagonalisation and the SVD of the bidiagonal (the route of LAPACK
/// dgesdd; Golub and Van Loan, 4th ed., §8.6.2): A = Q·B·Pᵀ (<see cref="BlockedBidiagonalization"/>, on Aᵀ when
/// m &lt; n), B = U_B·Σ·V_Bᵀ (<see cref="BidiagonalSvd"/>), then U = Q·U_B and V = P·V_B by blocks of reflectors
/// through GEMM (<see cref="HouseholderBackTransformation"/>, dormbr).
/// </summary>
/// <remarks>
/// Very tall matrices (m ≥ 11n/6, <see cref="FactorsQrFirst"/>) are first factored A = Q_R·R (<see cref="BlockedHouseholderQr"/>,
/// dgeqrf) and R is bidiagonalised instead, so U = Q_R·Q·U_B. The input is divided by a power of two near max |aᵢⱼ| (exact) so that nothing in the reduction or in the Golub–Kahan
/// iteration overflows or underflows, and σ is scaled back at the end. Singular values are accurate to about
/// ε·σ_max (absolutely), not relatively as with the one-sided Jacobi path.
/// Cost: 4mn² − 4n³/3 flops for the reduction (about half in GEMM), O(n²) for the values, and for the vectors the
/// divide and conquer on the 2n×2n Golub–Kahan matrix plus 4mn² + 4n³ for the back-transformations.
/// </remarks>
internal static class GolubKahanSvd
{
    /// <summary>
    /// The tall working copy (m ≥ n), its reduction and scale: B's d and e, the bidiagonalisation's reflectors (left ones
    /// of length <c>LeftLength</c>: n after a QR, else m) and, for very tall matrices, the QR's reflectors.
    /// </summary>
    private sealed record Reduction(int M, int N, bool Wide, double Scale, double[] D, double[] E, double[] Left, int LeftLength,
        double[] TauQ, double[] Right, double[] TauP, double[]? QrReflectors, double[]? QrTau);

    /// <summary>
    /// Whether an m×n matrix (m ≥ n) is first factored A = Q_R·R and R bidiagonalised: m ≥ 11n/6, dgesdd's crossover
    /// (the QR's 2mn² − 2n³/3 flops, nearly all in GEMM, plus the square reduction's 8n³/3, against 4mn² − 4n³/3 of
    /// which half are matrix-vector products).
    /// </summary>
    public static bool FactorsQrFirst(int m, int n) => 6L * m >= 11L * n;

    /// <summary>The singular values of <paramref name="a"/> (finite; checked by the caller), descending.</summary>
    public static double[] Values(Matrix a, CancellationToken cancellationToken)
    {
        var r = Reduce(a, cancellationToken);
        GiveBack(r);
        var sigma = BidiagonalSvd.Values(r.D, r.E, r.N);
        TensorPrimitives.Multiply(sigma, r.Scale, sigma);
        return sigma;
    }

    /// <summary>
    /// A = U·Σ·Vᵀ: σ descending, the left singular vectors u_q as rows of an p×m array and the right ones v_q as rows of
    /// a p×n array (p = min(m, n); no sign convention applied). Both arrays come from <see cref="WorkspacePool"/> and may
    /// be longer than p·m and p·n: the caller copies what it keeps and gives them back (fresh, a 2000×1000 call's
    /// intermediate arrays cost their page faults on every call).
    /// </summary>
    public static (double[] Sigma, double[] URows, double[] VRows) Decompose(Matrix a, CancellationToken cancellationToken)
    {
        var r = Reduce(a, cancellationToken);
        int m = r.M, n = r.N;
        var (sigma, uB, vB) = BidiagonalSvd.Decompose(r.D, r.E, n);
        cancellationToken.ThrowIfCancellationRequested();
        TensorPrimitives.Multiply(sigma, r.Scale, sigma);
        // Rows of U_B, padded to length m; Q_B applied, then (for very tall A) the QR's Q.
        if (r.QrReflectors is not null) HouseholderBackTransformation.Apply(uB, n, n, r.Left, r.TauQ, n, 0);
        var u = WorkspacePool.Rent(n * m, clear: false);
        for (int q = 0; q < n; q++)
        {
            uB.AsSpan(q * n, n).CopyTo(u.AsSpan(q * m, n));
            u.AsSpan(q * m + n, m - n).Clear();
        }

        WorkspacePool.Return(uB);
        if (r.QrReflectors is null) HouseholderBackTransformation.Apply(u, n, m, r.Left, r.TauQ, n, 0);
        else HouseholderBackTransformation.Apply(u, n, m, r.QrReflectors, r.QrTau!, n, 0);
        HouseholderBackTransformation.Apply(vB, n, n, r.Right, r.TauP, n - 2, 1);
        GiveBack(r);
        return r.Wide ? (sigma, vB, u) : (sigma, u, vB);
    }

    /// <summary>Returns the reduction's reflector arrays to <see cref="WorkspacePool"/> (the record must not be used for them afterwards).</summary>
    private static void GiveBack(Reduction r)
    {
        WorkspacePool.Return(r.Left);
        WorkspacePool.Return(r.Right);
        if (r.QrReflectors is not null) WorkspacePool.Return(r.QrReflectors);
    }

    private static Reduction Reduce(Matrix a, CancellationToken cancellationToken)
    {
        bool wide = a.Rows < a.Columns;
        int m = Math.Max(a.Rows, a.Columns), n = Math.Min(a.Rows, a.Columns);
        double maxAbs = a.MaxAbs();
        double scale = maxAbs == 0 ? 1 : Math.ScaleB(1.0, Math.ILogB(maxAbs));
        // The work arrays come from WorkspacePool (cleared where the reduction relies on zeros): fresh, the five of a
        // 2000×1000 SVD (56 MB) cost their page faults on every call, 0.1 s on this VM.
        var work = WorkspacePool.Rent(m * n, clear: false);   // every element written on the next lines
        if (wide)
        {
            TransposeKernel.Transpose<double>(a.AsSpan(), a.Rows, a.Columns, work);
            TensorPrimitives.Multiply(work.AsSpan(0, m * n), 1 / scale, work.AsSpan(0, m * n));
        }
        else
        {
            TensorPrimitives.Multiply(a.AsSpan(), 1 / scale, work.AsSpan(0, m * n));
        }

        cancellationToken.ThrowIfCancellationRequested();
        double[]? qrReflectors = null, qrTau = null;
        int rows = m;
        if (FactorsQrFirst(m, n))
        {
            (qrReflectors, qrTau) = (WorkspacePool.Rent(n * m, clear: true), new double[n]);
            BlockedHouseholderQr.Factor(work, m, n, qrReflectors, qrTau, cancellationToken);
            var triangle = WorkspacePool.Rent(n * n, clear: true);
            for (int i = 0; i < n; i++) work.AsSpan(i * n + i, n - i).CopyTo(triangle.AsSpan(i * n + i));
            WorkspacePool.Return(work);
            (work, rows) = (triangle, n);
        }

        var r = new Reduction(m, n, wide, scale, new double[n], new double[Math.Max(1, n - 1)], WorkspacePool.Rent(n * rows, clear: true), rows,
            new double[n], WorkspacePool.Rent(n * n, clear: true), new double[n], qrReflectors, qrTau);
        BlockedBidiagonalization.Reduce(work, rows, n, r.D, r.E, r.Left, r.TauQ, r.Right, r.TauP, cancellationToken);
        WorkspacePool.Return(work);
        return r;
    }
}
