using System.Security.Cryptography;

namespace MathForML.Data;

/// <summary>SHA-256 digests of files, as lower-case hexadecimal (the form checksum lists publish).</summary>
public static class Sha256File
{
    /// <summary>The SHA-256 digest of the file at <paramref name="path"/>.</summary>
    public static string Compute(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>True when <paramref name="path"/> exists and its digest is <paramref name="expected"/> (case ignored).</summary>
    public static bool Matches(string path, string expected)
    {
        ArgumentException.ThrowIfNullOrEmpty(expected);
        return File.Exists(path) && Compute(path).Equals(expected, StringComparison.OrdinalIgnoreCase);
    }
}
