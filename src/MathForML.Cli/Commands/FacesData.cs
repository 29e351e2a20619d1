using MathForML.Data.Faces;

namespace MathForML.Cli.Commands;

/// <summary>
/// The Olivetti faces for the commands: the library's fetch with the sources of <c>MML_FACES_SOURCES</c> when set, and
/// one line on stderr saying where the file is.
/// </summary>
internal static class FacesData
{
    /// <summary>Comma-separated base URLs that replace scikit-learn's source (the file's name, 5976027, is appended).</summary>
    public const string SourcesVariable = "MML_FACES_SOURCES";

    /// <summary>The fetch options: the defaults, or the sources of <see cref="SourcesVariable"/>.</summary>
    public static OlivettiFetchOptions Options()
    {
        var sources = SourceList.FromEnvironment(SourcesVariable, "https://ndownloader.figshare.com/files/");
        return sources is null ? new OlivettiFetchOptions() : new OlivettiFetchOptions { Sources = sources };
    }

    /// <summary>Fetches the file (a progress display on a terminal while downloading) and returns its path.</summary>
    public static string Fetch(CliContext ctx)
    {
        var options = Options();
        try
        {
            return ProgressDisplay.Run(ctx, display =>
            {
                using var stage = display.Start("Olivetti faces: checking the cache");
                return OlivettiFaces.Fetch(options, stage.Described(p => $"Olivetti faces: {p.Stage}"), ctx.Cancellation);
            });
        }
        catch (IOException e) when (e is not Data.DataFileException and not Data.ChecksumMismatchException)
        {
            throw new UserInputException($"{e.Message} Set {SourcesVariable} to a mirror, or put olivettifaces.mat in the cache folder.");
        }
    }
}
