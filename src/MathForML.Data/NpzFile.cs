using System.IO.Compression;
using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// Reads and writes NumPy <c>.npz</c> archives, as <c>numpy.savez</c> (members stored) and <c>numpy.savez_compressed</c>
/// (members deflated) make them: a ZIP file (PKWARE APPNOTE.TXT) whose members are <c>.npy</c> files (NEP 1) named
/// after the arrays, <c>name.npy</c>. Each member is read as <see cref="NpyFile.ReadMatrix(string)"/> reads a file.
/// Before a member is decompressed its declared size is checked against its compressed size (deflate expands at most
/// 1032:1) and against the memory limit, and it is decompressed in blocks, never more than it declared; a truncated or
/// corrupt archive or member is a <see cref="DataFileException"/> naming the file and the member.
/// </summary>
public static class NpzFile
{
    /// <summary>The largest expansion of deflate (RFC 1951): 258 bytes from a 2-bit code, about 1032:1.</summary>
    private const long MaxDeflateRatio = 1032;

    /// <summary>The member name <c>numpy.savez</c> gives its first unnamed array, and the one a single matrix is written as.</summary>
    public const string DefaultMember = "arr_0";

    /// <summary>Reads every array in <paramref name="path"/> as a matrix, by name (without <c>.npy</c>), in archive order.</summary>
    public static IReadOnlyDictionary<string, Matrix> Read(string path)
    {
        using var stream = OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads every array of the archive in the seekable <paramref name="stream"/>; <paramref name="name"/> is used in error messages.</summary>
    internal static IReadOnlyDictionary<string, Matrix> Read(Stream stream, string name)
    {
        using var zip = Open(stream, name);
        var result = new OrderedDictionary<string, Matrix>(StringComparer.Ordinal);
        foreach (var entry in Members(zip, name))
            if (!result.TryAdd(ArrayName(entry), ReadMember(entry, name, out _)))
                throw new DataFileException(name, $"the .npz archive holds '{entry.FullName}' twice");
        return result;
    }

    /// <summary>The names of the arrays in <paramref name="path"/>, in archive order.</summary>
    public static IReadOnlyList<string> ReadNames(string path)
    {
        using var stream = OpenRead(path);
        using var zip = Open(stream, path);
        return Members(zip, path).Select(ArrayName).ToList();
    }

    /// <summary>
    /// Reads one array of <paramref name="path"/> as a matrix: <paramref name="member"/>, or the only one when it is null.
    /// </summary>
    /// <exception cref="DataFileException">No such member, or several and none named (the message lists them).</exception>
    public static Matrix ReadMatrix(string path, string? member = null)
    {
        using var stream = OpenRead(path);
        return ReadMatrix(stream, path, member, out _);
    }

    /// <summary>Reads one array from the seekable <paramref name="stream"/> as <see cref="ReadMatrix(string, string?)"/> does, with its stored element type.</summary>
    internal static Matrix ReadMatrix(Stream stream, string name, string? member, out NpyDataType storedType)
    {
        using var zip = Open(stream, name);
        var members = Members(zip, name);
        var names = string.Join(", ", members.Select(ArrayName));
        ZipArchiveEntry entry;
        if (member is null)
        {
            if (members.Count == 0) throw new DataFileException(name, "the .npz archive holds no arrays");
            if (members.Count > 1)
                throw new DataFileException(name, $"the .npz archive holds {members.Count} arrays ({names}); name one as {Path.GetFileName(name)}:{ArrayName(members[0])}");
            entry = members[0];
        }
        else
        {
            entry = members.FirstOrDefault(e => ArrayName(e) == member)
                ?? throw new DataFileException(name, $"the .npz archive has no array '{member}' (it holds {(names.Length > 0 ? names : "none")})");
        }
        return ReadMember(entry, name, out storedType);
    }

    /// <summary>
    /// Writes <paramref name="arrays"/> atomically as an <c>.npz</c> archive of float64 <c>.npy</c> members, stored like
    /// <c>numpy.savez</c> (<see cref="CompressionLevel.NoCompression"/>, the default) or deflated like <c>numpy.savez_compressed</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No arrays, or a name that is empty or holds '/', '\' or ':'.</exception>
    public static void Write(string path, IReadOnlyDictionary<string, Matrix> arrays, CompressionLevel compression = CompressionLevel.NoCompression)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (arrays.Count == 0) throw new ArgumentException("An .npz archive needs at least one array.", nameof(arrays));
        foreach (var name in arrays.Keys)
            if (name.Length == 0 || name.AsSpan().IndexOfAny('/', '\\', ':') >= 0)
                throw new ArgumentException($"Array name '{name}' must be non-empty and hold no '/', '\\' or ':'.", nameof(arrays));
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (name, matrix) in arrays)
            {
                var entry = zip.CreateEntry(name + ".npy", compression);
                entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);   // the same bytes for the same arrays
                using var member = entry.Open();
                NpyFile.WriteMatrix(member, matrix);
            }
        });
    }

    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    private static ZipArchive Open(Stream stream, string name)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or EndOfStreamException or ArgumentException)
        {
            throw new DataFileException(name, $"not a readable .npz (ZIP) archive: {e.Message}");
        }
    }

    /// <summary>The archive's members other than folders; each must be a <c>.npy</c> file.</summary>
    private static List<ZipArchiveEntry> Members(ZipArchive zip, string name)
    {
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            entries = zip.Entries;   // read lazily: a corrupt central directory shows here
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or EndOfStreamException or ArgumentException)
        {
            throw new DataFileException(name, $"not a readable .npz (ZIP) archive: {e.Message}");
        }
        var members = new List<ZipArchiveEntry>();
        foreach (var entry in entries)
        {
            if (entry.FullName.EndsWith('/')) continue;
            if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                throw new DataFileException(name, $"member '{entry.FullName}' is not a .npy array");
            members.Add(entry);
        }
        return members;
    }

    private static string ArrayName(ZipArchiveEntry entry) => entry.FullName[..^4];

    private static Matrix ReadMember(ZipArchiveEntry entry, string name, out NpyDataType storedType)
    {
        string member = entry.FullName;
        long declared = entry.Length, compressed = entry.CompressedLength;
        if (declared < 0 || compressed < 0 || declared > MaxDeflateRatio * compressed + 64)
            throw new DataFileException(name, $"member '{member}' is corrupt: it declares {declared} bytes from {compressed} compressed ones");
        MemoryLimit.EnsureFits(declared, 1, name, $"member '{member}' of {declared} bytes");
        try
        {
            using var data = Decompress(entry, declared);
            return NpyFile.ReadMatrix(data, name, out storedType);
        }
        catch (DataFileException e) when (e.FilePath == name && !e.Problem.StartsWith("member '", StringComparison.Ordinal))
        {
            throw new DataFileException(name, $"member '{member}': {e.Problem}");
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or EndOfStreamException or IOException and not DataFileException)
        {
            throw new DataFileException(name, $"member '{member}' is truncated or corrupt: {e.Message}");
        }
    }

    /// <summary>The member's bytes, decompressed in blocks into a stream that grows with what really arrives (at most <paramref name="declared"/> bytes).</summary>
    private static MemoryStream Decompress(ZipArchiveEntry entry, long declared)
    {
        using var source = entry.Open();
        var result = new MemoryStream((int)Math.Min(declared, 1 << 16));
        var block = new byte[(int)Math.Clamp(declared + 1, 1, 1 << 16)];
        int n;
        while ((n = source.Read(block)) > 0)
        {
            if (result.Length + n > declared)
                throw new InvalidDataException($"it holds more than the {declared} bytes it declares");
            result.Write(block, 0, n);
        }
        if (result.Length != declared)
            throw new InvalidDataException($"it holds {result.Length} of the {declared} bytes it declares");
        result.Position = 0;
        return result;
    }
}
