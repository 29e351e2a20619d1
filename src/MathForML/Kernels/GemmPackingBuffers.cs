using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MathForML.Kernels;

/// <summary>
/// Per-thread scratch space for the packed A and B blocks: pinned arrays kept in [ThreadStatic] fields, so repeated
/// products allocate nothing, and handed out 64-byte aligned so packed panels start on cache lines.
/// </summary>
internal static unsafe class GemmPackingBuffers<T> where T : unmanaged
{
    private const int Alignment = 64;

    [ThreadStatic] private static T[]? s_a;
    [ThreadStatic] private static T[]? s_b;

    /// <summary>An aligned buffer of at least <paramref name="length"/> elements for packed A, valid on this thread until the next call.</summary>
    public static T* ForA(int length) => Aligned(ref s_a, length);

    /// <summary>An aligned buffer of at least <paramref name="length"/> elements for packed B, valid on this thread until the next call.</summary>
    public static T* ForB(int length) => Aligned(ref s_b, length);

    private static T* Aligned(ref T[]? buffer, int length)
    {
        int padded = length + (Alignment / sizeof(T));
        if (buffer is null || buffer.Length < padded)
            buffer = GC.AllocateUninitializedArray<T>(padded, pinned: true);
        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (T*)((start + Alignment - 1) & ~(nint)(Alignment - 1));
    }
}
