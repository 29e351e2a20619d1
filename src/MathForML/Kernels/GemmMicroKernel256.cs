using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MathForML.Kernels;

/// <summary>
/// The AVX2 + FMA GEMM micro-kernel: a 6×(2·W) register tile of <see cref="Vector256{T}"/> accumulators
/// (W = 4 doubles or 8 floats), 12 of the 16 ymm registers AVX2 has, updated by one rank-1 step per k:
/// 2 vector loads of the packed B row, 6 broadcasts of the packed A column and 12 FMAs.
/// </summary>
internal readonly unsafe struct GemmMicroKernel256<T> : IGemmMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int Mr => 6;

    /// <inheritdoc/>
    public static int Nr => 2 * Vector256<T>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T alpha, T beta, T* c, nint ldc)
    {
        int w = Vector256<T>.Count;
        PrefetchTile(c, ldc);
        Vector256<T> c00 = default, c01 = default;
        Vector256<T> c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default;
        Vector256<T> c40 = default, c41 = default;
        Vector256<T> c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + w);
            var a0 = Vector256.Create(a[0]);
            c00 = FusedMultiplyAdd.Apply(a0, b0, c00); c01 = FusedMultiplyAdd.Apply(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = FusedMultiplyAdd.Apply(a1, b0, c10); c11 = FusedMultiplyAdd.Apply(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = FusedMultiplyAdd.Apply(a2, b0, c20); c21 = FusedMultiplyAdd.Apply(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = FusedMultiplyAdd.Apply(a3, b0, c30); c31 = FusedMultiplyAdd.Apply(a3, b1, c31);
            var a4 = Vector256.Create(a[4]);
            c40 = FusedMultiplyAdd.Apply(a4, b0, c40); c41 = FusedMultiplyAdd.Apply(a4, b1, c41);
            var a5 = Vector256.Create(a[5]);
            c50 = FusedMultiplyAdd.Apply(a5, b0, c50); c51 = FusedMultiplyAdd.Apply(a5, b1, c51);
            a += 6;
            b += 2 * w;
        }

        var va = Vector256.Create(alpha);
        if (beta == T.Zero)
        {
            Store(c + (0 * ldc), va, c00, c01);
            Store(c + (1 * ldc), va, c10, c11);
            Store(c + (2 * ldc), va, c20, c21);
            Store(c + (3 * ldc), va, c30, c31);
            Store(c + (4 * ldc), va, c40, c41);
            Store(c + (5 * ldc), va, c50, c51);
        }
        else
        {
            var vb = Vector256.Create(beta);
            Update(c + (0 * ldc), va, vb, c00, c01);
            Update(c + (1 * ldc), va, vb, c10, c11);
            Update(c + (2 * ldc), va, vb, c20, c21);
            Update(c + (3 * ldc), va, vb, c30, c31);
            Update(c + (4 * ldc), va, vb, c40, c41);
            Update(c + (5 * ldc), va, vb, c50, c51);
        }
    }

    /// <summary>Starts loading the C tile into L1 while the rank-kc product runs, so the final update does not wait on memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchTile(T* c, nint ldc)
    {
        if (!Sse.IsSupported) return;
        for (int i = 0; i < 6; i++)
        {
            byte* row = (byte*)(c + (i * ldc));
            Sse.Prefetch0(row);
            Sse.Prefetch0(row + 63);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T* row, Vector256<T> alpha, Vector256<T> x0, Vector256<T> x1)
    {
        Vector256.Store(alpha * x0, row);
        Vector256.Store(alpha * x1, row + Vector256<T>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(T* row, Vector256<T> alpha, Vector256<T> beta, Vector256<T> x0, Vector256<T> x1)
    {
        Vector256.Store(FusedMultiplyAdd.Apply(alpha, x0, beta * Vector256.Load(row)), row);
        Vector256.Store(FusedMultiplyAdd.Apply(alpha, x1, beta * Vector256.Load(row + Vector256<T>.Count)), row + Vector256<T>.Count);
    }
}
