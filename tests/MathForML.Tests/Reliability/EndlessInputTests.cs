using System.Diagnostics;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.Graphs;
using MathForML.LinearAlgebra;
using MathForML.Tests.Cli;

namespace MathForML.Tests.Reliability;

/// <summary>
/// Work that would grow without bound ends at once with what was asked and the limit (issue 21, item 3): endless
/// streams (NUL bytes as /dev/zero gives them, a line that never breaks), an R-MAT request beyond memory, and a PCA
/// whose D×D scatter matrix cannot exist. Each library case is bounded in time and allocation by the test.
/// </summary>
public class EndlessInputTests
{
    [Fact]
    public void AnEndlessStreamOfNulBytesIsRefusedAtItsFirstByte()
    {
        var watch = Stopwatch.StartNew();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<DataFileException>(() => TextMatrixFile.Read(new EndlessStream(0), "/dev/zero", TextMatrixReadOptions.Default, out _));
        Assert.Equal("/dev/zero:1:1: binary data (a NUL byte) where text was expected", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 << 20, "allocated more than 8 MB");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed}");
    }

    [Fact]
    public void ALineThatNeverEndsIsRefusedAtTheLimit()
    {
        // '1' bytes forever (one endless number): the byte reader stops when the pending line reaches 256 MiB.
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<DataFileException>(() => TextMatrixFile.Read(new EndlessStream((byte)'1'), "endless.csv", TextMatrixReadOptions.Default, out _));
        Assert.Contains("endless.csv:1:1: line 1 is longer than 256 MiB", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{watch.Elapsed}");
    }

    [Fact]
    public void AnEndlessTextEdgeListStopsAtOneMebibyte()
    {
        using var reader = new StreamReader(new LineLengthGuardStream(new EndlessStream(0), "/dev/zero", maxLineBytes: TextLimits.MaxEdgeLineBytes));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<DataFileException>(() => EdgeListFile.ReadText(reader, "/dev/zero"));
        Assert.Contains("/dev/zero:1:1: line 1 is longer than 1 MiB", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 20, "allocated more than 64 MB");
    }

    [Fact]
    public void AGuardedStreamPassesOrdinaryLinesUntouched()
    {
        var text = string.Join("\n", Enumerable.Range(0, 10_000).Select(i => $"{i} {i + 1}")) + "\n";
        using var reader = new StreamReader(new LineLengthGuardStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "e.txt", maxLineBytes: 16));
        var (sources, targets) = EdgeListFile.ReadText(reader, "e.txt");
        Assert.Equal(10_000, sources.Length);
        Assert.Equal(10_000, targets[^1]);
        // The guard measures the line still open at the end of each read (an endless line): here 40 digits, no break.
        using var tooLong = new StreamReader(new LineLengthGuardStream(new MemoryStream("0 1\n2 34567890123456789012345678901234567890"u8.ToArray()), "e.txt", maxLineBytes: 16));
        Assert.Contains("e.txt:2:1: line 2 is longer", Assert.Throws<DataFileException>(() => EdgeListFile.ReadText(tooLong, "e.txt")).Message);
    }

    [Fact]
    public void AnRmatRequestBeyondMemoryIsRefusedBeforeGenerating()
    {
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RmatGenerator.GenerateGraph(21, edgeFactor: 1000));
        Assert.Equal("edgeFactor", e.ParamName);
        Assert.Contains("2,097,152,000 edges would need", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => RmatGenerator.Generate(24, edgeFactor: 200));   // 3.4e9 edges: more than one array
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{watch.Elapsed}");
    }

    [Fact]
    public void ACovariancePcaOfTooManyFeaturesIsRefusedBeforeTheScatterMatrix()
    {
        var x = new Matrix(2, 50_000);
        for (int j = 0; j < x.Columns; j++) x[1, j] = j % 7;
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(x, new PcaOptions { Components = 1, Solver = PcaSolver.Covariance }));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("50,000×50,000 scatter matrix", e.Message);
        Assert.Contains("randomized solver", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 32 << 20, "allocated more than 32 MB");
        Assert.Equal(1, Pca.Fit(x, new PcaOptions { Components = 1, Solver = PcaSolver.Gram }).ComponentCount);   // the solver it names works
    }

    [Fact]
    public void TheCliSaysItInOneLineAndExitsTwo()
    {
        using var dir = new TempDirectory();
        var wide = dir.File("wide.npy");
        var x = new Matrix(2, 50_000);
        NpyFile.Write(wide, x);
        foreach (var (args, expected) in new (string[], string)[]
        {
            (["linalg", "det", "/dev/zero"], "mml: error: /dev/zero:1:1: binary data (a NUL byte) where text was expected"),
            (["pagerank", "--edges", "/dev/zero"], "mml: error: /dev/zero:1:1: line 1 is longer than 1 MiB"),
            (["pagerank", "--rmat", "21", "--edge-factor", "1000"], "mml: error: --edge-factor: An R-MAT graph of 1000·2^21 = 2,097,152,000 edges would need"),
            (["pca", "--data", wide, "--solver", "covariance", "--components", "1"], "mml: error: --data: The covariance solver's 50,000×50,000 scatter matrix"),
        })
        {
            var watch = Stopwatch.StartNew();
            var (code, _, err) = MmlProcess.Run(dir.Path, args);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}: {err}");
            Assert.StartsWith(expected, err);
            Assert.Single(err.TrimEnd().Split('\n'));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"{string.Join(' ', args)}: {watch.Elapsed}");
        }
    }

    /// <summary>An endless, unseekable stream of one byte value, as a character device gives it.</summary>
    private sealed class EndlessStream(byte value) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            buffer.Fill(value);
            return buffer.Length;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
