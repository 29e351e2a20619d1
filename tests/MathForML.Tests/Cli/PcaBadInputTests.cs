using MathForML.Tests.Data;

namespace MathForML.Tests.Cli;

/// <summary>Bad input to <c>mml pca</c>, <c>mml knn</c> and <c>mml data</c>: exit 2, one line on stderr naming the problem, nothing on stdout.</summary>
public class PcaBadInputTests
{
    public static TheoryData<string, string[], string> Cases => new()
    {
        { "ragged rows", ["pca", "--data", "{dir}/ragged.csv"], "ragged.csv:2:1: row has 1 values" },
        { "K = 0", ["pca", "--data", "{dir}/x.csv", "--components", "0"], "--components: The number of components K must be between 1 and min(N, D) = 2" },
        { "K > min(N, D)", ["pca", "--data", "{dir}/x.csv", "--components", "3"], "--components: The number of components K must be between 1 and min(N, D) = 2" },
        { "NaN", ["pca", "--data", "{dir}/nan.csv"], "not a finite number" },
        { "NaN in npy", ["pca", "--data", "{dir}/nan.npy"], "NaN and infinities are not allowed" },
        { "truncated IDX", ["pca", "--data", "{dir}/truncated-idx3-ubyte"], "truncated" },
        { "bad IDX magic", ["data", "info", "{dir}/magic-idx3-ubyte"], "bad magic number" },
        { "label count (pca)", ["pca", "--data", "{dir}/x.csv", "--labels", "{dir}/labels3.csv"], "holds 3 labels but" },
        { "unknown solver", ["pca", "--data", "{dir}/x.csv", "--solver", "magic"], "magic" },
        { "k > N", ["knn", "--train", "{dir}/x.csv", "--labels", "{dir}/labels4.csv", "--test", "{dir}/x.csv", "--k", "5"], "--k: k must be between 1 and the 4 training samples" },
        { "k = 0", ["knn", "--train", "{dir}/x.csv", "--labels", "{dir}/labels4.csv", "--test", "{dir}/x.csv", "--k", "0"], "--k: k must be between 1" },
        { "label count (knn)", ["knn", "--train", "{dir}/x.csv", "--labels", "{dir}/labels3.csv", "--test", "{dir}/x.csv"], "--labels: There are 3 labels for 4 training samples." },
        { "test width", ["knn", "--train", "{dir}/x.csv", "--labels", "{dir}/labels4.csv", "--test", "{dir}/wide.csv"], "--test: Queries have 3 features, the training samples 2." },
        { "fractional label", ["knn", "--train", "{dir}/x.csv", "--labels", "{dir}/fraction.csv", "--test", "{dir}/x.csv"], "expected a non-negative integer" },
        { "missing train", ["knn", "--labels", "{dir}/labels4.csv", "--test", "{dir}/x.csv"], "--train" },
        { "missing file", ["pca", "--data", "{dir}/missing.npy"], "file not found" },
        { "fetch unknown set", ["data", "fetch", "cifar"], "cifar" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExitsTwoWithOneLine(string what, string[] args, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("ragged.csv", "1,2\n3\n");
        dir.Write("x.csv", "1,2\n3,4\n5,7\n0,1\n");
        dir.Write("wide.csv", "1,2,3\n");
        dir.Write("nan.csv", "1,NaN\n3,4\n");
        dir.Write("nan.npy", NpyFileTests.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }", [.. BitConverter.GetBytes(1.0), .. BitConverter.GetBytes(double.NaN)]));
        dir.Write("labels3.csv", "0\n1\n0\n");
        dir.Write("labels4.csv", "0\n1\n0\n1\n");
        dir.Write("fraction.csv", "0\n1.5\n0\n1\n");
        dir.Write("truncated-idx3-ubyte", IdxFileTests.Idx(0x08, [100, 28, 28], new byte[50]));
        dir.Write("magic-idx3-ubyte", [1, 2, 3, 4, 0, 0, 0, 1, 0]);
        CliRunner.AssertBadInput(dir, args, expected, what);
    }
}
