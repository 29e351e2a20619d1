using System.Text;
using MathForML.Data;
using MathForML.Graphs;
using MathForML.NeuralNetworks;
using Xunit.Abstractions;

namespace MathForML.Tests.Reliability;

// One class per reader so that xUnit runs them in parallel with each other and with the rest of the suite.
// Every reader must accept or reject each of 100,000 seeded mutations of valid files with a DataFileException only
// (what the CLI turns into one `mml: error:` line, exit 2), within a second and the allocation budget of ReaderFuzzer.

/// <summary>Fuzzes the CSV/whitespace matrix reader (<see cref="TextMatrixFile"/>).</summary>
public class TextMatrixFileFuzzTests(ITestOutputHelper log)
{
    [Fact]
    public void MutatedCsvFilesParseOrFailWithADataFileException()
    {
        var (parsed, rejected) = new ReaderFuzzer
        {
            Reader = "csv",
            Seeds = FuzzSeeds.TextMatrices(),
            Tokens = [",", ";", "\t", "\"", "\n", "\r\n", "#", "NaN", "Infinity", "1e400", "\uFEFF", "\0", "é", "\"\"\"", ",,,,"],
            Parse = ReadBothWays,
            Documented = e => e is DataFileException,
        }.Run(log);
        Assert.True(parsed > 0 && rejected > 0, $"{parsed} parsed, {rejected} rejected: the mutations should produce both");
    }

    /// <summary>
    /// Reads through <see cref="TextMatrixFile.Read(Stream, string, TextMatrixReadOptions, out IReadOnlyList{string}?)"/>
    /// (the byte reader for UTF-8, whole file in one block), with the byte reader in blocks of 1–17 bytes so boundaries
    /// fall everywhere, and with the text
    /// reader it replaces; any difference (values' bits, header, error message) is a failure that is not a
    /// <see cref="DataFileException"/>, so the fuzzer saves the input.
    /// </summary>
    private static void ReadBothWays(byte[] bytes)
    {
        string reference = Outcome(() => TextMatrixFile.Read(new StreamReader(new MemoryStream(bytes), Encoding.UTF8, true), "fuzz.csv", out var h) is var m ? (m, h) : default, out var referenceError);
        string viaFile = Outcome(() => TextMatrixFile.Read(new MemoryStream(bytes), "fuzz.csv", TextMatrixReadOptions.Default, out var h) is var m ? (m, h) : default, out _);
        if (viaFile != reference) throw new InvalidOperationException($"the stream reader differs from the text reader:\n text   {reference}\n stream {viaFile}");
        bool wide = TextMatrixBytes.HasWideByteOrderMark(new MemoryStream(bytes));
        foreach (int block in wide ? [] : new[] { 5 + bytes.Length % 13, 1 + bytes.Length % 4 })
        {
            string fast = Outcome(() => TextMatrixBytes.Read(new MemoryStream(bytes), "fuzz.csv", TextMatrixReadOptions.Default, out var h, block) is var m ? (m, h) : default, out _);
            if (fast != reference) throw new InvalidOperationException($"byte reader (blocks of {block}) differs from the text reader:\n text  {reference}\n bytes {fast}");
        }
        if (referenceError is not null) throw referenceError;
    }

