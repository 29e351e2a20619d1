using System.Diagnostics;

namespace MathForML.Tests.Notebooks;

/// <summary>Runs <c>dotnet run [OPTIONS] notebooks/NAME.cs [-- ARGS]</c> in a working folder and captures what it prints.</summary>
internal static class NotebookRunner
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MathForML.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MathForML.slnx not found above the test folder.");
    }

    /// <summary>Runs the notebook and asserts it exits 0; returns its standard output.</summary>
    public static async Task<string> Run(string name, string workingDirectory, string[]? runOptions = null, string[]? arguments = null)
    {
        string[] command = ["run", .. runOptions ?? [], Path.Combine(RepositoryRoot(), "notebooks", name + ".cs")];
        if (arguments is { Length: > 0 }) command = [.. command, "--", .. arguments];
        var start = new ProcessStartInfo("dotnet", command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        string stdout = await stdoutTask, stderr = await stderrTask;
        Assert.True(process.ExitCode == 0, $"{name} exited {process.ExitCode}: {stdout}{stderr}");
        return stdout;
    }
}
