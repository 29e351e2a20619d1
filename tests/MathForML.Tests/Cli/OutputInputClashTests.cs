namespace MathForML.Tests.Cli;

/// <summary>
/// An output that is one of the command's inputs is refused before any work, and the input is left as it was; an empty
/// output name is an error, not ignored (issue 21, item 9).
/// </summary>
public class OutputInputClashTests
{
    [Fact]
    public void Saving_a_model_over_its_training_data_is_refused()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("d.csv", "0.1,0.2,0\n0.9,0.8,1\n0.2,0.1,0\n0.8,0.9,1\n");
        var before = File.ReadAllText(data);
        var (code, output, error) = CliRunner.Run("nn", "train", "--data", data, "--save", data, "--epochs", "1");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("--save", error);
        Assert.Contains("is also the input --data", error);
        Assert.Equal(before, File.ReadAllText(data));
    }

    [Fact]
    public void An_output_that_is_a_symlink_to_the_input_is_refused()
    {
        using var dir = new TempDirectory();
        var m = dir.Write("m.csv", "2,1\n1,3\n");
        var link = dir.File("link.csv");
        File.CreateSymbolicLink(link, m);
        var (code, _, error) = CliRunner.Run("linalg", "inverse", m, "--out", link);
        Assert.Equal(2, code);
        Assert.Contains("is also the input", error);
        Assert.Equal("2,1\n1,3\n", File.ReadAllText(m));
    }

    [Fact]
    public void An_empty_output_name_is_an_error()
    {
        using var dir = new TempDirectory();
        var m = dir.Write("m.csv", "2,1\n1,3\n");
        var (code, _, error) = CliRunner.Run("linalg", "inverse", m, "--out", "");
        Assert.Equal(2, code);
        Assert.Contains("--out: the file name is empty", error);
    }

    [Fact]
    public void Another_output_file_is_written()
    {
        using var dir = new TempDirectory();
        var m = dir.Write("m.csv", "2,1\n1,3\n");
        var (code, _, _) = CliRunner.Run("linalg", "inverse", m, "--out", dir.File("inv.csv"));
        Assert.Equal(0, code);
        Assert.True(File.Exists(dir.File("inv.csv")));
    }
}
