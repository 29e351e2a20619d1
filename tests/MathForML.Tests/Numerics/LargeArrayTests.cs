using System.Globalization;
using System.Runtime.InteropServices;
using MathForML.Numerics;

namespace MathForML.Tests.Numerics;

public class LargeArrayTests
{
    [Fact]
    public unsafe void ALargeArrayIsAdvisedForHugePagesOnLinux()
    {
        if (!OperatingSystem.IsLinux()) return;
        var array = LargeArray.Uninitialized<double>(4 << 20);   // 32 MiB
        fixed (double* p = array)
        {
            long interior = ((long)p + (2L << 20)) & ~((2L << 20) - 1);
            // /proc/self/smaps lists each mapping's flags; "hg" is MADV_HUGEPAGE (proc(5)).
            Assert.Contains("hg", VmFlagsOf(interior));
        }
        GC.KeepAlive(array);
    }

    [Fact]
    public void ZeroedAndCopiedArraysHoldWhatTheySay()
    {
        var zeros = LargeArray.Zeroed<double>(1 << 20);
        Assert.True(zeros.AsSpan().IndexOfAnyExcept(0.0) < 0);
        var small = LargeArray.Zeroed<int>(10);
        Assert.Equal(new int[10], small);

        var source = Enumerable.Range(0, 1 << 20).Select(i => i * 0.5).ToArray();
        var copy = LargeArray.CopyOf<double>(source);
        Assert.Equal(source, copy);
        Assert.NotSame(source, copy);
    }

    [Fact]
    public void EmptyArraysAreFine()
    {
        Assert.Empty(LargeArray.Uninitialized<double>(0));
        Assert.Empty(LargeArray.Zeroed<double>(0));
        Assert.Empty(LargeArray.CopyOf<double>([]));
    }

    private static string VmFlagsOf(long address)
    {
        bool inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-');
            int space = line.IndexOf(' ');
            if (dash > 0 && space > dash
                && long.TryParse(line.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long start)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long end))
            {
                inside = address >= start && address < end;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line;
            }
        }
        return $"no mapping holds 0x{address:x}";
    }
}
