using System.IO.Compression;
using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;
using MathForML.Tests.Data;
using static MathForML.Tests.Data.NpyFileTests;

namespace MathForML.Tests.Cli;

/// <summary>
/// The input files of <see cref="ProcessBadInputTests"/>, written once into a shared folder: a few valid inputs
/// for every command, and one file for each kind of bad input (<see cref="BadFiles"/>).
/// </summary>
internal static class ProcessBadInputFiles
{
    /// <summary>Bad matrix/data files and the words the one-line error must contain.</summary>
    public static readonly (string File, string Expected)[] BadFiles =
    [
        ("missing.csv", "missing.csv: file not found"),
        ("folder.csv", "is a directory"),
        ("empty.csv", "empty.csv: the file is empty"),
        ("comments.csv", "comments.csv: the file holds no numbers"),
        ("garbage.csv", "garbage.csv:1:"),
        ("ragged.csv", "ragged.csv:2:1: row has 1 values"),
        ("word.csv", "word.csv:2:3: 'x' is not a number"),
        ("nan.csv", "nan.csv:1:3: 'NaN' is not a finite number"),
        ("inf.csv", "inf.csv:2:1: '-Infinity' is not a finite number"),
        ("truncated.npy", "truncated.npy: truncated .npy file"),
        ("huge.npy", "huge.npy: absurd .npy shape"),
        ("huge-idx3-ubyte", "huge-idx3-ubyte:"),
    ];

    public static void Write(TempDirectory dir)
    {
        Directory.CreateDirectory(dir.File("folder.csv"));
        dir.Write("empty.csv", "");
        dir.Write("comments.csv", "# nothing but a comment\n\n");
        dir.Write("garbage.csv", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0xFF, 0xFE]);
        dir.Write("ragged.csv", "1,2\n3\n");
        dir.Write("word.csv", "1,2\n3,x\n");
        dir.Write("nan.csv", "1,NaN\n3,4\n");
        dir.Write("inf.csv", "1,2\n-Infinity,4\n");
        dir.Write("truncated.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4, 4), }", new byte[40]));
        dir.Write("huge.npy", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1048576, 1048576), }", new byte[8]));
        dir.Write("huge-idx3-ubyte", [0, 0, 8, 3, 0, 0, 0xFF, 0xFF, 0, 0, 0xFF, 0xFF, 0, 0, 0xFF, 0xFF, 1, 2, 3]);
        dir.Write("bigendian.npy", Npy("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]));
        NpzFile.Write(dir.File("two.npz"), new Dictionary<string, Matrix> { ["a"] = Matrix.FromRows([1, 2], [3, 4]), ["b"] = Matrix.FromRows([5]) });
        var npz = File.ReadAllBytes(ReferenceData.PathOf("formats", "deflated.npz"));
        dir.Write("truncated.npz", NpzFileTests.Zip(("a.npy", File.ReadAllBytes(ReferenceData.PathOf("formats", "c-order.npy"))[..150])));
        dir.Write("corrupt.npz", npz[..^30]);
        ParquetFile.Write(dir.File("whole.parquet"), Matrix.FromRows([2, 1], [1, 3]));
        var parquet = File.ReadAllBytes(dir.File("whole.parquet"));
        File.Delete(dir.File("whole.parquet"));
        dir.Write("truncated.parquet", parquet[..(parquet.Length / 2)]);
        ParquetFileTests.WriteStrings(dir.File("strings.parquet")).GetAwaiter().GetResult();
        ArrowFileTests.WriteStrings(dir.File("strings.arrow"));
        dir.Write("pandas.csv", File.ReadAllBytes(ReferenceData.PathOf("formats", "pandas.csv")));
        dir.Write("magic-idx3-ubyte", [1, 2, 3, 4, 5, 6, 7, 8]);
        dir.Write("huge-idx3-ubyte.gz", Gzip([0, 0, 0x0D, 3, 0, 0, 0x40, 0, 0, 0, 0x40, 0, 0, 0, 0x40, 0, 1, 2, 3]));

        dir.Write("square.csv", "2,1\n1,3\n");
        dir.Write("wide.csv", "1,2,3\n4,5,6\n");
        dir.Write("singular.csv", "1,2\n2,4\n");
        dir.Write("nonsym.csv", "1,2\n3,4\n");
        dir.Write("b2.csv", "1\n2\n");
        dir.Write("b3.csv", "1\n2\n3\n");
        dir.Write("links.csv", "0,1\n1,0\n");
        dir.Write("negative-links.csv", "0,-1\n1,0\n");
        dir.Write("edges.txt", "0 1\n1 0\n");
        dir.Write("bad-edges.txt", "0 1\n1 x\n");
        dir.Write("negative-edges.txt", "0 1\n-1 0\n");
        dir.Write("three-edges.txt", "0 1 2\n");
        dir.Write("sparse-edges.txt", "0 2000000000\n");
        dir.Write("odd.bin", [1, 0, 0, 0, 2, 0, 0]);
        dir.Write("negative.bin", [1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);
        dir.Write("sparse.bin", [0, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0x7F]);
        dir.Write("personalization3.csv", "0.2\n0.3\n0.5\n");
        dir.Write("fit.csv", "x,y\n1,2\n2,4\n3,6.1\n4,8\n");
        dir.Write("no-model.dat", "NIST/ITL StRD\nDataset Name: Broken\n\nData: y x\n1 2\n");
        dir.Write("nn.csv", "0,0,0\n1,1,1\n0,1,1\n1,0,0\n0.5,0.5,1\n0.2,0.9,1\n0.9,0.1,0\n0.1,0.2,0\n");
        dir.Write("nn-fraction.csv", "0,0,0.5\n1,1,1\n0,1,1\n1,0,0\n");
        dir.Write("nn-labels8.csv", "0\n1\n1\n0\n1\n1\n0\n0\n");
        dir.Write("nn-features.csv", "0,0\n1,1\n0,1\n1,0\n0.5,0.5\n0.2,0.9\n0.9,0.1\n0.1,0.2\n");
        dir.Write("wide-nn.csv", "0,0,0,0\n1,1,1,1\n0,1,1,1\n1,0,0,0\n");
        MlpFile.Save(dir.File("model.json"), Mlp<float>.Create([2, 3, 2], Activation.Sigmoid, Activation.Softmax, LossFunction.SoftmaxCrossEntropy));
        dir.Write("broken-model.json", "{\"format\": \"mathforml-mlp\", \"layers\": [");
        dir.Write("alien-model.json", "{\"format\": \"keras\"}");
        dir.Write("pca.csv", "1,2,3\n2,3,5\n4,1,0\n3,3,3\n");
        dir.Write("labels4.csv", "0\n1\n0\n1\n");
        dir.Write("labels3.csv", "0\n1\n0\n");
        dir.Write("labels-frac.csv", "0\n1.5\n0\n1\n");
        dir.Write("labels-matrix.csv", "0,1\n1,0\n");
        dir.Write("train.csv", "0,0\n0,1\n5,5\n5,6\n");
        dir.Write("test.csv", "0,0.5\n5,5.5\n");
        dir.Write("test3d.csv", "0,0.5,1\n5,5.5,1\n");
        dir.Write("not-a-folder.txt", "a file where a folder is expected\n");
        IdxFile.Write(dir.File("images-idx3-ubyte"), IdxDataType.UInt8, [3, 2, 2], new double[12]);
        IdxFile.Write(dir.File("labels-idx1-ubyte"), IdxDataType.UInt8, [2], [0, 1]);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var zip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true)) zip.Write(bytes);
        return memory.ToArray();
    }
}
