using System.Diagnostics;
using MathForML.Data;

namespace MathForML.Tests.Data;

/// <summary>
/// <see cref="AtomicFile"/>: a regular file is replaced whole or not at all; a symlink is followed (its target
/// replaced, the link kept); a FIFO or a device is written through, never replaced; permissions are kept.
/// </summary>
public class AtomicFileTests
{
    private static void Write(string path, string text) => AtomicFile.WriteText(path, w => w.Write(text));

    private static bool Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    [Fact]
    public void Replaces_a_file_and_leaves_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.txt");
        Write(path, "old");
        Write(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["out.txt"], dir.Files());
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.txt");
        Write(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, w =>
        {
            w.Write("half");
            throw new InvalidOperationException("failed midway");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["out.txt"], dir.Files());
    }

    [Fact]
    public void A_symlink_is_followed_and_stays_a_link()
    {
        using var dir = new TempDirectory();
        var target = dir.File("target.txt");
        Write(target, "old");
        var first = dir.File("first-link");
        var second = dir.File("second-link");
        File.CreateSymbolicLink(second, target);
        File.CreateSymbolicLink(first, second);
        Write(first, "through two links");
        Assert.Equal("through two links", File.ReadAllText(target));
        Assert.Equal(second, new FileInfo(first).LinkTarget);
        Assert.Equal(target, new FileInfo(second).LinkTarget);
    }

    [Fact]
    public void A_dangling_symlink_creates_its_target()
    {
        using var dir = new TempDirectory();
        var link = dir.File("link");
        File.CreateSymbolicLink(link, dir.File("made.txt"));
        Write(link, "made");
        Assert.Equal("made", File.ReadAllText(dir.File("made.txt")));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Permissions_are_kept()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var path = dir.File("secret.txt");
        Write(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Write(path, "new");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task A_fifo_is_written_through_not_replaced()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDirectory();
        var fifo = dir.File("pipe");
        Assert.True(Run("mkfifo", fifo), "mkfifo failed");
        var reader = Task.Run(() => File.ReadAllText(fifo));
        Write(fifo, "through the pipe");
        Assert.Equal("through the pipe", await reader.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(FileKind.Special, UnixFileType.Of(fifo));
        Assert.Equal(["pipe"], dir.Files());
    }

    [Fact]
    public void A_device_node_is_written_through_not_replaced()
    {
        Assert.Equal(FileKind.Special, UnixFileType.Of("/dev/null"));
        using var dir = new TempDirectory();
        var device = dir.File("null");
        // A private copy of /dev/null (character device 1:3) where this user may make one (root); the type check above
        // runs everywhere.
        if (!OperatingSystem.IsLinux() || !Run("mknod", device, "c", "1", "3")) return;
        Write(device, "discarded");
        Assert.Equal(FileKind.Special, UnixFileType.Of(device));
        Assert.Equal(0, new FileInfo(device).Length);
        Assert.Equal(["null"], dir.Files());
    }

    [Fact]
    public void File_kinds_are_told_apart()
    {
        using var dir = new TempDirectory();
        Assert.Equal(FileKind.Directory, UnixFileType.Of(dir.Path));
        Assert.Equal(FileKind.Missing, UnixFileType.Of(dir.File("none")));
        Write(dir.File("f"), "x");
        Assert.Equal(FileKind.Regular, UnixFileType.Of(dir.File("f")));
    }

    [Fact]
    public void A_temporary_file_left_by_a_killed_process_is_removed_on_the_next_write()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.txt");
        // A process id that is not running (past the kernel's pid_max), one that is (ours is skipped, so use pid 1),
        // and a file of another shape.
        string stale = dir.Write($".out.txt.{int.MaxValue}.{Guid.NewGuid():N}.tmp", "left by a killed write");
        string running = dir.Write($".out.txt.1.{Guid.NewGuid():N}.tmp", "being written by pid 1");
        string other = dir.Write(".out.txt.notes.tmp", "not ours");
        Write(path, "new");
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(running));
        Assert.True(File.Exists(other));
    }
}
