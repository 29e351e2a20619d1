namespace MathForML.Cli.Commands;

/// <summary>
/// A list of download sources from an environment variable: comma-separated absolute http(s) base URLs (blanks around
/// commas ignored). Used for <c>MML_MNIST_MIRRORS</c> and <c>MML_FACES_SOURCES</c>.
/// </summary>
internal static class SourceList
{
    /// <summary>
    /// The URLs in <paramref name="variable"/>, or null when it is not set (an empty value is an empty list).
    /// A value that is not an http(s) URL is the user's error, naming the variable and <paramref name="example"/>.
    /// </summary>
    public static List<Uri>? FromEnvironment(string variable, string example)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (value is null) return null;
        var sources = new List<Uri>();
        foreach (var text in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new UserInputException($"{variable}: '{TerminalText.Printable(text)}' is not an http(s) URL; expected comma-separated base URLs such as {example}.");
            sources.Add(uri);
        }
        return sources;
    }
}
