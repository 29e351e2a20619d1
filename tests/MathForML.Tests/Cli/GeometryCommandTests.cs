using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.Tests.DimensionalityReduction;
using static MathForML.Tests.PcaCourseReference;

namespace MathForML.Tests.Cli;

/// <summary><c>mml geometry distance|angle|similar|project</c> against the course's weeks 2 and 3 computed by numpy (Reference/pca-course).</summary>
public class GeometryCommandTests
{
    private const double Tolerance = 1e-10;

    private static string List(Vector v) => string.Join(',', v.ToArray().Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DistanceAndAngleMatchTheCourse()
    {
        var week2 = Week(2);
        string a = List(week2.GetProperty("a").ToVector()), b = List(week2.GetProperty("b").ToVector());
        Assert.Equal(week2.GetProperty("distance").GetDouble(), CliRunner.Json("geometry", "distance", "--a", a, "--b", b).GetProperty("distance").GetDouble(), Tolerance);
        var angle = CliRunner.Json("geometry", "angle", "--a", a, "--b", b);
        Assert.Equal(week2.GetProperty("angle").GetDouble(), angle.GetProperty("radians").GetDouble(), Tolerance);
        Assert.Equal(week2.GetProperty("angle").GetDouble() * 180 / Math.PI, angle.GetProperty("degrees").GetDouble(), Tolerance);

        // ⟨x, y⟩ = xᵀ[[2, 1], [1, 2]]y, written out and as a file.
        using var dir = new TempDirectory();
        var m = dir.File("m.npy");
        NpyFile.Write(m, week2.GetProperty("inner").ToMatrix());
        string u = List(week2.GetProperty("u").ToVector()), v = List(week2.GetProperty("v").ToVector());
        foreach (var inner in new[] { "2,1;1,2", m })
        {
            var d = CliRunner.Json("geometry", "distance", $"--a={u}", $"--b={v}", "--inner-product", inner);
            Assert.Equal(week2.GetProperty("distance_inner").GetDouble(), d.GetProperty("distance").GetDouble(), Tolerance);
            Assert.Equal(2, d.GetProperty("inner_product").GetArrayLength());
            var w = CliRunner.Json("geometry", "angle", $"--a={u}", $"--b={v}", "--inner", inner);
            Assert.Equal(week2.GetProperty("angle_inner").GetDouble(), w.GetProperty("radians").GetDouble(), Tolerance);
        }
    }

    [Fact]
    public void HumanOutputGivesRadiansAndDegrees()
    {
        var (code, output, _) = CliRunner.Run("geometry", "angle", "--a", "1,0", "--b", "1,1");
        Assert.Equal(0, code);
        Assert.Contains("rad = 45", output);
        Assert.Contains("dot product", output);
        (code, output, _) = CliRunner.Run("geometry", "distance", "--a", "0,0", "--b", "3,4");
        Assert.Contains("d(a, b) = 5 (dot product)", output);
    }

    [Fact]
    public void MostSimilarDigitsMatchTheCourse()
    {
        foreach (var c in Week(2).GetProperty("most_similar").EnumerateArray())
        {
            int row = c.GetProperty("row").GetInt32(), k = c.GetProperty("k").GetInt32();
            var json = CliRunner.Json("geometry", "similar", "--data", MnistSubset.ImagesPath, "--row", row.ToString(), "--k", k.ToString());
            var indices = c.GetProperty("indices").ToInts();
            Assert.Equal(indices[0], json.GetProperty("index").GetInt32());
            Assert.Equal(indices, json.GetProperty("neighbors").EnumerateArray().Select(n => n.GetProperty("index").GetInt32()).ToArray());
            AssertClose(c.GetProperty("distances").ToVector(),
                Vector.Of(json.GetProperty("neighbors").EnumerateArray().Select(n => n.GetProperty("distance").GetDouble()).ToArray()), Tolerance, $"row {row}");
        }
    }

    [Fact]
    public void SimilarToAQueryVector()
    {
        using var dir = new TempDirectory();
        var path = StatsCommandTests.WriteCsv(dir, "small.csv", Small);
        var c = Week(2).GetProperty("most_similar_small")[1];
        // The query is row 1 itself: it comes first at distance 0, then numpy's three nearest other rows.
        var json = CliRunner.Json("geometry", "similar", "--data", path, "--query", List(Small.Row(1)), "--k", "4");
        var neighbours = json.GetProperty("neighbors").EnumerateArray().ToArray();
        Assert.Equal(1, neighbours[0].GetProperty("index").GetInt32());
        Assert.Equal(0, neighbours[0].GetProperty("distance").GetDouble());
        Assert.Equal(c.GetProperty("indices").ToInts(), neighbours.Skip(1).Select(n => n.GetProperty("index").GetInt32()).ToArray());
        AssertClose(c.GetProperty("distances").ToVector(), Vector.Of(neighbours.Skip(1).Select(n => n.GetProperty("distance").GetDouble()).ToArray()), Tolerance, "distances");

        var (code, output, _) = CliRunner.Run("geometry", "similar", "--data", path, "--row", "1", "--k", "3");
        Assert.Equal(0, code);
        Assert.Contains("The 3 rows of 12 nearest to row 1 (itself left out)", output);
    }

    [Fact]
    public void ProjectionsMatchTheCourse()
    {
        var week3 = Week(3);
        var line = CliRunner.Json("geometry", "project", "--vector", List(week3.GetProperty("line_x").ToVector()), "--onto-line", List(week3.GetProperty("line_b").ToVector()), "--matrix");
        AssertClose(week3.GetProperty("line_matrix").ToMatrix(), line.GetProperty("matrix").ToMatrix(), Tolerance, "projection_matrix_1d");
        AssertClose(week3.GetProperty("line_projection").ToVector(), line.GetProperty("projection").ToVector(), Tolerance, "project_1d");
        var x = week3.GetProperty("line_x").ToVector();
        Assert.Equal((x - week3.GetProperty("line_projection").ToVector()).Norm(), line.GetProperty("reconstruction_error").GetDouble(), Tolerance);

        var plane = CliRunner.Json("geometry", "project", "--vector", "6,0,0", "--basis", "1,0;1,1;1,2", "--matrix");
        Assert.Equal(2, plane.GetProperty("dimension").GetInt32());
        AssertClose(week3.GetProperty("plane_matrix").ToMatrix(), plane.GetProperty("matrix").ToMatrix(), Tolerance, "projection_matrix_general");
        AssertClose(week3.GetProperty("plane_projection").ToVector(), plane.GetProperty("projection").ToVector(), Tolerance, "project_general");
        Assert.False(CliRunner.Json("geometry", "project", "--vector", "6,0,0", "--basis", "1,0;1,1;1,2").TryGetProperty("matrix", out _));
    }

    [Fact]
    public void ProjectingADataFileGivesPointsAndTheirError()
    {
        var week3 = Week(3);
        using var dir = new TempDirectory();
        var points = StatsCommandTests.WriteCsv(dir, "points.csv", Small.SliceColumns(..3));
        var basis = dir.File("b.npy");
        NpyFile.Write(basis, week3.GetProperty("plane").ToMatrix());
        var json = CliRunner.Json("geometry", "project", "--data", points, "--basis", basis, "--out", dir.File("p.csv"));
        var expected = week3.GetProperty("points_projected").ToMatrix();
        AssertClose(expected, json.GetProperty("projected").ToMatrix(), Tolerance, "projected");
        AssertClose(expected, MatrixFile.Read(dir.File("p.csv")), Tolerance, "p.csv");
        Assert.Equal(week3.GetProperty("points_mse").GetDouble(), json.GetProperty("reconstruction_mse").GetDouble(), Tolerance);
        Assert.Equal(12, json.GetProperty("reconstruction_errors").GetArrayLength());

        var line = CliRunner.Json("geometry", "project", "--data", points, "--onto-line", "1,2,2");
        AssertClose(week3.GetProperty("points_line_projected").ToMatrix(), line.GetProperty("projected").ToMatrix(), Tolerance, "onto the line");

        var (code, output, _) = CliRunner.Run("geometry", "project", "--data", points, "--basis", basis, "--matrix");
        Assert.Equal(0, code);
        Assert.Contains("Projection matrix P (3×3):", output);
        Assert.Contains("mean squared reconstruction error", output);
    }

    [Fact]
    public void HelpListsTheNewCommands()
    {
        var (code, output, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("stats", output);
        Assert.Contains("geometry", output);
        (_, output, _) = CliRunner.Run("geometry", "--help");
        foreach (var sub in new[] { "distance", "angle", "similar", "project" }) Assert.Contains(sub, output);
        (_, output, _) = CliRunner.Run("stats", "cov", "--help");
        Assert.Contains("--ddof", output);
        (_, output, _) = CliRunner.Run("pca", "--help");
        foreach (var option in new[] { "--out-mean", "--out-components", "--course-layout", "--out-reconstruction" }) Assert.Contains(option, output);
    }
}
