using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MathForML.Kernels;

/// <summary>The micro-kernel family a level-3 kernel runs on: plain scalar code, 256-bit vectors with FMA, or 512-bit vectors.</summary>
internal enum KernelPath
{
    /// <summary>Scalar arithmetic on <c>T</c>, no SIMD; runs everywhere.</summary>
    Scalar,

    /// <summary><see cref="Vector256{T}"/> with fused multiply-add (AVX2 + FMA on x86).</summary>
    Vector256,

    /// <summary><see cref="Vector512{T}"/> (AVX-512F).</summary>
    Vector512,
}

/// <summary>Chooses the fastest <see cref="KernelPath"/> the running processor accelerates, once per process.</summary>
internal static class KernelPathSelection
{
    /// <summary>The widest accelerated path: 512 when <see cref="Vector512.IsHardwareAccelerated"/>, else 256 when FMA is there, else scalar.</summary>
    public static KernelPath Best { get; } =
        Vector512.IsHardwareAccelerated ? KernelPath.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? KernelPath.Vector256
        : KernelPath.Scalar;

    /// <summary>Every path this processor runs in hardware (the scalar one always), narrowest first.</summary>
    public static IReadOnlyList<KernelPath> Supported { get; } =
        [.. Enum.GetValues<KernelPath>().Where(p => p <= Best)];
}