    private static string Outcome(Func<(MathForML.LinearAlgebra.Matrix Matrix, IReadOnlyList<string>? Header)> read, out Exception? error)
    {
        error = null;
        try
        {
            var (m, header) = read();
            var bits = new StringBuilder().Append(m.Rows).Append('×').Append(m.Columns).Append(header is null ? "" : string.Join('|', header));
            foreach (var v in m.AsSpan()) bits.Append(' ').Append(BitConverter.DoubleToInt64Bits(v));
            return bits.ToString();
        }
        catch (Exception e) when (e is DataFileException)
        {
            error = e;
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}

/// <summary>Fuzzes the <c>.npy</c> reader (<see cref="NpyFile"/>).</summary>
public class NpyFileFuzzTests(ITestOutputHelper log)
{
    [Fact]
    public void MutatedNpyFilesParseOrFailWithADataFileException()
    {
        var (parsed, rejected) = new ReaderFuzzer
        {
            Reader = "npy",
            Seeds = FuzzSeeds.Npy(),
            Tokens = ["'descr': '<f8'", "'descr': '>i4'", "'descr': '|u1'", "'fortran_order': True", "'shape': (", "99999999999, ", "-1, ", "0, ", "), }", "NUMPY\x01\x00", "NUMPY\x02\x00", "NUMPY\x03\x00", "{", "}", "'"],
            Parse = bytes => NpyFile.ReadMatrix(new MemoryStream(bytes, writable: false), "fuzz.npy"),
            Documented = e => e is DataFileException,
        }.Run(log);
        Assert.True(parsed > 0 && rejected > 0, $"{parsed} parsed, {rejected} rejected: the mutations should produce both");
    }
}

/// <summary>Fuzzes the <c>.npz</c> reader (<see cref="NpzFile"/>: the ZIP archive, stored and deflated members, each a <c>.npy</c>).</summary>
public class NpzFileFuzzTests(ITestOutputHelper log)
{
    [Fact]
    public void MutatedNpzFilesParseOrFailWithADataFileException()
    {
        var (parsed, rejected) = new ReaderFuzzer
        {
            Reader = "npz",
            Seeds = FuzzSeeds.Npz(),
            Tokens = ["PK\x03\x04", "PK\x01\x02", "PK\x05\x06", "PK\x06\x06", "\xFF\xFF\xFF\xFF", "\x00\x00\x00\x00", ".npy", "'fortran_order': True", "'shape': (", "99999999, "],
            Parse = bytes => NpzFile.Read(new MemoryStream(bytes, writable: false), "fuzz.npz"),
            Documented = e => e is DataFileException,
        }.Run(log);
        Assert.True(parsed > 0 && rejected > 0, $"{parsed} parsed, {rejected} rejected: the mutations should produce both");
    }
}

/// <summary>Fuzzes the IDX reader (<see cref="IdxFile"/>, plain and gzip) as the image and label loaders use it.</summary>
public class IdxFileFuzzTests(ITestOutputHelper log)
{
    [Fact]
    public void MutatedIdxFilesParseOrFailWithADataFileException()
    {
        var (parsed, rejected) = new ReaderFuzzer
        {
            Reader = "idx",
            Seeds = FuzzSeeds.Idx(),
            Parse = bytes =>
            {
                var (header, data) = IdxFile.Read(new MemoryStream(bytes, writable: false), "fuzz.idx");
                if (header.Shape.Count == 1) DataSetFile.ReadLabels(bytes, "fuzz-labels.idx");
                else Mnist.ImagesMatrix(header, data, "fuzz.idx");
            },
            Documented = e => e is DataFileException,
        }.Run(log);
        Assert.True(parsed > 0 && rejected > 0, $"{parsed} parsed, {rejected} rejected: the mutations should produce both");
    }
}

/// <summary>Fuzzes the edge-list readers (text and binary) and the CSR graph built from them (<see cref="CsrGraphReader"/>).</summary>
public class EdgeListFuzzTests(ITestOutputHelper log)
{
    [Fact]
    public void MutatedTextEdgeListsParseOrFailWithADataFileException()
    {
        var (parsed, rejected) = new ReaderFuzzer
        {
            Reader = "edges-text",
            Seeds = FuzzSeeds.TextEdgeLists(),
            Tokens = [" ", "\t", "\n", "#", "%", ",", "-", "2147483647", "2147483648", "99999"],
            Parse = bytes =>
            {
                var (s, t) = EdgeListFile.ReadText(new StreamReader(new MemoryStream(bytes), Encoding.UTF8, true), "fuzz.txt");
                CsrGraphReader.FromEdges("fuzz.txt", s, t, nodeCount: null);
            },
            Documented = e => e is DataFileException,
            AllocationBudget = GraphBudget,
        }.Run(log);
        Assert.True(parsed > 0 && rejected > 0, $"{parsed} parsed, {rejected} rejected: the mutations should produce both");
    }

    [Fact]
    public void MutatedBinaryEdgeListsParseOrFailWithADataFileException()
    {
        var (parsed, rejected) = new ReaderFuzzer
        {
            Reader = "edges-bin",
            Seeds = FuzzSeeds.BinaryEdgeLists(),
            Parse = bytes =>
            {
                EdgeListFile.ReadBinary(new MemoryStream(bytes, writable: false), "fuzz.bin");
                CsrGraphReader.ReadBinary("fuzz.bin", bytes.Length, (block, offset) => Copy(bytes, block, offset), nodeCount: null, maxThreads: 1);
            },
            Documented = e => e is DataFileException,
            AllocationBudget = GraphBudget,
        }.Run(log);
        Assert.True(parsed > 0 && rejected > 0, $"{parsed} parsed, {rejected} rejected: the mutations should produce both");
    }

    /// <summary>
    /// Without a node count the ids may imply up to 2·edges + 65,536 nodes (<see cref="CsrGraphReader.MaxImpliedNodes"/>),
    /// at most 64 bytes each in the CSR arrays and the per-thread counts (56 measured), plus the 1 MB read buffer of the binary reader: the budget for a graph.
    /// </summary>
    private static long GraphBudget(int length) => 64L * length + (1 << 20) + 64 * CsrGraphReader.MaxImpliedNodes(length);

    private static int Copy(byte[] source, Span<byte> block, long offset)
    {
        if (offset >= source.Length) return 0;
        int n = (int)Math.Min(block.Length, source.Length - offset);
        source.AsSpan((int)offset, n).CopyTo(block);
        return n;
    }
}

/// <summary>Fuzzes the NIST StRD <c>.dat</c> reader (<see cref="NistStrdProblem"/>).</summary>
public class NistStrdFuzzTests(ITestOutputHelper log)
{
    [Fact]
    public void MutatedNistFilesParseOrFailWithADataFileException()
    {
        var (parsed, rejected) = new ReaderFuzzer
        {
            Reader = "nist-dat",
            Seeds = FuzzSeeds.NistStrd(),
            Tokens = ["Model:", "Data:", "Starting Values", "Certified Values", "b1 =", "b99999999999 =", "b0 =", " = ", "y = ", "exp(", "**", "(lines 1 to 99999999)", "(lines 61 to 2)", "Residual Sum of Squares:", "\n"],
            Parse = bytes => NistStrdProblem.Read(Lines(bytes), "fuzz.dat"),
            Documented = e => e is DataFileException,
            // The reader holds the file's lines as strings (2 bytes per char) and the parsed tables; a bigger budget.
            AllocationBudget = length => 128L * length + (1 << 20),
        }.Run(log);
        Assert.True(parsed > 0 && rejected > 0, $"{parsed} parsed, {rejected} rejected: the mutations should produce both");
    }

    private static string[] Lines(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, true);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return [.. lines];
    }
}

/// <summary>Fuzzes the neural-network model reader (<see cref="MlpFile"/>).</summary>
public class MlpFileFuzzTests(ITestOutputHelper log)
{
    [Fact]
    public void MutatedModelFilesParseOrFailWithADataFileException()
    {
        var (parsed, rejected) = new ReaderFuzzer
        {
            Reader = "model",
            Seeds = FuzzSeeds.MlpModels(),
            Tokens = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999", "-1", "2147483648", "\"inputs\": 40000", "\"outputs\": 0", "\"format\": 1", "\"activation\": \"tanh\"", "\"loss\": null", "AAAA", "===="],
            Parse = bytes => MlpFile.Load(new MemoryStream(bytes, writable: false), "fuzz.json"),
            Documented = e => e is DataFileException,
        }.Run(log);
        Assert.True(parsed > 0 && rejected > 0, $"{parsed} parsed, {rejected} rejected: the mutations should produce both");
    }
}

