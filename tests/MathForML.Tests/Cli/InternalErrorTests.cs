using System.CommandLine;
using MathForML.Cli;
using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Cli;

/// <summary>
/// A bug in mml never looks like the user's fault: an exception no input should cause exits 3 with one line asking to
/// report it, while the library's argument errors about parameters a command fills from the user's flags exit 2 naming
/// the flag. The commands here are added to the real command tree and fail on purpose.
/// </summary>
public class InternalErrorTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error, errorIsTerminal: false, extend: (root, context) =>
        {
            var invariant = new Command("broken-invariant");
            CommandAction.Set(invariant, _ => throw new InvalidOperationException("the echelon form lost a pivot"));
            root.Subcommands.Add(invariant);

            // The library rejects its argument x, which this command computed itself and did not take from a flag.
            var unmapped = new Command("unmapped-argument");
            CommandAction.Set(unmapped, _ => Pca.Fit(new Matrix(0, 3)).ComponentCount);
            root.Subcommands.Add(unmapped);

            // The same library error, about a parameter the command fills from --data: the user's input.
            var mapped = new Command("mapped-argument");
            CommandAction.Set(mapped, _ => Pca.Fit(new Matrix(0, 3)).ComponentCount, ("x", "--data"));
            root.Subcommands.Add(mapped);

            var nullReference = new Command("null-reference");
            CommandAction.Set(nullReference, _ => ((string?)null)!.Length);
            root.Subcommands.Add(nullReference);
        });
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("broken-invariant", "InvalidOperationException: the echelon form lost a pivot")]
    [InlineData("unmapped-argument", "ArgumentException: PCA needs at least one sample and one feature")]
    [InlineData("null-reference", "NullReferenceException")]
    public void ABugExitsThreeWithOneLineAskingToReportIt(string command, string expected)
    {
        var (code, output, error) = Run(command);
        Assert.Equal(3, code);
        Assert.Empty(output);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("mml: internal error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("please report it", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameLibraryErrorAboutAFlagIsBadInput()
    {
        var (code, output, error) = Run("mapped-argument");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal("mml: error: --data: PCA needs at least one sample and one feature; the data is 0×3.", error.TrimEnd('\n'));
    }
}
