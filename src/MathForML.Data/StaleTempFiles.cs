using System.Diagnostics;
using System.Globalization;

namespace MathForML.Data;

/// <summary>
/// Removes temporary files that an earlier process left behind when it was killed (SIGKILL, power loss: nothing runs
/// to delete them). Our temporary names are <c>.NAME.PID.GUID.SUFFIX</c> beside the target; one whose process no
/// longer runs is stale and deleted the next time the same target is written. A file of a process that still runs is
/// left alone (it may be writing now); so is anything not of that shape.
/// </summary>
internal static class StaleTempFiles
{
    /// <summary>Deletes the stale <c>.NAME.PID.GUID.SUFFIX</c> files for <paramref name="target"/>; never throws.</summary>
    public static void Remove(string target, string suffix)
    {
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".";
            string prefix = "." + Path.GetFileName(target) + ".";
            foreach (var path in Directory.EnumerateFiles(dir, prefix + "*" + suffix))
            {
                var middle = Path.GetFileName(path)[prefix.Length..^suffix.Length];   // PID.GUID
                int dot = middle.IndexOf('.', StringComparison.Ordinal);
                if (dot <= 0 || middle.Length - dot - 1 != 32) continue;
                if (!int.TryParse(middle.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
                if (pid == Environment.ProcessId || IsRunning(pid)) continue;
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Cleaning is a courtesy: a folder we cannot list or a file we cannot delete is left as it is.
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
