using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

public sealed class CpuCachesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mml-caches-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private void Index(int number, string level, string type, string size)
    {
        string folder = Path.Combine(_root, "index" + number);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "level"), level + "\n");
        File.WriteAllText(Path.Combine(folder, "type"), type + "\n");
        File.WriteAllText(Path.Combine(folder, "size"), size + "\n");
    }

    [Fact]
    public void ReadsTheLevelOneDataAndLevelTwoCachesOfLinux()
    {
        // The layout of an Emerald Rapids core: 48 KB data, 32 KB instructions, 2 MB L2, 260 MB L3.
        Index(0, "1", "Data", "48K");
        Index(1, "1", "Instruction", "32K");
        Index(2, "2", "Unified", "2048K");
        Index(3, "3", "Unified", "266240K");
        Assert.Equal(new CpuCaches(48 * 1024, 2048 * 1024), CpuCaches.Read(_root, CpuCaches.Fallback(true)));
    }

    [Fact]
    public void MissingOrImplausibleSizesKeepTheFallback()
    {
        Assert.Equal(CpuCaches.Fallback(false), CpuCaches.Read(Path.Combine(_root, "absent"), CpuCaches.Fallback(false)));
        Index(0, "1", "Data", "lots");
        Index(2, "2", "Unified", "999999M");
        Assert.Equal(CpuCaches.Fallback(true), CpuCaches.Read(_root, CpuCaches.Fallback(true)));
        Index(2, "2", "Unified", "1M");
        Assert.Equal(new CpuCaches(48 * 1024, 1024 * 1024), CpuCaches.Read(_root, CpuCaches.Fallback(true)));
    }

    [Theory]
    [InlineData("48K", 48 * 1024)]
    [InlineData("1M", 1024 * 1024)]
    [InlineData("32768", 32768)]
    [InlineData("2k", 0)]
    [InlineData("", 0)]
    [InlineData("-48K", 0)]
    [InlineData("65M", 0)]
    [InlineData("12.5K", 0)]
    public void ParsesSizesInTheKernelsFormat(string text, int expected) =>
        Assert.Equal(expected == 0 ? null : expected, CpuCaches.ParseSize(text));

    [Fact]
    public void ThisMachinesCachesArePlausible()
    {
        var caches = CpuCaches.Current;
        Assert.InRange(caches.L1DataBytes, 4 * 1024, 64 * 1024 * 1024);
        Assert.InRange(caches.L2Bytes, 4 * 1024, 64 * 1024 * 1024);
    }
}
