namespace MathForML.Tests.Cli;

/// <summary>
/// Runs the built <c>mml</c> as a separate process, <c>dotnet mml.dll ARGS</c> from the test output folder (the test
/// project references the CLI project, so <c>mml.dll</c> is copied there), and captures its exit code and output.
/// </summary>
/// <remarks>
/// Through <see cref="ProcessRunner"/>: standard input is closed, the working folder is the one given, and tiered
/// compilation is switched back on (<c>DOTNET_TieredCompilation=1</c>): mml is built with it off for long numeric runs,
/// which would add a JIT second to every short bad-input run. <c>MML_DEBUG</c> is cleared so a stack trace is a real
/// failure. The multicore-JIT profile is off (<c>MML_JIT_PROFILE=0</c>): hundreds of short runs replaying each other's
/// profiles only add CPU to a loaded suite (the bad-input table 34 → 37 s); <c>JitProfileTests</c> run with it on.
/// </remarks>
internal static class MmlProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["DOTNET_TieredCompilation"] = "1",
        ["MML_DEBUG"] = null,
        ["MML_JIT_PROFILE"] = "0",
    };

    public static string DllPath => ProcessRunner.Mml;

    public static (int Code, string Out, string Err) Run(string workingDirectory, IReadOnlyList<string> args)
    {
        if (!File.Exists(DllPath)) throw new FileNotFoundException($"the built CLI is missing: {DllPath}", DllPath);
        return ProcessRunner.Run(ProcessRunner.Dotnet, [DllPath, .. args], workingDirectory, Timeout, Environment);
    }
}
