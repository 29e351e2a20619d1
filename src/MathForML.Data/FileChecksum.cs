namespace MathForML.Data;

/// <summary>A file expected by name, with its size in bytes and its SHA-256 digest (64 hexadecimal digits).</summary>
/// <param name="Name">The file name, as it appears at the end of the download URL and in the cache.</param>
/// <param name="Size">The size in bytes, used to report download progress.</param>
/// <param name="Sha256">The SHA-256 digest of the whole file, lower- or upper-case hexadecimal.</param>
public sealed record FileChecksum(string Name, long Size, string Sha256);
