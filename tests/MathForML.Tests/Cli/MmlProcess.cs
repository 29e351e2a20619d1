using System.Diagnostics;

namespace MathForML.Tests.Cli;

/// <summary>
/// Runs the built <c>mml</c> as a separate process, <c>dotnet mml.dll ARGS</c> from the test output folder (the test
/// project references the CLI project, so <c>mml.dll</c> is copied there), and captures its exit code and output.
/// </summary>
/// <remarks>
/// Standard input is closed, the working folder is <paramref name="workingDirectory"/>, and tiered compilation is
/// switched back on (<c>DOTNET_TieredCompilation=1</c>): mml is built with it off for long numeric runs, which would
/// add a JIT second to every short bad-input run. <c>MML_DEBUG</c> is cleared so a stack trace is a real failure.
/// </remarks>
internal static class MmlProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "mml.dll");

    public static (int Code, string Out, string Err) Run(string workingDirectory, IReadOnlyList<string> args)
    {
        if (!File.Exists(DllPath)) throw new FileNotFoundException($"the built CLI is missing: {DllPath}", DllPath);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_TieredCompilation"] = "1";
        start.Environment.Remove("MML_DEBUG");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"mml {string.Join(' ', args)} did not finish in {Timeout.TotalSeconds} s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
