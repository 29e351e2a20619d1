namespace MathForML.Tests.Cli;

/// <summary>
/// Bytes from paths, files and arguments reach the terminal only as printable text (issue 21, item 6): control
/// characters are escaped in error lines, and '@FILE' is a file name, never a response file expanded into arguments.
/// </summary>
public class TerminalSafetyTests
{
    [Fact]
    public void Control_characters_in_a_path_are_escaped()
    {
        using var dir = new TempDirectory();
        var hostile = dir.File("a\u001b]0;pwned\u0007b\u009b.csv");
        var (code, _, error) = CliRunner.Run("linalg", "det", hostile);
        Assert.Equal(2, code);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain('\u0007', error);
        Assert.DoesNotContain('\u009b', error);
        Assert.Contains("\\x1b]0;pwned\\x07b\\x9b.csv", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Control_characters_in_a_data_file_are_escaped()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("m.csv", "1,2\n3,\u001b[2J\n");
        var (code, _, error) = CliRunner.Run("linalg", "det", path);
        Assert.Equal(2, code);
        Assert.DoesNotContain('\u001b', error);
    }

    [Fact]
    public void Control_characters_in_an_option_name_are_escaped()
    {
        var (code, _, error) = CliRunner.Run("linalg", "det", "--\u001b]52;c;aGVsbG8=\u0007");
        Assert.Equal(2, code);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain('\u0007', error);
    }

    [Fact]
    public void An_at_sign_names_a_file_not_a_response_file()
    {
        using var dir = new TempDirectory();
        var secret = dir.Write("secret.txt", "--the-secret-token\n");
        var (code, _, error) = CliRunner.Run("linalg", "det", "@" + secret);
        Assert.Equal(2, code);
        Assert.DoesNotContain("the-secret-token", error);
        Assert.Contains("@" + secret, error);

        // A data file whose name starts with '@' can be used.
        var at = dir.Write("@m.csv", "1,2\n3,4\n");
        var (ok, output, _) = CliRunner.Run("linalg", "det", at);
        Assert.Equal(0, ok);
        Assert.Contains("-2", output);
    }
}
