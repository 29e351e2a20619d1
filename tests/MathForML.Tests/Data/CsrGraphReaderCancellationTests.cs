using MathForML.Data;

namespace MathForML.Tests.Data;

public class CsrGraphReaderCancellationTests
{
    [Theory]
    [InlineData("edges.txt", 3)]
    [InlineData("edges.bin", 2)]
    public void APreCancelledTokenThrows(string name, int nodes)
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, name);
        if (name.EndsWith(".bin", StringComparison.Ordinal)) File.WriteAllBytes(path, [0, 0, 0, 0, 1, 0, 0, 0]);
        else File.WriteAllText(path, "0 1\n1 2\n");
        Assert.Equal(nodes, CsrGraphReader.Read(path).NodeCount);
        Assert.Throws<OperationCanceledException>(() => CsrGraphReader.Read(path, cancellationToken: new CancellationToken(true)));
    }
}
