using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MathForML.Kernels;

/// <summary>
/// The AVX-512 GEMM micro-kernel: an 8×(3·W) register tile of <see cref="Vector512{T}"/> accumulators
/// (W = 8 doubles or 16 floats), 24 of the 32 zmm registers, updated by one rank-1 step per k:
/// 3 vector loads of the packed B row, 8 broadcasts of the packed A column and 24 FMAs.
/// </summary>
internal readonly unsafe struct GemmMicroKernel512<T> : IGemmMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int Mr => 8;

    /// <inheritdoc/>
    public static int Nr => 3 * Vector512<T>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T alpha, T beta, T* c, nint ldc)
    {
        int w = Vector512<T>.Count;
        PrefetchTile(c, ldc);
        Vector512<T> c00 = default, c01 = default, c02 = default;
        Vector512<T> c10 = default, c11 = default, c12 = default;
        Vector512<T> c20 = default, c21 = default, c22 = default;
        Vector512<T> c30 = default, c31 = default, c32 = default;
        Vector512<T> c40 = default, c41 = default, c42 = default;
        Vector512<T> c50 = default, c51 = default, c52 = default;
        Vector512<T> c60 = default, c61 = default, c62 = default;
        Vector512<T> c70 = default, c71 = default, c72 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + w);
            var b2 = Vector512.Load(b + 2 * w);
            var a0 = Vector512.Create(a[0]);
            c00 = FusedMultiplyAdd.Apply(a0, b0, c00); c01 = FusedMultiplyAdd.Apply(a0, b1, c01); c02 = FusedMultiplyAdd.Apply(a0, b2, c02);
            var a1 = Vector512.Create(a[1]);
            c10 = FusedMultiplyAdd.Apply(a1, b0, c10); c11 = FusedMultiplyAdd.Apply(a1, b1, c11); c12 = FusedMultiplyAdd.Apply(a1, b2, c12);
            var a2 = Vector512.Create(a[2]);
            c20 = FusedMultiplyAdd.Apply(a2, b0, c20); c21 = FusedMultiplyAdd.Apply(a2, b1, c21); c22 = FusedMultiplyAdd.Apply(a2, b2, c22);
            var a3 = Vector512.Create(a[3]);
            c30 = FusedMultiplyAdd.Apply(a3, b0, c30); c31 = FusedMultiplyAdd.Apply(a3, b1, c31); c32 = FusedMultiplyAdd.Apply(a3, b2, c32);
            var a4 = Vector512.Create(a[4]);
            c40 = FusedMultiplyAdd.Apply(a4, b0, c40); c41 = FusedMultiplyAdd.Apply(a4, b1, c41); c42 = FusedMultiplyAdd.Apply(a4, b2, c42);
            var a5 = Vector512.Create(a[5]);
            c50 = FusedMultiplyAdd.Apply(a5, b0, c50); c51 = FusedMultiplyAdd.Apply(a5, b1, c51); c52 = FusedMultiplyAdd.Apply(a5, b2, c52);
            var a6 = Vector512.Create(a[6]);
            c60 = FusedMultiplyAdd.Apply(a6, b0, c60); c61 = FusedMultiplyAdd.Apply(a6, b1, c61); c62 = FusedMultiplyAdd.Apply(a6, b2, c62);
            var a7 = Vector512.Create(a[7]);
            c70 = FusedMultiplyAdd.Apply(a7, b0, c70); c71 = FusedMultiplyAdd.Apply(a7, b1, c71); c72 = FusedMultiplyAdd.Apply(a7, b2, c72);
            a += 8;
            b += 3 * w;
        }

        var va = Vector512.Create(alpha);
        if (beta == T.Zero)
        {
            Store(c + (0 * ldc), va, c00, c01, c02);
            Store(c + (1 * ldc), va, c10, c11, c12);
            Store(c + (2 * ldc), va, c20, c21, c22);
            Store(c + (3 * ldc), va, c30, c31, c32);
            Store(c + (4 * ldc), va, c40, c41, c42);
            Store(c + (5 * ldc), va, c50, c51, c52);
            Store(c + (6 * ldc), va, c60, c61, c62);
            Store(c + (7 * ldc), va, c70, c71, c72);
        }
        else
        {
            var vb = Vector512.Create(beta);
            Update(c + (0 * ldc), va, vb, c00, c01, c02);
            Update(c + (1 * ldc), va, vb, c10, c11, c12);
            Update(c + (2 * ldc), va, vb, c20, c21, c22);
            Update(c + (3 * ldc), va, vb, c30, c31, c32);
            Update(c + (4 * ldc), va, vb, c40, c41, c42);
            Update(c + (5 * ldc), va, vb, c50, c51, c52);
            Update(c + (6 * ldc), va, vb, c60, c61, c62);
            Update(c + (7 * ldc), va, vb, c70, c71, c72);
        }
    }

    /// <summary>Starts loading the C tile into L1 while the rank-kc product runs, so the final update does not wait on memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchTile(T* c, nint ldc)
    {
        if (!Sse.IsSupported) return;
        for (int i = 0; i < 8; i++)
        {
            byte* row = (byte*)(c + (i * ldc));
            Sse.Prefetch0(row);
            Sse.Prefetch0(row + 64);
            Sse.Prefetch0(row + 128);
            Sse.Prefetch0(row + 191);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T* row, Vector512<T> alpha, Vector512<T> x0, Vector512<T> x1, Vector512<T> x2)
    {
        Vector512.Store(alpha * x0, row);
        Vector512.Store(alpha * x1, row + Vector512<T>.Count);
        Vector512.Store(alpha * x2, row + (2 * Vector512<T>.Count));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(T* row, Vector512<T> alpha, Vector512<T> beta, Vector512<T> x0, Vector512<T> x1, Vector512<T> x2)
    {
        Vector512.Store(FusedMultiplyAdd.Apply(alpha, x0, beta * Vector512.Load(row)), row);
        Vector512.Store(FusedMultiplyAdd.Apply(alpha, x1, beta * Vector512.Load(row + Vector512<T>.Count)), row + Vector512<T>.Count);
        Vector512.Store(FusedMultiplyAdd.Apply(alpha, x2, beta * Vector512.Load(row + (2 * Vector512<T>.Count))), row + (2 * Vector512<T>.Count));
    }
}
