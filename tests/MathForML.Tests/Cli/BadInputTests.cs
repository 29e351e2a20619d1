namespace MathForML.Tests.Cli;

/// <summary>
/// Every kind of bad input exits 2 with one line on stderr that names the problem, prints no stack trace and leaves
/// no output file behind.
/// </summary>
public class BadInputTests
{
    public static TheoryData<string, string[], string> Cases => new()
    {
        { "missing file", ["linalg", "rank", "{dir}/missing.csv"], "file not found" },
        { "directory as file", ["linalg", "rank", "{dir}"], "is a directory" },
        { "empty file", ["linalg", "rank", "{dir}/empty.csv"], "empty" },
        { "binary garbage", ["linalg", "rank", "{dir}/garbage.csv"], "binary data" },
        { "ragged rows", ["linalg", "rref", "{dir}/ragged.csv"], "ragged.csv:2:1: row has 1 values" },
        { "non-numeric cell", ["linalg", "det", "{dir}/word.csv"], "word.csv:2:3: 'x' is not a number" },
        { "NaN entry", ["linalg", "inverse", "{dir}/nan.csv", "--out", "{dir}/out.csv"], "not a finite number" },
        { "non-square det", ["linalg", "det", "{dir}/wide.csv"], "square matrix, found 2×3" },
        { "non-square inverse", ["linalg", "inverse", "{dir}/wide.csv", "--out", "{dir}/out.csv"], "square matrix" },
        { "singular inverse", ["linalg", "inverse", "{dir}/singular.csv", "--out", "{dir}/out.csv"], "singular" },
        { "singular solve", ["linalg", "solve", "{dir}/singular.csv", "{dir}/b2.csv", "--out", "{dir}/out.csv"], "singular" },
        { "solve shape mismatch", ["linalg", "solve", "{dir}/square.csv", "{dir}/b3.csv", "--out", "{dir}/out.csv"], "b: Right-hand side has 3 rows" },
        { "truncated npy", ["linalg", "rank", "{dir}/truncated.npy"], "truncated" },
        { "unknown option", ["linalg", "rank", "--frobnicate", "{dir}/square.csv"], "--frobnicate" },
        { "unknown command", ["linalg", "transmogrify"], "transmogrify" },
        { "missing argument", ["linalg", "solve", "{dir}/square.csv"], "Required argument missing" },
        { "bad number option", ["linalg", "gram-schmidt", "{dir}/square.csv", "--tol", "abc"], "abc" },
        { "negative tolerance", ["linalg", "gram-schmidt", "{dir}/square.csv", "--tol", "-1"], "--tol: The tolerance must be a finite number ≥ 0" },
        { "reflect shape", ["linalg", "reflect", "--mirror", "{dir}/square.csv", "--points", "{dir}/b3.csv", "--out", "{dir}/out.csv"], "Points must have 2 rows" },
        { "reflect dependent mirror", ["linalg", "reflect", "--mirror", "{dir}/singular.csv", "--points", "{dir}/b2.csv"], "dependent columns" },
        { "out into missing folder", ["linalg", "inverse", "{dir}/square.csv", "--out", "{dir}/no/such/dir/out.csv"], "does not exist" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExitsTwoWithOneLine(string what, string[] args, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("empty.csv", "");
        dir.Write("garbage.csv", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0xFF, 0xFE]);
        dir.Write("ragged.csv", "1,2\n3\n");
        dir.Write("word.csv", "1,2\n3,x\n");
        dir.Write("nan.csv", "1,NaN\n3,4\n");
        dir.Write("wide.csv", "1,2,3\n4,5,6\n");
        dir.Write("singular.csv", "1,2\n2,4\n");
        dir.Write("square.csv", "1,2\n3,4\n");
        dir.Write("b2.csv", "1\n2\n");
        dir.Write("b3.csv", "1\n2\n3\n");
        dir.Write("truncated.npy", Data.NpyFileTests.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4, 4), }", new byte[40]));
        CliRunner.AssertBadInput(dir, args, expected, what);
    }
}
