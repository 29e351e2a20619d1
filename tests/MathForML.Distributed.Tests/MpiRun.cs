using System.Diagnostics;

namespace MathForML.Distributed.Tests;

/// <summary>Runs the built <c>mml</c> as P ranks under <c>mpirun</c>, or as one plain process, with a time limit.</summary>
internal static class MpiRun
{
    /// <summary>OpenMPI's launcher, or null when it is not installed.</summary>
    public static string? Launcher { get; } = new[] { "/usr/bin/mpirun", "/usr/local/bin/mpirun" }.FirstOrDefault(File.Exists);

    /// <summary>The <c>dotnet</c> host running the tests.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The built <c>mml.dll</c> beside the tests.</summary>
    public static string MmlDll => Path.Combine(AppContext.BaseDirectory, "mml.dll");

    /// <summary>
    /// <c>mpirun -q --allow-run-as-root --oversubscribe -np P</c> followed by <paramref name="program"/>; -q leaves
    /// mpirun's own banners out, so stderr holds what the ranks print.
    /// </summary>
    public static Result Ranks(int ranks, IEnumerable<string> program, string workingDirectory, TimeSpan? timeout = null) =>
        Run(Launcher ?? throw new InvalidOperationException("MML_REQUIRE_MPI is set but there is no mpirun: install openmpi-bin."),
            ["-q", "--allow-run-as-root", "--oversubscribe", "-np", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), .. program],
            workingDirectory, timeout ?? TimeSpan.FromSeconds(90));

    /// <summary><c>mml</c> as P ranks.</summary>
    public static Result Mml(int ranks, IEnumerable<string> arguments, string workingDirectory, TimeSpan? timeout = null) =>
        Ranks(ranks, [Dotnet, MmlDll, .. arguments], workingDirectory, timeout);

    /// <summary><c>mml</c> as one plain process (no launcher).</summary>
    public static Result Single(IEnumerable<string> arguments, string workingDirectory, TimeSpan? timeout = null) =>
        Run(Dotnet, [MmlDll, .. arguments], workingDirectory, timeout ?? TimeSpan.FromSeconds(90));

    /// <summary>What a run printed and how it ended.</summary>
    public sealed record Result(int Code, string Out, string Err, TimeSpan Elapsed);

    private static Result Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        // Each pipe on a thread of its own: ReadToEndAsync holds a thread-pool thread per pipe in a blocking read on Linux,
        // which a test run that keeps the pool busy would make the run wait for.
        var output = Task.Factory.StartNew(process.StandardOutput.ReadToEnd, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var error = Task.Factory.StartNew(process.StandardError.ReadToEnd, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout.TotalSeconds} s");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result, clock.Elapsed);
    }
}
