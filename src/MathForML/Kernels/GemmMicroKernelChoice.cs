using System.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// Work generic in the GEMM micro-kernel, for code that drives <see cref="IGemmMicroKernel{T}"/> itself (the fused
/// distance-and-selection screen of k-nearest-neighbour search), so that it can name a <see cref="KernelPath"/> and
/// never a vector width. May be a ref struct (holding spans).
/// </summary>
internal interface IGemmMicroKernelJob<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Does the work with the micro-kernel <typeparamref name="TKernel"/>.</summary>
    void Run<TKernel>() where TKernel : IGemmMicroKernel<T>;
}

/// <summary>Maps a <see cref="KernelPath"/> to its GEMM micro-kernel: 8×(3·W) on 512-bit, 6×(2·W) on 256-bit, 4×4 scalar.</summary>
internal static class GemmMicroKernelChoice
{
    /// <summary>Runs <paramref name="job"/> with the micro-kernel of <paramref name="path"/>.</summary>
    public static void Run<T, TJob>(KernelPath path, ref TJob job)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TJob : IGemmMicroKernelJob<T>, allows ref struct
    {
        switch (path)
        {
            case KernelPath.Vector512:
                job.Run<GemmMicroKernel512<T>>();
                break;
            case KernelPath.Vector256:
                job.Run<GemmMicroKernel256<T>>();
                break;
            default:
                job.Run<GemmMicroKernelScalar<T>>();
                break;
        }
    }
}
