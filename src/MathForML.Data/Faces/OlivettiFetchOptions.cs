namespace MathForML.Data.Faces;

/// <summary>Where <see cref="OlivettiFaces"/> keeps its file and how it fetches it.</summary>
public sealed record OlivettiFetchOptions
{
    /// <summary>The cache folder; null for <see cref="Mnist.DefaultCacheDirectory"/> (the same folder as the digits).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Base URLs that serve the file under <see cref="FileChecksum.Name"/> of <see cref="Checksum"/>, tried in
    /// order (default <see cref="OlivettiFaces.Sources"/>).</summary>
    public IReadOnlyList<Uri> Sources { get; init; } = OlivettiFaces.Sources;

    /// <summary>The file's name at the source, size and SHA-256 (default <see cref="OlivettiFaces.Published"/>).</summary>
    public FileChecksum Checksum { get; init; } = OlivettiFaces.Published;

    /// <summary>The client to download with (not disposed); null to create one.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>How long the download may take from one source, headers and body (default 2 minutes).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}
