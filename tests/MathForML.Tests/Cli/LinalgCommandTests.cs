using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Cli;

public class LinalgCommandTests
{
    [Fact]
    public void RrefRankDetInverseSolveAsJson()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.csv", "2,1\n1,3\n");
        var b = dir.Write("b.csv", "3\n5\n");
        var rref = CliRunner.Json("linalg", "rref", a);
        Assert.Equal(2, rref.GetProperty("rank").GetInt32());
        Assert.Equal([0, 1], rref.GetProperty("pivots").ToInts());
        Assert.Equal(Matrix.Identity(2), rref.GetProperty("rref").ToMatrix());
        Assert.Equal(2, CliRunner.Json("linalg", "rank", a).GetProperty("rank").GetInt32());
        Assert.Equal(5, CliRunner.Json("linalg", "det", a).GetProperty("determinant").GetDouble(), 14);
        var inverse = CliRunner.Json("linalg", "inverse", a).GetProperty("inverse").ToMatrix();
        Assert.True(inverse.ApproximatelyEquals(Matrix.FromRows([0.6, -0.2], [-0.2, 0.4]), 1e-15));
        var x = CliRunner.Json("linalg", "solve", a, b).GetProperty("x").ToVector();
        Assert.True(x.ApproximatelyEquals(Vector.Of(0.8, 1.4), 1e-15));
        Assert.False(CliRunner.Json("linalg", "singular", a).GetProperty("singular").GetBoolean());
        var gs = CliRunner.Json("linalg", "gram-schmidt", a);
        Assert.Equal(2, gs.GetProperty("dimension").GetInt32());
    }

    [Fact]
    public void ReflectAndOutFile()
    {
        using var dir = new TempDirectory();
        var mirror = dir.Write("mirror.csv", "1,-1\n1,1\n");
        var points = dir.Write("p.csv", "1,2\n0,5\n");
        var outPath = dir.File("reflected.csv");
        var json = CliRunner.Json("linalg", "reflect", "--mirror", mirror, "--points", points, "--out", outPath);
        Assert.True(json.GetProperty("points").ToMatrix().ApproximatelyEquals(Matrix.FromRows([0, 5], [1, 2]), 1e-15));
        Assert.True(MathForML.Data.MatrixFile.Read(outPath).ApproximatelyEquals(Matrix.FromRows([0, 5], [1, 2]), 1e-15));
    }

    [Fact]
    public void HumanOutputIsReadable()
    {
        using var dir = new TempDirectory();
        var (code, output, error) = CliRunner.Run("linalg", "rref", dir.Write("a.csv", "1,2\n2,4\n"));
        Assert.Equal(0, code);
        Assert.Contains("rank: 1", output);
        Assert.Contains("pivot columns: [0]", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void IllConditionedSolveWarnsOnStderrOnly()
    {
        using var dir = new TempDirectory();
        var hilbert = string.Join('\n', Enumerable.Range(0, 12).Select(i => string.Join(',', Enumerable.Range(0, 12).Select(j => (1.0 / (i + j + 1)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)))));
        var a = dir.Write("h.csv", hilbert);
        var b = dir.Write("b.csv", string.Join('\n', Enumerable.Repeat("1", 12)));
        var (code, output, error) = CliRunner.Run("linalg", "solve", a, b, "--json");
        Assert.Equal(0, code);
        Assert.Contains("mml: warning: the matrix is ill-conditioned", error);
        Assert.StartsWith("{", output);
    }
}

public class SpectralCommandTests
{
    [Fact]
    public void SymmetricEigIsDescendingByMagnitude()
    {
        using var dir = new TempDirectory();
        var json = CliRunner.Json("linalg", "eig", dir.Write("s.csv", "1,0,0\n0,-3,0\n0,0,2\n"));
        Assert.True(json.GetProperty("symmetric").GetBoolean());
        Assert.Equal([-3.0, 2, 1], json.GetProperty("eigenvalues").ToVector().ToArray());
        var v = json.GetProperty("eigenvectors").ToMatrix();
        Assert.Equal(1.0, v[1, 0]);   // sign-normalised: largest component positive
    }

    [Fact]
    public void GeneralEigWithComplexPairs()
    {
        using var dir = new TempDirectory();
        var json = CliRunner.Json("linalg", "eig", dir.Write("r.csv", "0,-2\n2,0\n"));
        var values = json.GetProperty("eigenvalues").EnumerateArray().ToArray();
        Assert.Equal(2, values[0].GetProperty("im").GetDouble(), 14);
        Assert.Equal(-2, values[1].GetProperty("im").GetDouble(), 14);
        Assert.Equal(2, json.GetProperty("eigenvectors").GetArrayLength());
        var (code, output, _) = CliRunner.Run("linalg", "eig", dir.File("r.csv"));
        Assert.Equal(0, code);
        Assert.Contains("+ 2i", output);
    }

    [Fact]
    public void SvdOfRankOneMatrix()
    {
        using var dir = new TempDirectory();
        var json = CliRunner.Json("linalg", "svd", dir.Write("a.csv", "1,2\n2,4\n3,6\n"));
        Assert.Equal(Math.Sqrt(70), json.GetProperty("singular_values")[0].GetDouble(), 12);
        Assert.Equal(1, json.GetProperty("rank").GetInt32());
        Assert.Equal(3, json.GetProperty("u").GetArrayLength());
        Assert.Equal("Jacobi", json.GetProperty("algorithm").GetString());
    }

    /// <summary>A well-conditioned 90×40 matrix takes the Gram path, and says so; σ as the bidiagonal path's.</summary>
    [Fact]
    public void SvdReportsTheGramPath()
    {
        using var dir = new TempDirectory();
        var a = MathForML.Tests.LinearAlgebra.EigenReferenceData.Lcg(90, 40, 17);
        NpyFile.Write(dir.File("a.npy"), a);
        var json = CliRunner.Json("linalg", "svd", dir.File("a.npy"));
        Assert.Equal("Gram", json.GetProperty("algorithm").GetString());
        var sigma = json.GetProperty("singular_values").ToVector();
        var reference = Svd.Values(a, SvdAlgorithm.Bidiagonalization);
        for (int i = 0; i < 40; i++) Assert.Equal(reference[i], sigma[i], 1e-13 * reference[0]);
        Assert.Contains("algorithm: Gram", CliRunner.Run("linalg", "svd", dir.File("a.npy")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void EigValuesOnlyAndVectorsToAFile()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("s.csv", "2,1,0\n1,3,1\n0,1,4\n");
        var values = CliRunner.Json("linalg", "eig", a, "--values-only");
        Assert.False(values.TryGetProperty("eigenvectors", out _));
        Assert.True(values.GetProperty("seconds").GetDouble() >= 0);
        var expected = new[] { 3 + Math.Sqrt(3), 3, 3 - Math.Sqrt(3) };
        var got = values.GetProperty("eigenvalues").ToVector();
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], got[i], 14);

        var full = CliRunner.Json("linalg", "eig", a, "--out", dir.File("v.npy"));
        Assert.False(full.TryGetProperty("eigenvectors", out _));
        Assert.Equal(dir.File("v.npy"), full.GetProperty("eigenvectors_file").GetString());
        var v = NpyFile.ReadMatrix(dir.File("v.npy"));
        var reference = CliRunner.Json("linalg", "eig", a).GetProperty("eigenvectors").ToMatrix();
        Assert.Equal(reference, v);

        CliRunner.AssertBadInput(dir, ["linalg", "eig", a, "--values-only", "--out", dir.File("x.npy")], "--values-only computes no eigenvectors");
        CliRunner.AssertBadInput(dir, ["linalg", "eig", dir.Write("r.csv", "0,-2\n2,0\n"), "--out", dir.File("c.npy")], "complex");
    }

    [Fact]
    public void SvdValuesOnlyAndFactorsToFiles()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.csv", "1,2\n2,4\n3,6.5\n");
        var full = CliRunner.Json("linalg", "svd", a);
        var values = CliRunner.Json("linalg", "svd", a, "--values-only");
        Assert.False(values.TryGetProperty("u", out _));
        Assert.Equal(full.GetProperty("rank").GetInt32(), values.GetProperty("rank").GetInt32());
        var sigma = full.GetProperty("singular_values").ToVector();
        var valuesOnly = values.GetProperty("singular_values").ToVector();
        for (int i = 0; i < 2; i++) Assert.Equal(sigma[i], valuesOnly[i], 13);

        var files = CliRunner.Json("linalg", "svd", a, "--out-u", dir.File("u.npy"), "--out-vt", dir.File("vt.csv"));
        Assert.False(files.TryGetProperty("u", out _));
        Assert.False(files.TryGetProperty("vt", out _));
        Assert.Equal(full.GetProperty("u").ToMatrix(), NpyFile.ReadMatrix(dir.File("u.npy")));
        Assert.True(full.GetProperty("vt").ToMatrix().ApproximatelyEquals(MatrixFile.Read(dir.File("vt.csv")), 0));
        CliRunner.AssertBadInput(dir, ["linalg", "svd", a, "--values-only", "--out-u", dir.File("u2.npy")], "--values-only computes no singular vectors");
    }

    [Fact]
    public void EigRejectsNonSquareAndAsymmetricWithSymmetricFlag()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = CliRunner.Run("linalg", "eig", dir.Write("w.csv", "1,2,3\n4,5,6\n"));
        Assert.Equal(2, code);
        Assert.Contains("square", error);
        (code, _, error) = CliRunner.Run("linalg", "eig", "--symmetric", dir.Write("a.csv", "1,2\n3,4\n"));
        Assert.Equal(2, code);
        Assert.StartsWith("mml: error:", error);
    }
}
