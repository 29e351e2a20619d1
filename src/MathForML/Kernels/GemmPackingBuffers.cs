using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathForML.Numerics;

namespace MathForML.Kernels;

/// <summary>
/// Per-thread scratch space for the packed A and B blocks: pinned arrays kept in [ThreadStatic] fields, so repeated
/// products allocate nothing, and handed out 64-byte aligned so packed panels start on cache lines. A buffer of
/// <see cref="HugePageMinimum"/> bytes or more starts on a 2 MiB boundary of memory advised for transparent huge pages
/// (<see cref="LargeArray"/>), so the 1 MB B block sits in one page and the 4 MB A block in two, and the micro-kernel's
/// streams through them cross no 4 KiB page boundaries (each one a new TLB entry and a restart of the L2 streamer):
/// 2048² float64 on both cores of the Xeon VM, in one process, alternated, 148.4 / 154.5 / 149.7 / 150.8 GFLOP/s against
/// 146.1 / 149.0 / 146.6 / 148.5 with buffers on 4 KiB pages. A huge buffer costs up to 2 MiB of slack a thread.
/// </summary>
internal static unsafe class GemmPackingBuffers<T> where T : unmanaged
{
    private const int Alignment = 64;

    /// <summary>Buffers from 256 KiB on are put on huge pages.</summary>
    internal const long HugePageMinimum = 256L << 10;

    private const long HugePageSize = 2L << 20;

    [ThreadStatic] private static T[]? s_a;
    [ThreadStatic] private static T[]? s_b;

    /// <summary>An aligned buffer of at least <paramref name="length"/> elements for packed A, valid on this thread until the next call.</summary>
    public static T* ForA(int length) => Aligned(ref s_a, length);

    /// <summary>An aligned buffer of at least <paramref name="length"/> elements for packed B, valid on this thread until the next call.</summary>
    public static T* ForB(int length) => Aligned(ref s_b, length);

    private static T* Aligned(ref T[]? buffer, int length)
    {
        var (alignment, padded) = Layout((long)length * sizeof(T));
        int elements = checked((int)(padded / sizeof(T)));
        if (buffer is null || buffer.Length < elements)
        {
            buffer = GC.AllocateUninitializedArray<T>(elements, pinned: true);
            if (alignment == HugePageSize) LargeArray.AdviseHugePages(buffer, HugePageMinimum);
        }

        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (T*)((start + (nint)alignment - 1) & ~((nint)alignment - 1));
    }

    /// <summary>
    /// The alignment of a buffer of <paramref name="bytes"/> and the bytes to allocate for it: 64 and 64 bytes of
    /// slack; from <see cref="HugePageMinimum"/> on, 2 MiB and the length rounded up to whole 2 MiB pages plus one page
    /// of slack, so that wherever the array starts, its aligned start plus the length lies within the 2 MiB-aligned
    /// interior that <see cref="LargeArray"/> advises.
    /// </summary>
    internal static (long Alignment, long PaddedBytes) Layout(long bytes) =>
        bytes >= HugePageMinimum
            ? (HugePageSize, ((bytes + HugePageSize - 1) & ~(HugePageSize - 1)) + HugePageSize)
            : (Alignment, bytes + Alignment);
}
