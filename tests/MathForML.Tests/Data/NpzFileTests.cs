using System.IO.Compression;
using MathForML.Data;
using MathForML.LinearAlgebra;
using static MathForML.Tests.Data.FormatReference;

namespace MathForML.Tests.Data;

public class NpzFileTests
{
    [Theory]
    [InlineData("stored.npz")]
    [InlineData("deflated.npz")]
    public void ReadsArchivesWrittenByNumpy(string file)
    {
        var path = ReferenceData.PathOf("formats", file);
        var arrays = NpzFile.Read(path);
        Assert.Equal(["a", "b"], arrays.Keys);
        BitEqual(Expected("matrix"), arrays["a"]);
        BitEqual(Expected("ints"), arrays["b"]);
        Assert.Equal(["a", "b"], NpzFile.ReadNames(path));
        BitEqual(Expected("ints"), MatrixFile.Read(path + ":b"));
        BitEqual(Expected("matrix"), MatrixFile.Read(ReferenceData.PathOf("formats", "single.npz")));
    }

    [Theory]
    [InlineData(CompressionLevel.NoCompression)]
    [InlineData(CompressionLevel.Optimal)]
    public void WriteThenReadRoundTripsAndIsDeterministic(CompressionLevel level)
    {
        using var dir = new TempDirectory();
        var arrays = new Dictionary<string, Matrix> { ["u"] = Matrix.FromRows([Math.PI, -1e-300], [1.0 / 3, 5]), ["s"] = Matrix.FromRows([7]) };
        NpzFile.Write(dir.File("a.npz"), arrays, level);
        NpzFile.Write(dir.File("b.npz"), arrays, level);
        var back = NpzFile.Read(dir.File("a.npz"));
        Assert.Equal(["u", "s"], back.Keys);
        BitEqual(arrays["u"], back["u"]);
        BitEqual(arrays["s"], back["s"]);
        Assert.Equal(File.ReadAllBytes(dir.File("a.npz")), File.ReadAllBytes(dir.File("b.npz")));
    }

    [Fact]
    public void MatrixFileWritesOneMatrixAsArr0OrTheNamedMember()
    {
        using var dir = new TempDirectory();
        var m = Matrix.FromRows([1, 2], [3, 4]);
        MatrixFile.Write(dir.File("m.npz"), m);
        Assert.Equal(["arr_0"], NpzFile.ReadNames(dir.File("m.npz")));
        MatrixFile.Write(dir.File("n.npz") + ":weights", m);
        Assert.Equal(["weights"], NpzFile.ReadNames(dir.File("n.npz")));
        Assert.Equal(m, MatrixFile.Read(dir.File("n.npz") + ":weights"));
        Assert.Equal(["m.npz", "n.npz"], dir.Files().Order());
    }

    [Fact]
    public void SeveralArraysWithoutANameListThem()
    {
        var path = ReferenceData.PathOf("formats", "stored.npz");
        var e = Assert.Throws<DataFileException>(() => MatrixFile.Read(path));
        Assert.Contains("holds 2 arrays (a, b); name one as stored.npz:a", e.Message);
        e = Assert.Throws<DataFileException>(() => MatrixFile.Read(path + ":c"));
        Assert.Contains("has no array 'c' (it holds a, b)", e.Message);
    }

    [Fact]
    public void TruncatedOrCorruptMembersNameFileAndMember()
    {
        using var dir = new TempDirectory();
        var npy = File.ReadAllBytes(ReferenceData.PathOf("formats", "c-order.npy"));
        var cut = dir.Write("cut.npz", Zip(("a.npy", npy[..150])));
        var e = Assert.Throws<DataFileException>(() => NpzFile.ReadMatrix(cut));
        Assert.Equal(cut, e.FilePath);
        Assert.Contains("member 'a.npy': truncated .npy file", e.Message);

        // Flip bytes inside the deflated data of the first member: the inflater or the checksum rejects it.
        var bytes = File.ReadAllBytes(ReferenceData.PathOf("formats", "deflated.npz"));
        for (int i = 60; i < 90; i++) bytes[i] ^= 0x5A;
        var bad = dir.Write("bad.npz", bytes);
        e = Assert.Throws<DataFileException>(() => NpzFile.ReadMatrix(bad, "a"));
        Assert.Contains("member 'a.npy'", e.Message);

        var chopped = dir.Write("chopped.npz", File.ReadAllBytes(ReferenceData.PathOf("formats", "stored.npz"))[..200]);
        Assert.Contains("not a readable .npz (ZIP) archive", Assert.Throws<DataFileException>(() => NpzFile.Read(chopped)).Message);
        var other = dir.Write("other.npz", Zip(("readme.txt", "hello"u8.ToArray())));
        Assert.Contains("member 'readme.txt' is not a .npy array", Assert.Throws<DataFileException>(() => NpzFile.Read(other)).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    public void BadArrayNamesAreRejected(string name)
    {
        using var dir = new TempDirectory();
        Assert.Throws<ArgumentException>(() => NpzFile.Write(dir.File("x.npz"), new Dictionary<string, Matrix> { [name] = Matrix.FromRows([1]) }));
        Assert.Empty(dir.Files());
    }

    /// <summary>A ZIP archive of the given members, deflated.</summary>
    internal static byte[] Zip(params (string Name, byte[] Data)[] members)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in members)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                s.Write(data);
            }
        return memory.ToArray();
    }
}
