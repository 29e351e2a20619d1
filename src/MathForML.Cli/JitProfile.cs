using System.Reflection;
using System.Runtime;
using MathForML.Kernels;

namespace MathForML.Cli;

/// <summary>
/// Multicore JIT for the command a run names: the first run of <c>mml pca …</c> records which methods it compiled
/// (<see cref="ProfileOptimization"/>) into <c>$XDG_CACHE_HOME/mathforml/jit/VERSION/PATH-BUILD/pca.profile</c>; every later
/// run replays that list on a background thread, so the vector kernels, the decompositions and the generic code of
/// System.Text.Json and System.CommandLine are compiled on the second core while the first starts the runtime, parses
/// the arguments and reads the file, instead of one by one on the user's clock when each is first called.
/// </summary>
/// <remarks>
/// <para>
/// Why not ahead of time: ReadyToRun cannot hold the 512-bit kernels (crossgen2 leaves every method that calls a 512-bit
/// vector operation to the JIT, "ABI unstable type", even for <c>--instruction-set x86-64-v4</c>), and Native AOT
/// decides at compile time whether the 512-bit paths are taken (see <see cref="ActiveKernelPath"/>), so one binary could not serve AVX-512 and
/// AVX2-only CPUs. The JIT still compiles for the CPU it runs on; this only moves the work off the critical path.
/// Measured on the 2-core Zen 5 box (published ReadyToRun tool, medians of 5–7 interleaved runs): <c>mml pca</c> on MNIST
/// 10k 0.64 → 0.46 s, <c>knn</c> 0.47 → 0.38 s, <c>fit</c> Thurber 0.39 → 0.32 s, <c>nn train</c> 1.16 → 0.89 s,
/// <c>linalg eig --values-only</c> 2000² 0.78 → 0.72 s.
/// </para>
/// <para>
/// A profile is a few tens of kilobytes per command. The folder names the tool's build (a rebuilt tool starts new
/// profiles) and the kernel path the library runs
/// (<c>DOTNET_EnableAVX512=0</c> takes the AVX2 kernels: another list). Anything that stops it (no home folder, a
/// read-only cache, <c>MML_JIT_PROFILE=0</c>) leaves the run as it was: compiling on first call. Ranks under
/// <c>mpirun</c> do not use it (they would all write one file).
/// </para>
/// </remarks>
internal static class JitProfile
{
    /// <summary>The environment variable that turns profiles off when set to <c>0</c>.</summary>
    internal const string Switch = "MML_JIT_PROFILE";

    /// <summary>Starts recording (and replaying, when a profile exists) for the command <paramref name="args"/> names; never throws.</summary>
    public static void Start(string[] args)
    {
        if (Environment.GetEnvironmentVariable(Switch) == "0" || NameFor(args) is not { } name) return;
        try
        {
            // A relative cache (no home folder, so ".cache" under the working folder) would put a profile in whatever
            // folder the user is in: no profile then. (A relative XDG_CACHE_HOME is ignored already, as the XDG spec says.)
            var cache = MathForML.Data.Mnist.DefaultCacheDirectory;
            if (!Path.IsPathFullyQualified(cache)) return;
            var folder = FolderFor(cache);
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(name + ".profile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // No profile: the run compiles each method when first called, as without one.
        }
    }

    /// <summary>
    /// The profile's name: the command word (<c>pca</c>) and, for a command with subcommands, the subcommand
    /// (<c>linalg-eig</c>); null when the run names no command (help, <c>--version</c>, a mistyped word), which has
    /// nothing worth replaying.
    /// </summary>
    internal static string? NameFor(string[] args)
    {
        int at = Array.FindIndex(args, a => a != "--json");
        if (at < 0 || !Array.Exists(CliApp.Commands, c => c.Name == args[at])) return null;
        string command = args[at];
        if (!WithSubcommands.Contains(command)) return command;
        return at + 1 < args.Length && IsWord(args[at + 1]) ? $"{command}-{args[at + 1]}" : null;
    }

    /// <summary>
    /// <c>BASE/jit/VERSION/PATH-BUILD</c>: the tool's informational version (with its commit), the kernel path the library
    /// runs (<see cref="ActiveKernelPath"/>),
    /// and 8 hex digits of the module version ids of mml and MathForML (deterministic builds: the same source gives the
    /// same ids, any change another folder, so a profile never names methods of another build).
    /// </summary>
    internal static string FolderFor(string cacheDirectory)
    {
        var version = typeof(JitProfile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var safe = new string(version.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());
        var tool = typeof(JitProfile).Assembly.ManifestModule.ModuleVersionId.ToByteArray();
        var library = typeof(MathForML.LinearAlgebra.Matrix).Assembly.ManifestModule.ModuleVersionId.ToByteArray();
        uint build = 0;
        for (int i = 0; i < 16; i++) build = (build * 31) + (uint)(tool[i] ^ (library[i] << 1));
        return Path.Combine(cacheDirectory, "jit", safe, $"{ActiveKernelPath.Name}-{build:x8}");
    }

    /// <summary>The top-level commands whose second word is a subcommand.</summary>
    private static readonly HashSet<string> WithSubcommands = ["linalg", "calc", "stats", "geometry", "data", "nn"];

    /// <summary>A subcommand's shape: lower-case letters, inner hyphens allowed (<c>gram-schmidt</c>).</summary>
    private static bool IsWord(string s) =>
        s.Length is > 0 and <= 32 && char.IsAsciiLetterLower(s[0]) && char.IsAsciiLetterLower(s[^1]) && s.All(c => char.IsAsciiLetterLower(c) || c == '-');
}
