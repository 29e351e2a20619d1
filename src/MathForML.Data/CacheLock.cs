using System.Diagnostics;

namespace MathForML.Data;

/// <summary>
/// An exclusive lock on a cache folder, held while a data set is checked, fetched or converted there, so that two
/// programs fetching it for the first time at once take turns instead of reading each other's half-written files. It
/// is the lock file <c>.lock</c> opened with <see cref="FileShare.None"/>, which .NET maps to an advisory
/// <c>flock(LOCK_EX)</c> on Unix (released by the kernel when the holder exits, even when killed).
/// </summary>
internal sealed class CacheLock : IDisposable
{
    private readonly FileStream? _stream;

    private CacheLock(FileStream? stream) => _stream = stream;

    /// <summary>The lock file's name in the cache folder.</summary>
    public const string FileName = ".lock";

    /// <summary>Waits (checking <paramref name="cancellationToken"/>) until the folder's lock is free and takes it.</summary>
    /// <exception cref="IOException">Still held by another program after <paramref name="timeout"/>; the message names the lock file.</exception>
    public static CacheLock Acquire(string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return new CacheLock(null);   // no cache folder can be made: whatever follows reports it
        }

        var path = Path.Combine(directory, FileName);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new CacheLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path) && watch.Elapsed < timeout)
            {
                Thread.Sleep(50);
            }
            catch (IOException e) when (File.Exists(path))
            {
                throw new IOException($"{path}: the cache is locked by another program fetching into it (waited {timeout.TotalSeconds:F0} s); if none is running, remove this file.", e);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // A cache this program may not write to (shared, read-only): nothing can be fetched into it, so it is
                // only read, and reading needs no lock.
                return new CacheLock(null);
            }
        }
    }

    public void Dispose() => _stream?.Dispose();
}
