using MathForML.Data.Mat;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Data.Faces;

/// <summary>
/// The Olivetti faces (AT&amp;T Laboratories Cambridge, 1992–1994: 40 people, ten 64×64 grey pictures each), the faces
/// of the PCA course's weeks 1 and 3: fetched once from the source scikit-learn uses (Sam Roweis's
/// <c>olivettifaces.mat</c>, on figshare), SHA-256 checked, cached beside the MNIST digits, and read as
/// <c>sklearn.datasets.fetch_olivetti_faces()</c> returns them.
/// </summary>
/// <remarks>
/// scikit-learn's steps (<c>sklearn/datasets/_olivetti_faces.py</c>), done here in the same float32 arithmetic so that
/// every value is equal to scikit-learn's: the file's <c>faces</c> variable (4096×400, a picture a column, stored column
/// by column) is transposed to 400×4096, converted to float32, shifted by its minimum and divided by its new maximum;
/// each 4096-vector is a 64×64 image stored column by column, transposed so that rows come first.
/// </remarks>
public static class OlivettiFaces
{
    /// <summary>Image side in pixels.</summary>
    public const int Side = 64;

    /// <summary>Pixels per picture, 64·64.</summary>
    public const int Pixels = Side * Side;

    /// <summary>Pictures in the set.</summary>
    public const int Count = 400;

    /// <summary>Pictures of each person.</summary>
    public const int PicturesPerPerson = 10;

    /// <summary>The name of the file in the cache.</summary>
    public const string CacheName = "olivettifaces.mat";

    /// <summary>The file scikit-learn downloads (its <c>FACES</c> metadata): figshare file 5976027 with its SHA-256.
    /// The size is not published; progress is reported in bytes.</summary>
    public static FileChecksum Published { get; } = new("5976027", -1, "b612fb967f2dc77c9c62d3e1266e0c73d5fca46a4b8906c18e454d41af987794");

    /// <summary>scikit-learn's source, <c>https://ndownloader.figshare.com/files/</c>.</summary>
    public static IReadOnlyList<Uri> Sources { get; } = [new("https://ndownloader.figshare.com/files/")];

    /// <summary>The faces, fetched on first use (<see cref="FetchAsync"/>).</summary>
    public static FaceDataSet Load(OlivettiFetchOptions? options = null, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Read(Fetch(options, progress, cancellationToken));

    /// <summary>Synchronous <see cref="FetchAsync"/>.</summary>
    public static string Fetch(OlivettiFetchOptions? options = null, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        FetchAsync(options, progress, cancellationToken).GetAwaiter().GetResult();

    /// <summary>
    /// Makes sure <c>olivettifaces.mat</c> is in the cache with the published digest, downloading it from the first
    /// source that serves it (verified before it enters the cache, so a partial or altered file never does), and
    /// returns its path.
    /// </summary>
    /// <exception cref="ChecksumMismatchException">A source served a file with another digest and none served the right one.</exception>
    /// <exception cref="IOException">No source answered; the message lists why each failed.</exception>
    public static async Task<string> FetchAsync(OlivettiFetchOptions? options = null, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new OlivettiFetchOptions();
        ArgumentNullException.ThrowIfNull(options.Sources);
        ArgumentNullException.ThrowIfNull(options.Checksum);
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "The time-out must be positive (or infinite).");
        var dir = options.CacheDirectory ?? Mnist.DefaultCacheDirectory;
        var path = Path.Combine(dir, CacheName);
        if (Sha256File.Matches(path, options.Checksum.Sha256)) return path;
        if (options.Sources.Count == 0) throw new IOException($"Olivetti faces: {path} is not cached and no source is given.");
        Directory.CreateDirectory(dir);
        var http = options.HttpClient ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        try
        {
            void Received(long bytes) => progress?.Report(new WorkProgress($"downloading {CacheName}", 0, bytes));
            var outcome = await VerifiedDownload.FromMirrorsAsync(http, options.Sources, options.Checksum, path, options.Timeout, Received, cancellationToken).ConfigureAwait(false);
            if (outcome.Mirror is null)
                throw new IOException($"Olivetti faces: no source answered ({string.Join("; ", outcome.Failures)}).");
            progress?.Report(new WorkProgress("downloaded", 1, new FileInfo(path).Length));
            return path;
        }
        finally
        {
            if (options.HttpClient is null) http.Dispose();
        }
    }

    /// <summary>Reads an <c>olivettifaces.mat</c> file as scikit-learn does (see the remarks).</summary>
    /// <exception cref="DataFileException">The file is not a MAT file or holds no 4096×400 <c>faces</c> variable.</exception>
    public static FaceDataSet Read(string path)
    {
        var stored = MatFile.ReadMatrix(path, "faces");
        if (stored.Rows != Pixels || stored.Columns != Count)
            throw new DataFileException(path, $"'faces' is {stored.Rows}×{stored.Columns}; the Olivetti faces are {Pixels}×{Count} (a 64×64 picture a column)");
        // float32, as numpy does after loadmat: shift by the minimum, then divide by the new maximum, in float32.
        var faces = new float[Count * Pixels];
        float min = float.PositiveInfinity;
        for (int picture = 0; picture < Count; picture++)
            for (int k = 0; k < Pixels; k++)
            {
                float v = (float)stored[k, picture];
                faces[picture * Pixels + k] = v;
                min = Math.Min(min, v);
            }

        float max = float.NegativeInfinity;
        for (int i = 0; i < faces.Length; i++)
        {
            faces[i] -= min;
            max = Math.Max(max, faces[i]);
        }

        if (max == 0) throw new DataFileException(path, "every pixel of 'faces' has the same value");
        var images = new Matrix(Count, Pixels);
        for (int picture = 0; picture < Count; picture++)
        {
            var row = images.RowSpan(picture);
            // The stored vector is the image column by column: pixel (r, c) is at c·64 + r.
            for (int r = 0; r < Side; r++)
                for (int c = 0; c < Side; c++)
                    row[r * Side + c] = faces[picture * Pixels + c * Side + r] / max;
        }

        var targets = new int[Count];
        for (int i = 0; i < Count; i++) targets[i] = i / PicturesPerPerson;
        return new FaceDataSet(images, targets, path);
    }
}
