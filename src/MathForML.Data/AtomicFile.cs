namespace MathForML.Data;

/// <summary>
/// Writes a file so that readers never see it half-written: the content goes to a temporary file in the same
/// folder, which is renamed over the target only after it was written and flushed completely. If writing fails,
/// the temporary file is deleted and any existing target is left as it was.
/// </summary>
/// <remarks>
/// What is not ours is never replaced: a symlink is followed and its final target replaced (the link stays a link);
/// a device, FIFO or socket (<c>/dev/null</c>, <c>/dev/stdout</c>, a named pipe) is written through, as a shell
/// redirection would, since there is nothing to rename over; and a replaced file keeps its permissions. A temporary
/// file left by a process that was killed while writing the same target is removed on the next write
/// (<see cref="StaleTempFiles"/>).
/// </remarks>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (new FileInfo(full).LinkTarget is not null && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target) full = target.FullName;
        var dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"{path}: folder '{dir}' does not exist.");
        var kind = UnixFileType.Of(full);
        if (kind == FileKind.Directory)
            throw new IOException($"{path}: is a directory, expected a file name.");
        if (kind == FileKind.Special)
        {
            using var through = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
            write(through);
            through.Flush();
            return;
        }

        StaleTempFiles.Remove(full, ".tmp");
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (kind == FileKind.Regular && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes text to <paramref name="path"/> atomically (UTF-8, no byte-order mark).</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.NewLine = "\n";
            write(writer);
        });

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