/// <summary>Fuzzes the Arrow IPC reader (<see cref="ArrowFile"/>: our framing and count checks, then Apache.Arrow).</summary>
public class ArrowFileFuzzTests(ITestOutputHelper log)
{
    [Fact]
    public void MutatedArrowFilesParseOrFailWithADataFileException()
    {
        var (parsed, rejected) = new ReaderFuzzer
        {
            Reader = "arrow",
            Seeds = FuzzSeeds.Arrow(),
            Tokens = ["ARROW1", "\xFF\xFF\xFF\xFF", "\x00\x00\x00\x00", "\xFF\xFF\xFF\x7F", "\x01\x00\x00\x00"],
            Parse = bytes => ArrowFile.ReadTable(new MemoryStream(bytes, writable: false), "fuzz.arrow"),
            Documented = e => e is DataFileException,
        }.Run(log);
        Assert.True(parsed > 0 && rejected > 0, $"{parsed} parsed, {rejected} rejected: the mutations should produce both");
    }
}

/// <summary>Fuzzes the Parquet reader (<see cref="ParquetFile"/>: our framing, footer and page checks, then Parquet.Net).</summary>
public class ParquetFileFuzzTests(ITestOutputHelper log)
{
    [Fact]
    public void MutatedParquetFilesParseOrFailWithADataFileException()
    {
        var (parsed, rejected) = new ReaderFuzzer
        {
            Reader = "parquet",
            Seeds = FuzzSeeds.Parquet(),
            Tokens = ["PAR1", "\x19\x1C", "\x15\x00", "\xFF\xFF\xFF\x7F", "\x00", "\x29", "\xF9\xFF\xFF\xFF\x0F"],
            Parse = bytes => ParquetFile.ReadTable(new MemoryStream(bytes, writable: false), "fuzz.parquet"),
            Documented = e => e is DataFileException,
        }.Run(log);
        Assert.True(parsed > 0 && rejected > 0, $"{parsed} parsed, {rejected} rejected: the mutations should produce both");
    }
}

/// <summary>Fuzzes the MAT file reader (<see cref="MathForML.Data.Mat.MatFile"/>: Level 5, plain and zlib-compressed variables).</summary>
public class MatFileFuzzTests(ITestOutputHelper log)
{
    [Fact]
    public void MutatedMatFilesParseOrFailWithADataFileException()
    {
        var (parsed, rejected) = new ReaderFuzzer
        {
            Reader = "mat",
            Seeds = FuzzSeeds.Mat(),
            Tokens = ["IM", "MI", "\x0E\x00\x00\x00", "\x0F\x00\x00\x00", "\xFF\xFF\xFF\x7F", "\x00\x00\x00\x00", "\x06\x00\x00\x00", "\x01\x00\x02\x00"],
            Parse = bytes =>
            {
                var stream = new MemoryStream(bytes, writable: false);
                foreach (var v in MathForML.Data.Mat.MatFile.Variables(stream, "fuzz.mat"))
                    if (v.IsNumeric && v.Name.Length > 0) MathForML.Data.Mat.MatFile.ReadMatrix(stream, "fuzz.mat", v.Name);
            },
            Documented = e => e is DataFileException,
        }.Run(log);
        Assert.True(parsed > 0 && rejected > 0, $"{parsed} parsed, {rejected} rejected: the mutations should produce both");
    }
}
