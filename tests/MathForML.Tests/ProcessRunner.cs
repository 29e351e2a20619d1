using System.Diagnostics;

namespace MathForML.Tests;

/// <summary>
/// Runs a program as a separate process with a time limit, standard input closed, and captures its exit code and what
/// it prints. The one process runner of the tests (<see cref="Cli.MmlProcess"/> runs <c>mml</c> through it).
/// </summary>
/// <remarks>
/// The two pipes are read on threads of their own (<see cref="ReadToEnd"/>), not with <c>ReadToEndAsync</c>: on Linux
/// that holds a thread-pool thread in a blocking read per pipe, and with the pool held by the rest of the suite (two
/// cores, a minimum of two pool threads) each short run waited for the pool to grow.
/// </remarks>
internal static class ProcessRunner
{
    /// <summary>The <c>dotnet</c> host running the tests (found through this process's PATH, so a child's PATH can be emptied).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The built <c>mml.dll</c> beside the tests.</summary>
    public static string Mml => Path.Combine(AppContext.BaseDirectory, "mml.dll");

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/>; kills it after <paramref name="timeout"/>.</summary>
    public static (int Code, string Out, string Err) Run(string fileName, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        var output = ReadToEnd(process.StandardOutput);
        var error = ReadToEnd(process.StandardError);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout.TotalSeconds} s");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Reads <paramref name="reader"/> to its end on a dedicated thread (not the thread pool's).</summary>
    public static Task<string> ReadToEnd(StreamReader reader) =>
        Task.Factory.StartNew(reader.ReadToEnd, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
