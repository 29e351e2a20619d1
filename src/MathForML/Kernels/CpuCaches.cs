using System.Globalization;

namespace MathForML.Kernels;

/// <summary>
/// The sizes of the first core's level-1 data cache and level-2 cache, which the GEMM block sizes are cut to. Read once
/// from Linux's <c>/sys/devices/system/cpu/cpu0/cache/index*/{level,type,size}</c>; where that is missing or unreadable
/// (other systems, containers that hide it), the fallbacks stand: 48 KB and 1 MB on a processor with AVX-512 (Zen 4/5,
/// Golden Cove and later have at least these), 32 KB and 512 KB otherwise.
/// </summary>
/// <param name="L1DataBytes">Level-1 data cache of one core.</param>
/// <param name="L2Bytes">Level-2 cache of one core.</param>
internal readonly record struct CpuCaches(int L1DataBytes, int L2Bytes)
{
    private static readonly Lazy<CpuCaches> s_current = new(() => Read("/sys/devices/system/cpu/cpu0/cache", Fallback(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)));

    /// <summary>This machine's caches (read on first use).</summary>
    public static CpuCaches Current => s_current.Value;

    /// <summary>The sizes assumed when the system does not say.</summary>
    public static CpuCaches Fallback(bool wideVectors) => wideVectors ? new(48 * 1024, 1024 * 1024) : new(32 * 1024, 512 * 1024);

    /// <summary>
    /// Reads the <c>index*</c> folders under <paramref name="directory"/>: the level-1 cache of type Data and the
    /// level-2 Unified one. A size the kernel does not give, or gives out of the plausible range (4 KB – 64 MB), keeps
    /// its value from <paramref name="fallback"/>.
    /// </summary>
    public static CpuCaches Read(string directory, CpuCaches fallback)
    {
        int l1 = fallback.L1DataBytes, l2 = fallback.L2Bytes;
        try
        {
            if (!Directory.Exists(directory)) return fallback;
            foreach (string index in Directory.EnumerateDirectories(directory, "index*"))
            {
                string? level = ReadLine(Path.Combine(index, "level"));
                string? type = ReadLine(Path.Combine(index, "type"));
                int? size = ParseSize(ReadLine(Path.Combine(index, "size")));
                if (size is null) continue;
                if (level == "1" && type == "Data") l1 = size.Value;
                else if (level == "2" && type is "Unified" or "Data") l2 = size.Value;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return fallback;
        }

        return new CpuCaches(l1, l2);
    }

    /// <summary>"48K", "2048K", "1M" or a plain byte count, within 4 KB – 64 MB; null otherwise.</summary>
    internal static int? ParseSize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        long multiplier = text[^1] switch { 'K' or 'k' => 1024, 'M' or 'm' => 1024 * 1024, _ => 1 };
        string digits = multiplier == 1 ? text : text[..^1];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value)) return null;
        long bytes = value * multiplier;
        return bytes is >= 4 * 1024 and <= 64 * 1024 * 1024 ? (int)bytes : null;
    }

    private static string? ReadLine(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;
}
