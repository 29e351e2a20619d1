using MathForML.Kernels;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Tridiagonal form of a symmetric matrix in two stages, dense → band → tridiagonal (LAPACK dsytrd_2stage: dsytrd_sy2sb
/// then dsytrd_sb2st), for eigenvalues only: <see cref="SymmetricBandReduction"/> puts all of its flops in matrix-matrix
/// products on every core, <see cref="BandTridiagonalization"/> chases the band's bulges in L1-sized blocks; neither
/// streams the whole trailing matrix once per column as the one-stage reduction's symmetric product does. The
/// transformations are not kept (LAPACK, too, offers the two-stage path for eigenvalues only).
/// </summary>
internal static class TwoStageTridiagonalization
{
    /// <summary>
    /// The band's width b: wider bands put the first stage's products on better shapes (48 = two of the 512-bit
    /// micro-kernel's 24-column tiles), narrower ones make the chase cheaper (8·n²·b flops). Measured at n = 2000 on the
    /// 2-core Xeon (AVX-512): b = 32 0.32 s, 48 0.30 s, 64 0.38 s for both stages and the eigenvalues of T.
    /// </summary>
    public const int Bandwidth = 48;

    /// <summary>
    /// Order from which <see cref="SymmetricEigen.Values"/> takes this path: below it the one-stage reduction's
    /// symmetric products run from cache and win (n = 784: 0.046 s one-stage, 0.048 s two-stage; n = 1200: 0.138 s
    /// against 0.108 s).
    /// </summary>
    public const int MinimumOrder = 1024;

    /// <summary>T's diagonal and sub-diagonal from the symmetric n×n row-major <paramref name="a"/> (lower triangle read; destroyed).</summary>
    public static void ReduceValuesOnly(double[] a, int n, double[] diagonal, double[] offDiagonal, CancellationToken cancellationToken = default) =>
        Reduce(a, n, diagonal, offDiagonal, Bandwidth, KernelPathSelection.Best, cancellationToken);

    /// <summary>The reduction with the bandwidth and kernel path given explicitly (tests and benchmarks vary them).</summary>
    internal static void Reduce(double[] a, int n, double[] diagonal, double[] offDiagonal, int bandwidth, KernelPath path,
        CancellationToken cancellationToken = default)
    {
        SymmetricBandReduction.Reduce(a, n, bandwidth, path, cancellationToken);
        BandTridiagonalization.Reduce(a, n, bandwidth, diagonal, offDiagonal, path, cancellationToken);
    }
}
