using MathForML.Data;
using MathForML.Graphs;

namespace MathForML.Tests.Data;

public class EdgeListFileTests
{
    [Fact]
    public void TextAndBinaryRoundTrip()
    {
        using var dir = new TempDirectory();
        int[] s = [0, 3, 3, 2, 2], t = [1, 0, 0, 2, 4];
        foreach (var name in new[] { "g.txt", "g.bin" })
        {
            EdgeListFile.Write(dir.File(name), s, t);
            var (rs, rt) = EdgeListFile.Read(dir.File(name));
            Assert.Equal(s, rs);
            Assert.Equal(t, rt);
        }
        Assert.Equal(40, new FileInfo(dir.File("g.bin")).Length);
    }

    [Fact]
    public void SnapStyleTextWithCommentsAndTabs()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("snap.txt", "# Directed graph\n# FromNodeId\tToNodeId\n0\t1\n\n  2 0   # trailing\n1\t1\n");
        var (s, t) = EdgeListFile.Read(path);
        var g = CsrGraph.FromEdges(s, t);
        Assert.Equal(3, g.NodeCount);
        Assert.Equal(3, g.EdgeCount);
        Assert.Equal([0, 1], g.Predecessors(1).ToArray());
        Assert.Equal([1, 1, 1], g.OutDegree);
    }

    [Theory]
    [InlineData("0 1\n2\n", 2, "expected 'source target'")]
    [InlineData("0 1\n2 3 4\n", 2, "more than two")]
    [InlineData("0 1\n2 x\n", 2, "'x' is not a node id")]
    [InlineData("0 1\n-2 3\n", 2, "negative node id -2")]
    [InlineData("0 99999999999\n", 1, "larger than")]
    public void BadTextLinesNameTheLine(string text, int line, string problem)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<DataFileException>(() => EdgeListFile.Read(dir.Write("bad.txt", text)));
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void OddSizedBinaryIsRejected()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<DataFileException>(() => EdgeListFile.Read(dir.Write("odd.bin", new byte[12])));
        Assert.Contains("not a multiple of 8", e.Message);
        var negative = new byte[8];
        BitConverter.GetBytes(-5).CopyTo(negative, 0);
        Assert.Contains("negative", Assert.Throws<DataFileException>(() => EdgeListFile.Read(dir.Write("neg.bin", negative))).Message);
        Assert.Throws<FileNotFoundException>(() => EdgeListFile.Read(dir.File("none.bin")));
    }
}
