using System.IO.Compression;
using MathForML.Data;
using MathForML.Graphs;
using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;

namespace MathForML.Tests.Reliability;

/// <summary>
/// Valid files for the fuzzers to mutate, made by our own writers (so they parse) or taken from the test data. Small on
/// purpose: a mutation then hits the header or a boundary often, and 100,000 inputs parse in seconds.
/// </summary>
internal static class FuzzSeeds
{
    public static IReadOnlyList<byte[]> TextMatrices() =>
    [
        "1,2,3\n4,5,6\n"u8.ToArray(),
        "x,y\n0.5,-1e-3\n2,3.25e2\n"u8.ToArray(),
        "# a comment\n1 2\t3\n4  5 6\r\n"u8.ToArray(),
        "1\t2\n3\t4\n"u8.ToArray(),
        "\uFEFFa,b,c\n1,2,3\n"u8.ToArray(),
        "\"a\",\"b\"\n-0,+7\n  8 , 9  \n1e-320,-2.5E+3\n"u8.ToArray(),
    ];

    public static IReadOnlyList<byte[]> Npy()
    {
        using var dir = new TempDirectory();
        var seeds = new List<byte[]>
        {
            Written(dir, "a.npy", p => NpyFile.Write(p, Matrix.FromRows([1, 2, 3], [4, 5, 6]))),
            Written(dir, "b.npy", p => NpyFile.Write(p, Matrix.FromRows([0.5f], [-2]), NpyDataType.Float32)),
            Written(dir, "c.npy", p => NpyFile.Write(p, new[] { 1, 2, 3, 4 }, [4])),
            Written(dir, "d.npy", p => NpyFile.Write(p, new long[] { 7 }, [])),
            Written(dir, "e.npy", p => NpyFile.Write(p, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, [2, 2, 2])),
            File.ReadAllBytes(ReferenceData.PathOf("formats", "fortran-u1-3d.npy")),
        };
        return seeds;
    }

    public static IReadOnlyList<byte[]> Npz()
    {
        using var dir = new TempDirectory();
        var small = new Dictionary<string, Matrix> { ["a"] = Matrix.FromRows([1, 2], [3, 4]), ["b"] = Matrix.FromRows([0.5]) };
        return
        [
            Written(dir, "s.npz", p => NpzFile.Write(p, small)),
            Written(dir, "d.npz", p => NpzFile.Write(p, small, CompressionLevel.Optimal)),
            Written(dir, "f.npz", p => NpzFile.Write(p, new Dictionary<string, Matrix> { ["x"] = Matrix.FromRows([1, 2, 3]) }, CompressionLevel.Fastest)),
        ];
    }

    public static IReadOnlyList<byte[]> Idx()
    {
        using var dir = new TempDirectory();
        var images = Enumerable.Range(0, 2 * 3 * 3).Select(i => (double)(i * 13 % 256)).ToArray();
        var plain = Written(dir, "images.idx", p => IdxFile.Write(p, IdxDataType.UInt8, [2, 3, 3], images));
        return
        [
            plain,
            Written(dir, "labels.idx", p => IdxFile.Write(p, IdxDataType.UInt8, [4], [3, 1, 4, 1])),
            Written(dir, "f.idx", p => IdxFile.Write(p, IdxDataType.Float64, [2, 2], [0.5, -1, 2, 1e300])),
            Written(dir, "s.idx", p => IdxFile.Write(p, IdxDataType.Int16, [3], [7, 0, 300])),
            Written(dir, "images.idx.gz", p => IdxFile.Write(p, IdxDataType.UInt8, [2, 3, 3], images)),
        ];
    }

    public static IReadOnlyList<byte[]> TextEdgeLists() =>
    [
        "0 1\n1 2\n2 0\n"u8.ToArray(),
        "# the course's micro-internet\n0 1\n0 2\n0 3\n1 0\n1 5\n2 5\n3 2\n3 4\n4 2\n5 0\n5 1\n5 2\n5 3\n"u8.ToArray(),
        "3\t4\r\n4\t3\r\n\r\n"u8.ToArray(),
    ];

    public static IReadOnlyList<byte[]> BinaryEdgeLists()
    {
        using var dir = new TempDirectory();
        return
        [
            Written(dir, "a.bin", p => EdgeListFile.Write(p, [0, 1, 2, 0], [1, 2, 0, 2])),
            Written(dir, "b.bin", p => EdgeListFile.Write(p, [5, 0, 1, 1, 2, 3, 4, 5], [0, 1, 0, 5, 5, 4, 2, 3])),
            [],
        ];
    }

    public static IReadOnlyList<byte[]> NistStrd() =>
        new[] { "Misra1a.dat", "MGH09.dat", "Lanczos1.dat" }
            .Select(n => File.ReadAllBytes(ReferenceData.PathOf("nist-strd", n))).ToList();

    public static IReadOnlyList<byte[]> MlpModels()
    {
        using var dir = new TempDirectory();
        return
        [
            Written(dir, "a.json", p => MlpFile.Save(p, Mlp<float>.Create([3, 4, 2], Activation.Relu, Activation.Softmax, LossFunction.SoftmaxCrossEntropy, seed: 1))),
            Written(dir, "b.json", p => MlpFile.Save(p, Mlp<float>.Create([1, 2, 1], Activation.Sigmoid, Activation.Sigmoid, LossFunction.MeanSquaredError, seed: 2))),
        ];
    }

    public static IReadOnlyList<byte[]> Arrow()
    {
        using var dir = new TempDirectory();
        return
        [
            Written(dir, "a.arrow", p => ArrowFile.Write(p, Matrix.FromRows([1, 2], [3, 4], [5, 6]), ["x", "y"])),
            Written(dir, "b.arrow", p => ArrowFile.Write(p, Matrix.FromRows([0.25]))),
        ];
    }

    public static IReadOnlyList<byte[]> Parquet()
    {
        using var dir = new TempDirectory();
        return
        [
            Written(dir, "a.parquet", p => ParquetFile.Write(p, Matrix.FromRows([1, 2], [3, 4], [5, 6]), ["x", "y"])),
            Written(dir, "b.parquet", p => ParquetFile.Write(p, Matrix.FromRows([0.25]))),
        ];
    }

    /// <summary>MAT files from scipy.io.savemat: uncompressed, zlib-compressed, and big-endian (Reference/mat).</summary>
    public static IReadOnlyList<byte[]> Mat() =>
    [
        File.ReadAllBytes(ReferenceData.PathOf("mat", "small-v5.mat")),
        File.ReadAllBytes(ReferenceData.PathOf("mat", "small-v7.mat")),
        File.ReadAllBytes(ReferenceData.PathOf("mat", "small-be.mat")),
    ];

    private static byte[] Written(TempDirectory dir, string name, Action<string> write)
    {
        var path = dir.File(name);
        write(path);
        return File.ReadAllBytes(path);
    }
}
