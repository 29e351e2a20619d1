using System.Globalization;

namespace MathForML.Data;

/// <summary>
/// Refuses, with a clear message, to read a file whose values would take more than half the memory this process may
/// use (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: the machine's memory or the container's limit). A bigger
/// array would succeed or fail at the whim of the rest of the heap, and the work on it (centring, covariance) needs
/// room beside it: better one line saying so than an out-of-memory crash halfway.
/// </summary>
internal static class MemoryLimit
{
    /// <summary>The bytes one array read from a file may take: half of what the GC may use.</summary>
    public static long MaxArrayBytes { get; } = Math.Max(1L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    /// <summary>Whether <paramref name="elements"/> of <paramref name="elementSize"/> bytes fit in <see cref="MaxArrayBytes"/> (for callers that describe the array only when it does not).</summary>
    public static bool Fits(long elements, int elementSize) => (double)elements * elementSize <= MaxArrayBytes;

    /// <summary>Throws <see cref="DataFileException"/> when <paramref name="elements"/> of <paramref name="elementSize"/> bytes exceed <see cref="MaxArrayBytes"/>.</summary>
    public static void EnsureFits(long elements, int elementSize, string path, string what)
    {
        if (Fits(elements, elementSize)) return;
        double bytes = (double)elements * elementSize;
        throw new DataFileException(path, string.Create(CultureInfo.InvariantCulture,
            $"{what} would take {bytes / (1L << 30):F1} GiB in memory, more than half the {2.0 * MaxArrayBytes / (1L << 30):F1} GiB this process may use"));
    }
}
