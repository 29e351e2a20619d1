using System.Diagnostics;

namespace MathForML.Tests.Notebooks;

/// <summary>Runs <c>dotnet run [OPTIONS] notebooks/NAME.cs [-- ARGS]</c> in a working folder and captures what it prints.</summary>
internal static class NotebookRunner
{

    /// <summary>
    /// Where <c>dotnet run file.cs</c> keeps each file-based app's build, one folder per notebook path
    /// (<c>~/.local/share/dotnet/runfile/NAME-HASH</c>, about 300 MB each).
    /// </summary>
    private static string RunfileCache => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dotnet", "runfile");

    /// <summary>
    /// Runs the notebook and asserts it exits 0; returns its standard output. When the repository is a temporary clone
    /// (CI's, or the README test's), the build folder the run left in <see cref="RunfileCache"/> is removed afterwards:
    /// every clone path gets a new one, and they filled 72 GB of a home folder over a day of runs.
    /// </summary>
    public static async Task<string> Run(string name, string workingDirectory, string[]? runOptions = null, string[]? arguments = null)
    {
        bool temporaryClone = RepositoryRoot.Path.StartsWith(Path.GetTempPath(), StringComparison.Ordinal);
        var before = temporaryClone ? CachedBuilds(name) : [];
        try
        {
            return await RunProcess(name, workingDirectory, runOptions, arguments);
        }
        finally
        {
            if (temporaryClone)
            {
                foreach (var dir in CachedBuilds(name).Except(before))
                {
                    try
                    {
                        Directory.Delete(dir, recursive: true);
                    }
                    catch (IOException)
                    {
                        // Another process still holds a file: the folder stays, as it would have anyway.
                    }
                    catch (UnauthorizedAccessException)
                    {
                    }
                }
            }
        }
    }

    private static HashSet<string> CachedBuilds(string name) =>
        Directory.Exists(RunfileCache) ? [.. Directory.GetDirectories(RunfileCache, name + "-*")] : [];

    private static async Task<string> RunProcess(string name, string workingDirectory, string[]? runOptions, string[]? arguments)
    {
        string[] command = ["run", .. runOptions ?? [], Path.Combine(RepositoryRoot.Path, "notebooks", name + ".cs")];
        if (arguments is { Length: > 0 }) command = [.. command, "--", .. arguments];
        var start = new ProcessStartInfo("dotnet", command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdoutTask = ProcessRunner.ReadToEnd(process.StandardOutput);
        var stderrTask = ProcessRunner.ReadToEnd(process.StandardError);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        string stdout = await stdoutTask, stderr = await stderrTask;
        Assert.True(process.ExitCode == 0, $"{name} exited {process.ExitCode}: {stdout}{stderr}");
        return stdout;
    }
}
