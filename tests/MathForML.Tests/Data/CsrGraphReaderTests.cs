using MathForML.Data;
using MathForML.Graphs;

namespace MathForML.Tests.Data;

public class CsrGraphReaderTests
{
    private static void AssertSameGraph(CsrGraph expected, CsrGraph actual)
    {
        Assert.Equal(expected.NodeCount, actual.NodeCount);
        Assert.Equal(expected.Offsets, actual.Offsets);
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.Order, actual.Order);
        Assert.Equal(expected.OutDegree, actual.OutDegree);
    }

    [Fact]
    public void StreamedBinaryEqualsTheInMemoryBuildWhateverTheThreadCount()
    {
        using var dir = new TempDirectory();
        var (s, t) = RmatGenerator.Generate(15, edgeFactor: 12, seed: 5);   // 393,216 edges: three reading parts
        var path = dir.File("g.bin");
        EdgeListFile.Write(path, s, t);
        var expected = CsrGraph.FromEdges(s, t);
        foreach (int threads in new[] { 1, 2, 3 })
            AssertSameGraph(expected, CsrGraphReader.Read(path, maxThreads: threads));
        AssertSameGraph(CsrGraph.FromEdges(s, t, 40_000), CsrGraphReader.Read(path, nodeCount: 40_000));
    }

    [Fact]
    public void TextFilesAndSmallGraphs()
    {
        using var dir = new TempDirectory();
        var text = dir.Write("g.txt", "# comment\n0 2\n2 1\n2 1\n");
        AssertSameGraph(CsrGraph.FromEdges([0, 2, 2], [2, 1, 1]), CsrGraphReader.Read(text));
        var empty = dir.File("empty.bin");
        File.WriteAllBytes(empty, []);
        Assert.Equal(0, CsrGraphReader.Read(empty).NodeCount);
        Assert.Equal(5, CsrGraphReader.Read(empty, nodeCount: 5).NodeCount);
        var bin = dir.File("g.bin");
        EdgeListFile.Write(bin, [3, 0], [0, 3]);
        AssertSameGraph(CsrGraph.FromEdges([3, 0], [0, 3]), CsrGraphReader.Read(bin));
    }

    [Fact]
    public void ReportsProgressUpToOne()
    {
        using var dir = new TempDirectory();
        var (s, t) = RmatGenerator.Generate(14, seed: 1);
        var path = dir.File("g.bin");
        EdgeListFile.Write(path, s, t);
        var seen = new List<double>();
        CsrGraphReader.Read(path, progress: new SynchronousProgress(seen.Add));
        Assert.True(seen.Count > 2);
        Assert.Equal(1.0, seen[^1]);
        Assert.All(seen, f => Assert.InRange(f, 0, 1));
    }

    [Fact]
    public void BadFilesNameTheProblem()
    {
        using var dir = new TempDirectory();
        var odd = dir.File("odd.bin");
        File.WriteAllBytes(odd, new byte[12]);
        Assert.Contains("not a multiple of 8", Assert.Throws<DataFileException>(() => CsrGraphReader.Read(odd)).Message);
        var negative = dir.File("neg.bin");
        EdgeListFile.Write(negative, [0, 1, -4], [1, 2, 0]);
        Assert.Contains("edge 2 (byte offset 16) has a negative node id", Assert.Throws<DataFileException>(() => CsrGraphReader.Read(negative)).Message);
        var big = dir.File("big.bin");
        EdgeListFile.Write(big, [0, 1], [1, 9]);
        Assert.Contains("node id 9, not below the node count 5", Assert.Throws<DataFileException>(() => CsrGraphReader.Read(big, nodeCount: 5)).Message);
        var text = dir.Write("big.txt", "0 1\n1 9\n");
        Assert.Contains("not below the node count 5", Assert.Throws<DataFileException>(() => CsrGraphReader.Read(text, nodeCount: 5)).Message);
        Assert.Throws<DataFileException>(() => CsrGraphReader.Read(dir.Path));
        Assert.Throws<FileNotFoundException>(() => CsrGraphReader.Read(dir.File("missing.bin")));
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (this) report(value);
        }
    }
}
