namespace MathForML.Tests.Cli;

/// <summary><c>mml calc sandpit</c>: the library's sandpit behind flags, every number in --json.</summary>
public class CalcSandpitCommandTests
{
    [Fact]
    public void JsonHasTheLandscapeAndEachClicksReading()
    {
        var r = CliRunner.Json("calc", "sandpit", "--click", "3,1.5", "--click", "5.12,3.1");
        Assert.Equal("random", r.GetProperty("landscape").GetString());
        Assert.Equal("jacobian", r.GetProperty("mode").GetString());
        // The course's phone for seed 0 (SciPy: 0.969865, 0.517959; Reference/sandpit).
        Assert.Equal(0.969865, r.GetProperty("phone")[0].GetDouble(), 1e-5);
        Assert.Equal(0.517959, r.GetProperty("phone")[1].GetDouble(), 1e-5);
        var clicks = r.GetProperty("clicks");
        Assert.Equal(2, clicks.GetArrayLength());
        Assert.Equal(2, clicks[0].GetProperty("jacobian").GetArrayLength());
        Assert.Equal("searching", clicks[0].GetProperty("outcome").GetString());
        Assert.Equal("stuck_in_local_minimum", clicks[1].GetProperty("outcome").GetString());
        Assert.Equal(5.127, clicks[1].GetProperty("local_minimum")[0].GetDouble(), 2e-3);
        Assert.Equal(2, r.GetProperty("guesses").GetInt32());
        Assert.False(r.TryGetProperty("games", out _));   // null values are left out of the JSON
    }

    [Fact]
    public void SteepestDescentPrintsTheCoursesSteps()
    {
        // From (3, 1.5) on seed 0, the graded −0.5·J: five steps ending at (0.8198, 0.4997) (the course's loop in NumPy).
        var r = CliRunner.Json("calc", "sandpit", "--click", "3,1.5", "--strategy", "gradient");
        Assert.Equal("steepest-descent", r.GetProperty("mode").GetString());
        var steps = r.GetProperty("clicks")[0].GetProperty("steps");
        Assert.Equal(5, steps.GetArrayLength());
        Assert.Equal(0.8197666567, steps[4].GetProperty("x").GetDouble(), 1e-9);
        Assert.Equal(0.4997406948, steps[4].GetProperty("y").GetDouble(), 1e-9);
        var (code, output, _) = CliRunner.Run("calc", "sandpit", "--click", "1,1", "--strategy", "gradient");
        Assert.Equal(0, code);
        Assert.Contains("found the phone!", output);
        Assert.Contains("step 2 →", output);
    }

    [Fact]
    public void DepthOnlyShowsNoGradient()
    {
        var r = CliRunner.Json("calc", "sandpit", "--landscape", "depth-only", "--click", "2,2");
        Assert.Equal("depth-only", r.GetProperty("mode").GetString());
        Assert.False(r.GetProperty("clicks")[0].TryGetProperty("jacobian", out _));
        Assert.False(r.GetProperty("clicks")[0].TryGetProperty("arrow", out _));
        Assert.True(r.GetProperty("clicks")[0].GetProperty("depth").GetDouble() is >= -9 and <= -1);
    }

    [Fact]
    public void GamesGiveAWinRateThatTheSeedRepeats()
    {
        var a = CliRunner.Json("calc", "sandpit", "--games", "20", "--strategy", "hybrid").GetProperty("games");
        var b = CliRunner.Json("calc", "sandpit", "--games", "20", "--strategy", "hybrid").GetProperty("games");
        Assert.Equal(20, a.GetProperty("games").GetInt32());
        Assert.Equal(a.GetProperty("wins").GetInt32(), b.GetProperty("wins").GetInt32());
        Assert.Equal(a.GetProperty("wins").GetInt32() / 20.0, a.GetProperty("win_rate").GetDouble());
        Assert.Equal(20, a.GetProperty("clicks").GetArrayLength());
        var (code, output, _) = CliRunner.Run("calc", "sandpit", "--games", "20", "--strategy", "newton");
        Assert.Equal(0, code);
        Assert.Contains("of 20 random clicks (win rate", output);
    }

    [Fact]
    public void TheRandomLimitHybridDrawsFromTheSeededStream()
    {
        // The limit is a fresh uniform draw each time the Newton step goes downhill, so the steps can differ from the fixed limit's.
        var r = CliRunner.Json("calc", "sandpit", "--click", "3,1.5", "--strategy", "hybrid", "--random-limit");
        Assert.True(r.GetProperty("random_limit").GetBoolean());
        Assert.Equal("hybrid", r.GetProperty("strategy").GetString());
        Assert.InRange(r.GetProperty("clicks")[0].GetProperty("steps").GetArrayLength(), 1, 5);
    }

    [Fact]
    public void PlotWritesAPicture()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = CliRunner.Run("calc", "sandpit", "--click", "3,1.5", "--strategy", "gradient", "--plot", dir.File("sandpit.png"));
        Assert.True(code == 0, error);
        Assert.Equal(["sandpit.png"], dir.Files());
        Assert.True(new FileInfo(dir.File("sandpit.png")).Length > 20_000);
    }
}
