namespace MathForML.Data;

/// <summary>
/// A downloaded file's SHA-256 digest is not the published one: the file is corrupt, truncated or not the file
/// expected, and was not kept.
/// </summary>
public sealed class ChecksumMismatchException : IOException
{
    /// <summary>Creates the exception for <paramref name="fileName"/> fetched from <paramref name="url"/>.</summary>
    public ChecksumMismatchException(string fileName, string url, string expected, string actual)
        : base($"{fileName} from {url}: SHA-256 is {actual}, expected {expected}; the file was discarded.")
    {
        FileName = fileName;
        Url = url;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Creates the exception with no details.</summary>
    public ChecksumMismatchException() { FileName = Url = Expected = Actual = ""; }

    /// <summary>Creates the exception with a message.</summary>
    public ChecksumMismatchException(string message) : base(message) { FileName = Url = Expected = Actual = ""; }

    /// <summary>Creates the exception wrapping another one.</summary>
    public ChecksumMismatchException(string message, Exception innerException) : base(message, innerException) { FileName = Url = Expected = Actual = ""; }

    /// <summary>The file's name.</summary>
    public string FileName { get; }

    /// <summary>Where the file came from.</summary>
    public string Url { get; }

    /// <summary>The published digest.</summary>
    public string Expected { get; }

    /// <summary>The digest of what was received.</summary>
    public string Actual { get; }
}
