using System.Text.Json;
using MathForML.Data;
using MathForML.Data.Faces;

namespace MathForML.Tests.Data.Faces;

/// <summary>
/// <see cref="OlivettiFaces"/>: the fetch against a loopback server serving a stand-in file shaped like the real one
/// (Reference/mat/faces-like.mat, with its own digest), and the reading against scikit-learn's steps on that file.
/// </summary>
public sealed class OlivettiFacesTests : IDisposable
{
    private static readonly JsonElement Reference = ReferenceData.Json("mat", "reference.json");
    private readonly TempDirectory _cache = new();
    private readonly byte[] _file = File.ReadAllBytes(ReferenceData.PathOf("mat", "faces-like.mat"));
    private readonly LoopbackFileServer _server;

    public OlivettiFacesTests() => _server = new LoopbackFileServer(new Dictionary<string, byte[]> { ["5976027"] = _file });

    public void Dispose()
    {
        _server.Dispose();
        _cache.Dispose();
    }

    private OlivettiFetchOptions Options(params Uri[] sources) => new()
    {
        CacheDirectory = _cache.Path,
        Sources = sources,
        Checksum = OlivettiFaces.Published with { Sha256 = Reference.GetProperty("faces_sha256").GetString()! },
        Timeout = TimeSpan.FromSeconds(20),
    };

    [Fact]
    public void Reads_the_faces_as_scikit_learn_does()
    {
        var faces = OlivettiFaces.Read(ReferenceData.PathOf("mat", "faces-like.mat"));
        Assert.Equal(400, faces.Images.Rows);
        Assert.Equal(4096, faces.Images.Columns);
        foreach (var row in Reference.GetProperty("faces_rows").EnumerateObject())
            Assert.Equal(row.Value.ToVector().ToArray(), faces.Images.Row(int.Parse(row.Name)).ToArray());   // exact, float32 steps
        var sums = Reference.GetProperty("faces_column_sums").ToVector();
        for (int c = 0; c < 4096; c++)
        {
            double s = 0;
            for (int r = 0; r < 400; r++) s += faces.Images[r, c];
            Assert.Equal(sums[c], s, 1e-9);
        }

        Assert.Equal(Enumerable.Range(0, 400).Select(i => i / 10), faces.Targets);
        Assert.Equal(faces.Images[3, 64 * 5 + 7], faces.Image(3)[5, 7]);
    }

    [Fact]
    public void Fetches_once_from_the_first_source_that_serves_the_file_and_then_uses_the_cache()
    {
        var path = OlivettiFaces.Fetch(Options(_server.Missing, _server.Good));
        Assert.Equal(_file, File.ReadAllBytes(path));
        Assert.Equal(1, _server.Requests.GetValueOrDefault("/good/5976027"));
        var faces = OlivettiFaces.Load(Options(_server.Good));
        Assert.Equal(400, faces.Count);
        Assert.Equal(1, _server.Requests.GetValueOrDefault("/good/5976027"));
    }

    [Fact]
    public void A_damaged_cache_entry_is_fetched_again()
    {
        var path = OlivettiFaces.Fetch(Options(_server.Good));
        File.WriteAllBytes(path, _file[..1000]);
        OlivettiFaces.Fetch(Options(_server.Good));
        Assert.Equal(_file, File.ReadAllBytes(path));
        Assert.Equal(2, _server.Requests.GetValueOrDefault("/good/5976027"));
    }

    [Fact]
    public void A_wrong_file_never_enters_the_cache()
    {
        var options = Options(_server.Good) with { Checksum = OlivettiFaces.Published };
        Assert.Throws<ChecksumMismatchException>(() => OlivettiFaces.Fetch(options));
        Assert.Empty(Directory.GetFiles(_cache.Path));
    }

    [Fact]
    public void No_source_answering_says_why_each_failed()
    {
        var e = Assert.Throws<IOException>(() => OlivettiFaces.Fetch(Options(_server.Missing, _server.Broken)));
        Assert.Contains("no source answered", e.Message);
        Assert.Contains("404", e.Message);
        Assert.False(File.Exists(Path.Combine(_cache.Path, OlivettiFaces.CacheName)));
    }

    [Fact]
    public void A_file_without_the_faces_variable_is_refused()
    {
        var e = Assert.Throws<DataFileException>(() => OlivettiFaces.Read(ReferenceData.PathOf("mat", "small-v7.mat")));
        Assert.Contains("no variable 'faces'", e.Message);
    }
}
