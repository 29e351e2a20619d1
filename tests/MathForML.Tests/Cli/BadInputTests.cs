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
        { "stats ragged rows", ["stats", "mean", "{dir}/ragged.csv"], "ragged.csv:2:1: row has 1 values" },
        { "stats non-numeric cell", ["stats", "cov", "{dir}/word.csv", "--out", "{dir}/s.npy"], "word.csv:2:3: 'x' is not a number" },
        { "stats cov ddof N", ["stats", "cov", "{dir}/square.csv", "--ddof", "2", "--out", "{dir}/s.npy"], "--ddof: ddof must be between 0 and N − 1 = 1" },
        { "stats cov ddof negative", ["stats", "cov", "{dir}/square.csv", "--ddof", "-1"], "--ddof: ddof must be between 0 and N − 1" },
        { "stats mean out with an unknown extension", ["stats", "mean", "{dir}/square.csv", "--out", "{dir}/mu.xlsx"], "unknown extension '.xlsx'" },
        { "geometry vectors of different lengths", ["geometry", "distance", "--a", "1,2", "--b", "1,2,3"], "--a has 2 elements and --b 3: the vectors must have the same length" },
        { "geometry word in a vector", ["geometry", "angle", "--a", "1,x", "--b", "1,2"], "--a: 'x' in '1,x' is not a finite number" },
        { "geometry inner product not symmetric", ["geometry", "distance", "--a", "1,2", "--b", "2,1", "--inner-product", "{dir}/square.csv"], "--inner-product: An inner product needs a symmetric matrix" },
        { "geometry inner product not positive definite", ["geometry", "angle", "--a", "1,0", "--b", "0,1", "--inner", "1,0;0,-1"], "--inner-product: An inner product needs a positive definite matrix" },
        { "geometry inner product of another size", ["geometry", "distance", "--a", "1,2,3", "--b", "3,2,1", "--inner", "2,1;1,2"], "--inner-product is 2×2, an inner product on vectors of 2 elements, but --a and --b have 3" },
        { "geometry ragged inner product", ["geometry", "distance", "--a", "1,2", "--b", "3,2", "--inner", "2,1;1"], "--inner-product: row 2 of '2,1;1' has 1 values, row 1 has 2" },
        { "geometry angle with the zero vector", ["geometry", "angle", "--a", "0,0", "--b", "1,1"], "--a: The angle with the zero vector is undefined" },
        { "geometry similar row out of range", ["geometry", "similar", "--data", "{dir}/square.csv", "--row", "2"], "--row 2 is out of range: " },
        { "geometry similar negative row", ["geometry", "similar", "--data", "{dir}/square.csv", "--row", "-1"], "--row -1 is out of range" },
        { "geometry similar k too large", ["geometry", "similar", "--data", "{dir}/square.csv", "--row", "0", "--k", "2"], "--k: k must be between 1 and the 1 rows" },
        { "geometry similar query of another length", ["geometry", "similar", "--data", "{dir}/square.csv", "--query", "1,2,3"], "--query has 3 elements but the rows of" },
        { "geometry similar row and query", ["geometry", "similar", "--data", "{dir}/square.csv", "--row", "0", "--query", "1,2"], "give exactly one of --row" },
        { "geometry similar bad data", ["geometry", "similar", "--data", "{dir}/word.csv", "--row", "0"], "word.csv:2:3: 'x' is not a number" },
        { "geometry project dependent basis", ["geometry", "project", "--vector", "1,2", "--basis", "{dir}/singular.csv", "--out", "{dir}/p.csv"], "--basis: BᵀB is singular: the columns of B are linearly dependent" },
        { "geometry project dependent written basis", ["geometry", "project", "--vector", "1,2,3", "--basis", "1,2;2,4;3,6"], "--basis: BᵀB is singular" },
        { "geometry project zero line", ["geometry", "project", "--vector", "1,2", "--onto-line", "0,0"], "--onto-line: b is the zero vector" },
        { "geometry project basis of another height", ["geometry", "project", "--data", "{dir}/wide.csv", "--basis", "{dir}/square.csv"], "--basis spans a subspace of ℝ^2 (2×2) but the points of" },
        { "geometry project line and basis", ["geometry", "project", "--vector", "1,2", "--onto-line", "1,1", "--basis", "1,0;0,1"], "give exactly one of --onto-line" },
        { "geometry project no points", ["geometry", "project", "--onto-line", "1,1"], "give exactly one of --vector" },
        { "pca course layout without a components file", ["pca", "--data", "{dir}/square.csv", "--course-layout"], "--course-layout arranges the file of --out-components" },
        { "pca components file with an unknown extension", ["pca", "--data", "{dir}/square.csv", "--out-mean", "{dir}/mu.npy", "--out-components", "{dir}/b.xlsx"], "unknown extension '.xlsx'" },
        { "pca reconstruction into a missing folder", ["pca", "--data", "{dir}/square.csv", "--out-mean", "{dir}/mu.npy", "--out-reconstruction", "{dir}/no/such/r.npy"], "does not exist" },
        { "pca two outputs to one file", ["pca", "--data", "{dir}/square.csv", "--out-mean", "{dir}/x.npy", "--out-components", "{dir}/x.npy"], "name the same file" },
        { "pca output to standard output", ["pca", "--data", "{dir}/square.csv", "--out-mean", "-"], "standard output ('-') holds the report" },
        { "learning rate that overflows", ["nn", "train", "--data", "curve", "--lr", "1e400", "--iterations", "10"], "--lr: '1e400' is not a finite number" },
        { "damping NaN", ["pagerank", "--course-internet", "6", "--damping", "NaN"], "--damping: 'NaN' is not a finite number" },
        { "expansion point -infinity", ["calc", "taylor", "exp(x)", "--at", "-1e999"], "--at: '-1e999' is not a finite number" },
        { "secant start that overflows", ["calc", "secant", "x^2 - 2", "--x0", "2e308"], "--x0: '2e308' is not a finite number" },
        { "pca of data whose variance overflows", ["pca", "--data", "{dir}/huge.csv", "--components", "1"], "--data: the variance of the data overflows" },
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
        dir.Write("huge.csv", "1e160,2e160\n3e160,1e160\n2e160,5e160\n");
        dir.Write("b2.csv", "1\n2\n");
        dir.Write("b3.csv", "1\n2\n3\n");
        dir.Write("truncated.npy", Data.NpyFileTests.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4, 4), }", new byte[40]));
        CliRunner.AssertBadInput(dir, args, expected, what);
    }
}
